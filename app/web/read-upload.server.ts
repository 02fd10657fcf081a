import {
  getMultipartBoundary,
  MaxFileSizeExceededError,
  MaxHeaderSizeExceededError,
  MaxPartsExceededError,
  MaxTotalSizeExceededError,
  parseMultipartStream,
  type MultipartPart,
} from '@remix-run/multipart-parser';
import type { ReadForm } from '../domain/intake/web/submit-web-form.server.ts';
import { BodyTooLarge, limitedBodyStream, readBodyBytes, UnreadableBody } from './read-body.server.ts';

export type UploadedFile = { fieldName: string; filename: string; bytes: Buffer; truncated: boolean };

export type ParsedUpload = {
  fields: FormData;
  files: UploadedFile[];
  /** More files were sent than allowed; the extra ones were discarded. */
  tooManyFiles: boolean;
};

export type { UploadLimits } from '../domain/intake/web/submit-web-form.server.ts';
import type { UploadLimits } from '../domain/intake/web/submit-web-form.server.ts';

/** Parts of any kind (fields and files): the form has about a dozen fields. */
export const MAX_PARTS = 100;
/** One text field; the longest, a suggestion's body, is far shorter. */
export const MAX_FIELD_BYTES = 1024 * 1024;

/**
 * Streams a form post with files. Text fields are always kept; a file over
 * `maxFileBytes` is dropped and flagged (`truncated`) instead of aborting the
 * parse, so the form can come back with every typed value and a message about
 * the file. A body over `maxTotalBytes` (counted on the wire, chunked or not),
 * more than MAX_PARTS parts or a field over MAX_FIELD_BYTES stops the read
 * (BodyTooLarge); a malformed body is UnreadableBody. Memory held: at most
 * `maxTotalBytes`, the same bound the files themselves are allowed.
 */
export async function readUpload(request: Request, limits: UploadLimits): Promise<ParsedUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    const bytes = await readBodyBytes(request, limits.maxTotalBytes);
    if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded') && bytes.length > 0)
      throw new UnreadableBody('not a form');
    const fields = new FormData();
    for (const [name, value] of new URLSearchParams(bytes.toString('utf8'))) fields.append(name, value);
    return { fields, files: [], tooManyFiles: false };
  }
  const boundary = getMultipartBoundary(contentType);
  if (!boundary) throw new UnreadableBody('multipart without a boundary');

  const result: ParsedUpload = { fields: new FormData(), files: [], tooManyFiles: false };
  const parts = parseMultipartStream(limitedBodyStream(request, limits.maxTotalBytes), {
    boundary,
    // Per part the parser may buffer up to the total: an oversized file is
    // still read to its end, so the fields after it are not lost.
    maxFileSize: limits.maxTotalBytes,
    maxTotalSize: limits.maxTotalBytes,
    maxParts: MAX_PARTS,
  });
  try {
    for await (const part of parts) keepPart(part, result, limits);
  } catch (error) {
    throw translate(error, limits.maxTotalBytes);
  }
  return result;
}

function keepPart(part: MultipartPart, result: ParsedUpload, limits: UploadLimits) {
  const name = part.name;
  if (!name) return;
  if (!part.isFile) {
    if (part.size > MAX_FIELD_BYTES) throw new BodyTooLarge(MAX_FIELD_BYTES);
    result.fields.append(name, part.text);
    return;
  }
  // Browsers send an empty, nameless part when no file was chosen.
  if (!part.filename && part.size === 0) return;
  if (result.files.length >= limits.maxFiles) {
    result.tooManyFiles = true;
    return;
  }
  const truncated = part.size > limits.maxFileBytes;
  result.files.push({
    fieldName: name,
    filename: part.filename || 'attachment',
    bytes: truncated ? Buffer.alloc(0) : Buffer.from(part.bytes),
    truncated,
  });
}

function translate(error: unknown, maxTotalBytes: number): unknown {
  if (error instanceof BodyTooLarge || error instanceof UnreadableBody) return error;
  if (
    error instanceof MaxTotalSizeExceededError ||
    error instanceof MaxFileSizeExceededError ||
    error instanceof MaxPartsExceededError
  ) {
    return new BodyTooLarge(maxTotalBytes);
  }
  // Anything else the parser or a header decoder throws (no closing boundary,
  // a header that is not UTF-8, one over 8 KiB) means the body is malformed.
  if (error instanceof MaxHeaderSizeExceededError || error instanceof Error)
    return new UnreadableBody('malformed multipart body');
  return error;
}

/**
 * readUpload over this request, in the shape the web intake adapter asks for
 * (app/domain/intake/web): the limits' refusals become plain answers, so the
 * domain never sees a Request or this layer's error classes.
 */
export function uploadReaderOf(request: Request): ReadForm {
  return async (limits) => {
    try {
      return await readUpload(request, limits);
    } catch (error) {
      if (error instanceof BodyTooLarge) return 'too_large';
      if (error instanceof UnreadableBody) return 'unreadable';
      throw error;
    }
  };
}

import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';

export type UploadedFile = { fieldName: string; filename: string; bytes: Buffer; truncated: boolean };

export type ParsedForm = {
  fields: FormData;
  files: UploadedFile[];
  /** More files were sent than allowed; the extra ones were discarded. */
  tooManyFiles: boolean;
};

export type MultipartLimits = { maxFileBytes: number; maxFiles: number; maxTotalBytes: number };

export class RequestTooLarge extends Error {}
export class UnreadableForm extends Error {}

/**
 * Streams a form post. Text fields are always kept; a file over the limit is
 * cut short and flagged (`truncated`) instead of aborting the parse, so the
 * form can come back with every typed value and a message about the file.
 * Only a request over `maxTotalBytes` stops early (RequestTooLarge).
 */
export async function parseForm(request: Request, limits: MultipartLimits): Promise<ParsedForm> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    try {
      return { fields: await request.formData(), files: [], tooManyFiles: false };
    } catch {
      throw new UnreadableForm('unreadable form body');
    }
  }
  if (!request.body) throw new UnreadableForm('empty body');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limits.maxTotalBytes) throw new RequestTooLarge('declared length over limit');

  return new Promise<ParsedForm>((resolve, reject) => {
    const fields = new FormData();
    const files: UploadedFile[] = [];
    let tooManyFiles = false;
    let received = 0;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        defParamCharset: 'utf8',
        limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 100, fieldSize: 1024 * 1024, parts: 200 },
      });
    } catch {
      reject(new UnreadableForm('bad multipart header'));
      return;
    }
    const source = Readable.fromWeb(request.body as NodeReadableStream);
    source.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxTotalBytes) {
        source.destroy();
        reject(new RequestTooLarge('body over limit'));
      }
    });
    source.on('error', () => reject(new UnreadableForm('request stream failed')));

    parser.on('field', (name, value) => fields.append(name, value));
    parser.on('file', (fieldName, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('close', () => {
        // Browsers send an empty part when no file was chosen.
        if (!info.filename && chunks.length === 0) return;
        files.push({ fieldName, filename: info.filename || 'attachment', bytes: Buffer.concat(chunks), truncated: stream.truncated === true });
      });
    });
    parser.on('filesLimit', () => (tooManyFiles = true));
    parser.on('error', () => reject(new UnreadableForm('malformed multipart body')));
    parser.on('close', () => resolve({ fields, files, tooManyFiles }));
    source.pipe(parser);
  });
}

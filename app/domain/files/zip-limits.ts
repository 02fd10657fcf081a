import { inflateRawSync } from 'node:zlib';

// Caps for opening an uploaded ZIP container (.docx, .xlsx, mail attachments).
// A "zip bomb" is a small file that inflates to gigabytes. The caps are checked
// against the central directory before anything is inflated, and every inflate
// is bounded again by the size the directory declared, so a directory that lies
// about its sizes cannot blow up memory either. Attachment text extraction also
// runs in a child process with a memory and time budget
// (text-extraction.server.ts), because mammoth inflates through JSZip, which
// trusts the archive. See docs/decisions/068, 077 and 090.
export type ZipLimits = {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Uncompressed : compressed, checked only for entries larger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
};

/** Plan import (read-docx.ts widens the total for long drafts). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 64 * 1024,
};

// Attachments from anyone: a long Word draft is a few MB of XML, and 100:1 is
// far above what real documents reach (XML deflates to about 1:10, images
// barely at all).
export const ATTACHMENT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** `unsupported`: ZIP64 or a compression method other than stored/deflate. */
export type ZipProblem = 'not_zip' | 'too_many_entries' | 'too_large' | 'ratio' | 'unsupported';
export class ZipLimitError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip refused: ${problem}`);
  }
}

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Lists a ZIP's entries from its central directory and refuses it when it breaks a limit. Inflates nothing. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const buffer = asBuffer(bytes);
  const eocd = findEndOfCentralDirectory(buffer);
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64: no Office document needs it, so it is
  // refused rather than half-read, and no size can hide in a 64-bit field.
  if (count === 0xffff || offset === 0xffffffff) throw new ZipLimitError('unsupported');
  if (count > limits.maxEntries) throw new ZipLimitError('too_many_entries');
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > eocd || buffer.readUInt32LE(offset) !== CENTRAL) throw new ZipLimitError('not_zip');
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const uncompressedSize = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localHeaderOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) throw new ZipLimitError('unsupported');
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) throw new ZipLimitError('too_large');
    if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize > Math.max(compressedSize, 1) * limits.maxRatio)
      throw new ZipLimitError('ratio');
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export type ZipVerdict = { ok: true; entries: number; totalBytes: number } | { ok: false; reason: ZipProblem };

/** inspectZip as a verdict, for callers that only decide whether to open the file (attachment text extraction). */
export function checkZipLimits(bytes: Uint8Array, limits: ZipLimits = ATTACHMENT_ZIP_LIMITS): ZipVerdict {
  try {
    const entries = inspectZip(bytes, limits);
    if (entries.length === 0) return { ok: false, reason: 'not_zip' };
    return { ok: true, entries: entries.length, totalBytes: entries.reduce((sum, e) => sum + e.uncompressedSize, 0) };
  } catch (error) {
    if (error instanceof ZipLimitError) return { ok: false, reason: error.problem };
    throw error;
  }
}

/** Inflates one entry, never producing more bytes than the central directory declared. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const buffer = asBuffer(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL) throw new ZipLimitError('not_zip');
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data.subarray(0, entry.uncompressedSize));
  if (entry.method !== 8) throw new ZipLimitError('unsupported');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  } catch (error) {
    if (error instanceof RangeError) throw new ZipLimitError('ratio');
    throw new ZipLimitError('not_zip');
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  throw new ZipLimitError('not_zip');
}

import { inflateRawSync } from 'node:zlib';

// Caps for opening an uploaded ZIP container (.docx, .xlsx, mail attachments).
// They are checked against the central directory before anything is inflated,
// and every inflate is bounded again by the size the directory declared, so a
// directory that lies about its sizes cannot blow up memory either.
export type ZipLimits = { maxEntries: number; maxTotalBytes: number; maxRatio: number };
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 200 };

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
export function inspectZip(bytes: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64: no Word draft needs it, so it is refused rather than half-read.
  if (count === 0xffff || offset === 0xffffffff) throw new ZipLimitError('unsupported');
  if (count > limits.maxEntries) throw new ZipLimitError('too_many_entries');
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) throw new ZipLimitError('not_zip');
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const uncompressedSize = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localHeaderOffset = bytes.readUInt32LE(offset + 42);
    const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) throw new ZipLimitError('unsupported');
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) throw new ZipLimitError('too_large');
    if (uncompressedSize > 64 * 1024 && uncompressedSize > Math.max(compressedSize, 1) * limits.maxRatio)
      throw new ZipLimitError('ratio');
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry, never producing more bytes than the central directory declared. */
export function readZipEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new ZipLimitError('not_zip');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data.subarray(0, entry.uncompressedSize));
  if (entry.method !== 8) throw new ZipLimitError('unsupported');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  } catch (error) {
    if (error instanceof RangeError) throw new ZipLimitError('ratio');
    throw new ZipLimitError('not_zip');
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  throw new ZipLimitError('not_zip');
}

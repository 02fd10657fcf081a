// Decompression caps for ZIP-based attachments (.docx, .xlsx), checked from
// the central directory before anything is inflated. A "zip bomb" is a small
// file that inflates to gigabytes; mammoth (through JSZip) would inflate every
// entry into memory. The sizes read here are what the archive declares: a
// lying archive can still inflate more, which is why extraction also runs in
// a worker thread with a memory and time budget (text-extraction.server.ts).
// See docs/decisions/077-bounded-attachment-extraction.md.

export type ZipCaps = {
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Uncompressed : compressed, checked for entries over ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
};

// A long Word draft is a few MB of XML; 100:1 is far above what real
// documents reach (XML deflates to about 1:10, images barely at all).
export const ATTACHMENT_ZIP_CAPS: ZipCaps = {
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export type ZipCapsVerdict =
  | { ok: true; entries: number; totalBytes: number }
  | { ok: false; reason: 'not_zip' | 'zip64' | 'too_many_entries' | 'too_large' | 'ratio' };

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const EOCD_MIN = 22;

export function checkZipCaps(bytes: Uint8Array, caps: ZipCaps = ATTACHMENT_ZIP_CAPS): ZipCapsVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return { ok: false, reason: 'not_zip' };
  const declaredEntries = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no Office document needs them; refusing them keeps this
  // reader small and means no size can hide behind a 64-bit extra field.
  if (declaredEntries === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (declaredEntries > caps.maxEntries) return { ok: false, reason: 'too_many_entries' };

  let offset = directoryOffset;
  let totalBytes = 0;
  let entries = 0;
  // Walk the directory itself rather than trusting the count in the end record.
  while (offset + 46 <= eocd && view.getUint32(offset, true) === CENTRAL_ENTRY) {
    entries += 1;
    if (entries > caps.maxEntries) return { ok: false, reason: 'too_many_entries' };
    const compressed = view.getUint32(offset + 20, true);
    const uncompressed = view.getUint32(offset + 24, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return { ok: false, reason: 'zip64' };
    totalBytes += uncompressed;
    if (totalBytes > caps.maxTotalBytes) return { ok: false, reason: 'too_large' };
    if (uncompressed > caps.ratioFloorBytes && uncompressed > Math.max(1, compressed) * caps.maxRatio)
      return { ok: false, reason: 'ratio' };
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  if (entries === 0) return { ok: false, reason: 'not_zip' };
  return { ok: true, entries, totalBytes };
}

// The end record sits in the last 22 bytes plus at most a 64 KiB comment.
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN;
  const first = Math.max(0, last - 0xffff);
  for (let offset = last; offset >= first; offset--) {
    if (view.getUint32(offset, true) === EOCD) return offset;
  }
  return -1;
}

// Attachment types are decided by content (magic bytes), not by the name a
// browser or mail client reports: an .exe renamed .pdf is refused.

export const ALLOWED_EXTENSIONS = ['docx', 'doc', 'pdf', 'wps', 'txt', 'jpg', 'jpeg', 'png'] as const;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

type Detected = { kind: 'pdf' | 'png' | 'jpeg' | 'docx' | 'ole' | 'text'; contentType: string };

const extensionKinds: Record<(typeof ALLOWED_EXTENSIONS)[number], Detected['kind']> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  docx: 'docx',
  // Word 97–2003 and WPS Office documents are both OLE compound files.
  doc: 'ole',
  wps: 'ole',
  txt: 'text',
};

const contentTypes: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  wps: 'application/vnd.ms-works',
  txt: 'text/plain',
};

export type AttachmentCheck =
  | { ok: true; contentType: string; extension: string }
  | { ok: false; reason: 'extension' | 'content' | 'empty' | 'too_large' };

export function checkAttachment(filename: string, bytes: Uint8Array): AttachmentCheck {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  if (!(ALLOWED_EXTENSIONS as readonly string[]).includes(extension)) return { ok: false, reason: 'extension' };
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'too_large' };
  const detected = detectKind(bytes);
  if (detected !== extensionKinds[extension as keyof typeof extensionKinds]) return { ok: false, reason: 'content' };
  return { ok: true, contentType: contentTypes[extension]!, extension };
}

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

export function detectKind(bytes: Uint8Array): Detected['kind'] | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return isWordPackage(bytes) ? 'docx' : null;
  return looksLikeText(bytes) ? 'text' : null;
}

// A .docx is a ZIP whose entries include word/document.xml. Entry names sit
// in clear text in the local headers, so a byte search is enough.
function isWordPackage(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml');
}

// Plain text in any charset a Chinese user may save (UTF-8, GBK, GB18030, Big5,
// UTF-16 with BOM): no NUL bytes and few control characters.
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control += 1;
  }
  return control <= sample.length / 100;
}

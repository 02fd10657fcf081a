import { attachmentText, type AttachmentText } from './attachment-text.server.ts';

/**
 * Adds each file's extracted text (or the note saying why there is none).
 * Run it before the transaction that stores the files: extraction may take
 * its whole time budget, and no lock or connection should wait on it.
 */
export async function withAttachmentText<T extends { filename: string; bytes: Uint8Array }>(
  files: T[],
): Promise<(T & AttachmentText)[]> {
  const result: (T & AttachmentText)[] = [];
  for (const file of files) {
    const extension = file.filename.toLowerCase().split('.').pop() ?? '';
    result.push({ ...file, ...(await attachmentText(extension, file.bytes)) });
  }
  return result;
}

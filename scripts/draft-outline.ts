// npm run draft:outline -- FILE.docx
// Prints the outline that importing FILE.docx would create, one heading per
// line, so an admin can check a draft before uploading it. Only the outline
// goes to standard output; problems go to standard error with exit code 1.
import { readFile } from 'node:fs/promises';
import { DocxReadError, MAX_DOCX_BYTES, readDocxDraft } from '../app/domain/plans/import-docx.server.ts';
import { formatOutline } from '../app/domain/plans/docx/format-outline.ts';
import { translator } from '../app/i18n/index.ts';
import type { MessageKey } from '../app/i18n/index.ts';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  process.stderr.write('用法 Usage: npm run draft:outline -- FILE.docx\n');
  process.exit(2);
}
try {
  const bytes = await readFile(file);
  if (bytes.length > MAX_DOCX_BYTES) throw new RangeError('too big');
  const draft = await readDocxDraft(bytes);
  const lines = formatOutline(draft.sections);
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
} catch (error) {
  const key: MessageKey =
    error instanceof DocxReadError && error.problem === 'zip_bomb'
      ? 'admin.error.zipBomb'
      : error instanceof DocxReadError && error.problem === 'unsupported_zip'
        ? 'admin.error.unsupportedZip'
        : error instanceof RangeError
          ? 'admin.error.tooLong'
          : (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'admin.error.fileMissing'
            : 'admin.error.notDocx';
  process.stderr.write(`${translator('zh-CN')(key)}\n${translator('en')(key)}\n`);
  process.exit(1);
}

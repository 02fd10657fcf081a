import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildDocx } from '../../../tests/fixtures/build-docx.ts';
import { ATTACHMENT_ZIP_CAPS, checkZipCaps } from './zip-caps-for-attachments.ts';

const bomb = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/zip-bombs', name));

test('the zip bombs made by Python and Info-ZIP are refused before anything is inflated', () => {
  // 80 MB of XML in 82 kB, made by python3 zipfile: over the 64 MB total.
  expect(checkZipCaps(bomb('spaces-80mb.docx'))).toEqual({ ok: false, reason: 'too_large' });
  // 60 MB of zeros in 61 kB, made by `zip -9`: under the total, over the ratio.
  expect(checkZipCaps(bomb('zeros-60mb.xlsx'))).toEqual({ ok: false, reason: 'ratio' });
});

test('each cap refuses on its own: total size, ratio and entry count', () => {
  const docx = buildDocx(['第一段', '第二段']);
  const verdict = checkZipCaps(docx);
  expect(verdict).toMatchObject({ ok: true });
  const { entries, totalBytes } = verdict as { entries: number; totalBytes: number };
  expect(checkZipCaps(docx, { ...ATTACHMENT_ZIP_CAPS, maxEntries: entries - 1 })).toEqual({
    ok: false,
    reason: 'too_many_entries',
  });
  expect(checkZipCaps(docx, { ...ATTACHMENT_ZIP_CAPS, maxTotalBytes: totalBytes - 1 })).toEqual({
    ok: false,
    reason: 'too_large',
  });
  expect(checkZipCaps(bomb('spaces-80mb.docx'), { ...ATTACHMENT_ZIP_CAPS, maxTotalBytes: 200 * 1024 * 1024 })).toEqual({
    ok: false,
    reason: 'ratio',
  });
  expect(checkZipCaps(bomb('zeros-60mb.xlsx'), { ...ATTACHMENT_ZIP_CAPS, maxRatio: 2000 })).toMatchObject({ ok: true });
});

test('what is not a readable zip is refused, whatever it claims', () => {
  expect(checkZipCaps(Buffer.from('PK\u0003\u0004 not a zip'))).toEqual({ ok: false, reason: 'not_zip' });
  expect(checkZipCaps(Buffer.alloc(0))).toEqual({ ok: false, reason: 'not_zip' });
  // An end record that points the directory past the end of the file.
  const lying = Buffer.alloc(22);
  lying.writeUInt32LE(0x06054b50, 0);
  lying.writeUInt16LE(1, 10);
  lying.writeUInt32LE(1000, 16);
  expect(checkZipCaps(lying)).toEqual({ ok: false, reason: 'not_zip' });
  const zip64 = Buffer.from(lying);
  zip64.writeUInt32LE(0xffffffff, 16);
  expect(checkZipCaps(zip64)).toEqual({ ok: false, reason: 'zip64' });
});

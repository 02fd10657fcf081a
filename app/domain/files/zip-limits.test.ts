import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildDocx } from '../../../tests/fixtures/build-docx.ts';
import { writeZip as zip } from '../../../tests/fixtures/write-zip.ts';
import {
  ATTACHMENT_ZIP_LIMITS,
  checkZipLimits,
  DEFAULT_ZIP_LIMITS,
  inspectZip,
  readZipEntry,
  ZipLimitError,
} from './zip-limits.ts';

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ZipLimitError ? error.problem : `other: ${String(error)}`;
  }
  return 'none';
};

test('an ordinary ZIP is listed from its central directory and its entries read back', () => {
  const bytes = zip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
  const [entry] = inspectZip(bytes);
  expect(entry).toMatchObject({ name: 'word/document.xml', uncompressedSize: 13 });
  expect(readZipEntry(bytes, entry!).toString()).toBe('<w:document/>');
});

test('too many entries, too many bytes in total and an abnormal ratio are refused before inflating', () => {
  const small = Buffer.from('x');
  expect(
    problem(() =>
      inspectZip(zip(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, data: small }))), {
        ...DEFAULT_ZIP_LIMITS,
        maxEntries: 4,
        maxTotalBytes: 1e6,
        maxRatio: 100,
      }),
    ),
  ).toBe('too_many_entries');
  const zeros = Buffer.alloc(20 * 1024 * 1024);
  expect(
    problem(() =>
      inspectZip(zip([{ name: 'a', data: zeros }]), {
        ...DEFAULT_ZIP_LIMITS,
        maxEntries: 10,
        maxTotalBytes: 10 * 1024 * 1024,
        maxRatio: 1e6,
      }),
    ),
  ).toBe('too_large');
  expect(
    problem(() =>
      inspectZip(zip([{ name: 'a', data: zeros }]), {
        ...DEFAULT_ZIP_LIMITS,
        maxEntries: 10,
        maxTotalBytes: 1e9,
        maxRatio: 100,
      }),
    ),
  ).toBe('ratio');
});

test('a central directory that understates a size cannot make inflating produce more than it declared', () => {
  const bytes = zip([{ name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x41), declared: 1000 }]);
  const [entry] = inspectZip(bytes, { ...DEFAULT_ZIP_LIMITS, maxEntries: 10, maxTotalBytes: 1e6, maxRatio: 1e6 });
  expect(problem(() => readZipEntry(bytes, entry!))).toBe('ratio');
});

test('bytes that are not a ZIP are named as such', () => {
  expect(problem(() => inspectZip(Buffer.from('not a zip at all, just text')))).toBe('not_zip');
});

const bomb = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/zip-bombs', name));

test('the zip bombs made by Python and Info-ZIP are refused before anything is inflated', () => {
  // 80 MB of XML in 82 kB, made by python3 zipfile: over the 64 MB total.
  expect(checkZipLimits(bomb('spaces-80mb.docx'))).toEqual({ ok: false, reason: 'too_large' });
  // 60 MB of zeros in 61 kB, made by `zip -9`: under the total, over the ratio.
  expect(checkZipLimits(bomb('zeros-60mb.xlsx'))).toEqual({ ok: false, reason: 'ratio' });
});

test('each cap refuses on its own: total size, ratio and entry count', () => {
  const docx = buildDocx(['第一段', '第二段']);
  const verdict = checkZipLimits(docx);
  expect(verdict).toMatchObject({ ok: true });
  const { entries, totalBytes } = verdict as { entries: number; totalBytes: number };
  expect(checkZipLimits(docx, { ...ATTACHMENT_ZIP_LIMITS, maxEntries: entries - 1 })).toEqual({
    ok: false,
    reason: 'too_many_entries',
  });
  expect(checkZipLimits(docx, { ...ATTACHMENT_ZIP_LIMITS, maxTotalBytes: totalBytes - 1 })).toEqual({
    ok: false,
    reason: 'too_large',
  });
  expect(
    checkZipLimits(bomb('spaces-80mb.docx'), { ...ATTACHMENT_ZIP_LIMITS, maxTotalBytes: 200 * 1024 * 1024 }),
  ).toEqual({
    ok: false,
    reason: 'ratio',
  });
  expect(checkZipLimits(bomb('zeros-60mb.xlsx'), { ...ATTACHMENT_ZIP_LIMITS, maxRatio: 2000 })).toMatchObject({
    ok: true,
  });
});

test('what is not a readable zip is refused, whatever it claims', () => {
  expect(checkZipLimits(Buffer.from('PK\u0003\u0004 not a zip'))).toEqual({ ok: false, reason: 'not_zip' });
  expect(checkZipLimits(Buffer.alloc(0))).toEqual({ ok: false, reason: 'not_zip' });
  // An end record that points the directory past the end of the file.
  const lying = Buffer.alloc(22);
  lying.writeUInt32LE(0x06054b50, 0);
  lying.writeUInt16LE(1, 10);
  lying.writeUInt32LE(1000, 16);
  expect(checkZipLimits(lying)).toEqual({ ok: false, reason: 'not_zip' });
  const zip64 = Buffer.from(lying);
  zip64.writeUInt32LE(0xffffffff, 16);
  expect(checkZipLimits(zip64)).toEqual({ ok: false, reason: 'unsupported' });
});

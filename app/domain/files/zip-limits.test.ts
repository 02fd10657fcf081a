import { expect, test } from 'vitest';
import { writeZip as zip } from '../../../tests/fixtures/write-zip.ts';
import { inspectZip, readZipEntry, ZipLimitError } from './zip-limits.ts';

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
        maxEntries: 4,
        maxTotalBytes: 1e6,
        maxRatio: 100,
      }),
    ),
  ).toBe('too_many_entries');
  const zeros = Buffer.alloc(20 * 1024 * 1024);
  expect(
    problem(() =>
      inspectZip(zip([{ name: 'a', data: zeros }]), { maxEntries: 10, maxTotalBytes: 10 * 1024 * 1024, maxRatio: 1e6 }),
    ),
  ).toBe('too_large');
  expect(
    problem(() => inspectZip(zip([{ name: 'a', data: zeros }]), { maxEntries: 10, maxTotalBytes: 1e9, maxRatio: 100 })),
  ).toBe('ratio');
});

test('a central directory that understates a size cannot make inflating produce more than it declared', () => {
  const bytes = zip([{ name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x41), declared: 1000 }]);
  const [entry] = inspectZip(bytes, { maxEntries: 10, maxTotalBytes: 1e6, maxRatio: 1e6 });
  expect(problem(() => readZipEntry(bytes, entry!))).toBe('ratio');
});

test('bytes that are not a ZIP are named as such', () => {
  expect(problem(() => inspectZip(Buffer.from('not a zip at all, just text')))).toBe('not_zip');
});

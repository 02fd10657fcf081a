import { expect, test } from 'vitest';
import { screenMailNames } from './screen-mail-names.ts';

const file = (index: number, filename: string) => ({
  index,
  filename,
  contentType: 'application/pdf',
  sizeBytes: 10,
  verdict: 'accepted' as const,
});

test('a contact detail in a subject or a file name is masked, and what changed is kept for the sealed column', () => {
  const screened = screenMailNames('【规划意见】王老师 13912345678 zhang.san@example.edu.cn', [
    file(0, '意见.pdf'),
    file(1, '联系电话13987654321.pdf'),
  ]);
  expect(screened.subject).not.toContain('12345678');
  expect(screened.subject).not.toContain('zhang.san@');
  expect(screened.subject).toContain('【规划意见】');
  expect(screened.attachmentList!.map((f) => f.filename)).toEqual([
    '意见.pdf',
    expect.not.stringContaining('87654321'),
  ]);
  expect(screened.originals).toEqual({
    subject: '【规划意见】王老师 13912345678 zhang.san@example.edu.cn',
    attachmentNames: [{ index: 1, name: '联系电话13987654321.pdf' }],
  });
});

test('a subject and names with nothing to mask keep nothing sealed', () => {
  expect(screenMailNames('【规划意见】关于校车', [file(0, 'a.pdf')]).originals).toBeNull();
  expect(screenMailNames(null, null)).toEqual({ subject: null, attachmentList: null, originals: null });
});

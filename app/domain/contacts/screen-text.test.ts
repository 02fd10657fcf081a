import { expect, test } from 'vitest';
import { maskFileName, screenSubmittedText } from './screen-text.ts';

test('a phone number, an email and a labelled name in a file name are masked; the extension stays', () => {
  expect(maskFileName('王建国_13912345678_意见.docx')).toBe('王建国_139********_意见.docx');
  expect(maskFileName('意见-13912345678.pdf')).not.toContain('12345678');
  expect(maskFileName('wang.jianguo@example.edu.cn.txt')).not.toContain('wang.jianguo@');
  expect(maskFileName('意见-wang.jianguo@example.edu.cn.txt')).toMatch(/\.txt$/);
  expect(maskFileName('联系人：王建国.docx')).not.toContain('建国');
});

test('ordinary file names are left as they are', () => {
  for (const name of [
    '意见.docx',
    '2035年规划修改意见（第3.2.1节）.docx',
    'IMG_20261207_123456.jpg',
    'scan 001.pdf',
    'a_b_c.txt',
  ]) {
    expect(maskFileName(name)).toBe(name);
  }
});

test('the original file names are kept, by attachment position, only where masking changed them', () => {
  const screened = screenSubmittedText({
    title: '关于校车',
    body: '建议增加夜间校车。',
    attachmentTexts: [null, null],
    attachmentNames: ['校车意见.docx', '王建国-13912345678.docx'],
  });
  expect(screened.attachmentNames[0]).toBe('校车意见.docx');
  expect(screened.attachmentNames[1]).not.toContain('12345678');
  expect(screened.original).toEqual({
    attachments: [],
    attachmentNames: [{ index: 1, name: '王建国-13912345678.docx' }],
  });
});

import iconv from 'iconv-lite';
import { expect, test } from 'vitest';
import { buildDocx } from '../../../tests/fixtures/build-docx.ts';
import { attachmentText } from './attachment-text.server.ts';

const pdf = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj',
    '4 0 obj<</Length 48>>stream',
    'BT /F1 18 Tf 20 100 Td (Campus network advice) Tj ET',
    'endstream endobj',
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj',
    'trailer<</Root 1 0 R>>',
    '%%EOF',
  ].join('\n'),
  'latin1',
);

test('text comes out of .txt in UTF-8 or GBK, .docx and .pdf', async () => {
  expect(await attachmentText('txt', Buffer.from('\uFEFF建议增加自习室', 'utf8'))).toEqual({
    extractedText: '建议增加自习室',
  });
  expect(await attachmentText('txt', iconv.encode('建议增加自习室', 'gbk'))).toEqual({
    extractedText: '建议增加自习室',
  });
  expect(await attachmentText('docx', buildDocx(['第一段', '第二段']))).toEqual({ extractedText: '第一段\n\n第二段' });
  expect(await attachmentText('pdf', pdf)).toEqual({ extractedText: 'Campus network advice' });
});

test('unreadable files give no text and no note instead of an error', async () => {
  expect(await attachmentText('pdf', Buffer.from('%PDF-1.4 garbage'))).toEqual({});
  expect(await attachmentText('docx', Buffer.from('PK\u0003\u0004 not a zip'))).toEqual({});
  expect(await attachmentText('png', Buffer.from([0x89]))).toEqual({});
});

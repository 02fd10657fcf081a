import { expect, test } from 'vitest';
import { checkAttachment, MAX_ATTACHMENT_BYTES } from './attachment-type.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const pdf = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR');
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const docx = bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml');
const zip = bytes([0x50, 0x4b, 0x03, 0x04], '....payload.exe');
const ole = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'WordDocument');
const exe = bytes('MZ', [0x90, 0x00, 0x03, 0x00]);

test('each allowed type is accepted by its content', () => {
  expect(checkAttachment('意见.pdf', pdf)).toEqual({ ok: true, contentType: 'application/pdf', extension: 'pdf' });
  expect(checkAttachment('photo.PNG', png)).toMatchObject({ ok: true, contentType: 'image/png' });
  expect(checkAttachment('photo.jpg', jpeg)).toMatchObject({ ok: true, contentType: 'image/jpeg' });
  expect(checkAttachment('建议稿.docx', docx)).toMatchObject({ ok: true });
  expect(checkAttachment('old.doc', ole)).toMatchObject({ ok: true, contentType: 'application/msword' });
  expect(checkAttachment('wps文档.wps', ole)).toMatchObject({ ok: true });
  expect(checkAttachment('说明.txt', Buffer.from('关于食堂的建议\r\n第二行', 'utf8'))).toMatchObject({ ok: true });
});

test('GBK and Big5 text files count as text', () => {
  const gbk = Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0xca, 0xb3, 0xcc, 0xc3, 0x0d, 0x0a]); // 关于食堂
  const big5 = Buffer.from([0xc3, 0xf6, 0xa9, 0xf3, 0xad, 0xb9, 0xb0, 0xf3]); // 關於食堂
  expect(checkAttachment('a.txt', gbk)).toMatchObject({ ok: true });
  expect(checkAttachment('b.txt', big5)).toMatchObject({ ok: true });
});

test('an executable renamed .pdf, .docx or .txt is refused by content', () => {
  expect(checkAttachment('report.pdf', exe)).toEqual({ ok: false, reason: 'content' });
  expect(checkAttachment('report.docx', zip)).toEqual({ ok: false, reason: 'content' });
  expect(checkAttachment('report.txt', exe)).toEqual({ ok: false, reason: 'content' });
  expect(checkAttachment('photo.png', pdf)).toEqual({ ok: false, reason: 'content' });
});

test('other extensions, empty files and files over 10 MB are refused', () => {
  expect(checkAttachment('setup.exe', exe)).toEqual({ ok: false, reason: 'extension' });
  expect(checkAttachment('page.html', Buffer.from('<script>'))).toEqual({ ok: false, reason: 'extension' });
  expect(checkAttachment('noextension', pdf)).toEqual({ ok: false, reason: 'extension' });
  expect(checkAttachment('empty.pdf', Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
  const big = Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
  expect(checkAttachment('big.pdf', big)).toEqual({ ok: false, reason: 'too_large' });
});

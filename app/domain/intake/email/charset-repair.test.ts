import { expect, test } from 'vitest';
import { messages } from '../../../i18n/messages.ts';
import { parseEmail } from './parse-email.server.ts';

// Each message is written here byte for byte: the Chinese bytes are hex
// literals computed with Python's codecs (not with the decoders under test),
// and each expected string was typed by hand.

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');
const mail = (...parts: (string | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
const head = (subject = 'test', extra = '') =>
  `From: a@example.org\r\nTo: b@example.org\r\nSubject: ${subject}\r\nMessage-ID: <x@example.org>\r\nMIME-Version: 1.0\r\n${extra}`;

test('a text part labelled GB2312 whose bytes are UTF-8 is read as UTF-8', async () => {
  // 关于食堂的建议：延长营业时间。 in UTF-8
  const body = hex('e585b3e4ba8ee9a39fe5a082e79a84e5bbbae8aeaeefbc9ae5bbb6e995bfe890a5e4b89ae697b6e997b4e38082');
  const parsed = await parseEmail(
    mail(
      head('t', 'Content-Type: text/plain; charset=GB2312\r\nContent-Transfer-Encoding: 8bit\r\n'),
      '\r\n',
      body,
      '\r\n',
    ),
  );
  expect(parsed.text).toBe('关于食堂的建议：延长营业时间。');
  expect(parsed.undecodable).toBe(false);
});

test('a part labelled us-ascii, or with no charset, whose bytes are Big5 is read as Big5', async () => {
  const big5 = hex('b9cfaed1c05dc0b3a9b5aaf8b67da9f1aec9b6a1'); // 圖書館應延長開放時間
  const labelled = await parseEmail(
    mail(head('t', 'Content-Type: text/plain; charset=us-ascii\r\n'), '\r\n', big5, '\r\n'),
  );
  const unlabelled = await parseEmail(
    mail(head('t', 'Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n'), '\r\n', big5, '\r\n'),
  );
  const noHeader = await parseEmail(mail(head('t'), '\r\n', big5, '\r\n'));
  for (const parsed of [labelled, unlabelled, noHeader]) expect(parsed.text).toBe('圖書館應延長開放時間');
});

test('a raw 8-bit Big5 subject with no RFC 2047 encoding is Big5, not a Japanese guess', async () => {
  const subject = hex('abd8c4b3bc57b35da6dba6e6a8aeb0b1a8aea6ec'); // 建議增設自行車停車位
  const raw = mail(
    'From: a@example.org\r\nTo: b@example.org\r\nSubject: ',
    subject,
    '\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok\r\n',
  );
  expect((await parseEmail(raw)).subject).toBe('建議增設自行車停車位');
});

test('a charset-less GBK text part inside multipart/signed is GBK, and the signature is not text', async () => {
  const gbk = hex('bda8d2e9d4dacbdec9e1c7f8d4f6bcd3d6b1d2fbcbaebbfa'); // 建议在宿舍区增加直饮水机
  const raw = mail(
    head(
      't',
      'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="sig"\r\n',
    ),
    '\r\n--sig\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
    gbk,
    '\r\n--sig\r\nContent-Type: application/pkcs7-signature; name="smime.p7s"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="smime.p7s"\r\n\r\nMIIB\r\n--sig--\r\n',
  );
  const parsed = await parseEmail(raw);
  expect(parsed.text).toBe('建议在宿舍区增加直饮水机');
  expect(parsed.attachments.map((a) => a.filename)).toEqual(['smime.p7s']);
});

test('HTML-only mail whose <meta charset> disagrees with its header is read by its bytes', async () => {
  const gbk = hex('cfa3cdfbcab3ccc3cce1b9a9c7e5d5e6b4b0bfda'); // 希望食堂提供清真窗口
  const raw = mail(
    head('t', 'Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n'),
    '\r\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><p>',
    gbk,
    '</p></body></html>\r\n',
  );
  const parsed = await parseEmail(raw);
  expect(parsed.text).toBe('希望食堂提供清真窗口');
  expect(parsed.sanitizedHtml).toContain('希望食堂提供清真窗口');
});

test('attachment names: RFC 2231 in GBK, RFC 2231 mislabelled, continuations, raw 8-bit Big5, split encoded words', async () => {
  const part = (disposition: string | Buffer) =>
    mail(
      '--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; ',
      disposition,
      '\r\n\r\nAAAA\r\n',
    );
  const raw = mail(
    head('t', 'Content-Type: multipart/mixed; boundary="b"\r\n'),
    '\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsee files\r\n',
    part("filename*=gbk''%D2%E2%BC%FB.docx"), // 意见.docx
    part("filename*=gb2312''%E8%B0%83%E6%9F%A5%E6%8A%A5%E5%91%8A.pdf"), // 调查报告.pdf, bytes UTF-8
    part("filename*0*=gb2312''%B8%BD%BC%FE; filename*1*=%CB%B5%C3%F7.txt"), // 附件说明.txt
    part(mail('filename="', hex('abd8c4b3aed1'), '.pdf"')), // 建議書.pdf, raw Big5
    part('filename="=?gb2312?B?uL28?= =?gb2312?B?/su1w/cudHh0?="'), // 附件说明.txt, split inside 件
    '--b--\r\n',
  );
  const parsed = await parseEmail(raw);
  expect(parsed.attachments.map((a) => a.filename)).toEqual([
    '意见.docx',
    '调查报告.pdf',
    '附件说明.txt',
    '建議書.pdf',
    '附件说明.txt',
  ]);
});

test('HZ (RFC 1843) text is decoded', async () => {
  const raw = mail(head('t', 'Content-Type: text/plain; charset=HZ-GB-2312\r\n'), '\r\n~{<:Ky2;S{#,NpJ)l6HK!#~}\r\n');
  expect((await parseEmail(raw)).text).toBe('己所不欲，勿施於人。');
});

test('no U+FFFD is stored where another candidate decodes cleanly: GBK labelled UTF-8', async () => {
  const parsed = await parseEmail(
    mail(head('t', 'Content-Type: text/plain; charset=utf-8\r\n'), '\r\n', hex('c4fabac3'), '\r\n'),
  ); // 您好
  expect(parsed.text).toBe('您好');
  expect(parsed.undecodable).toBe(false);
});

test('Latin-1 text stays Latin-1: no Chinese is guessed into a German mail', async () => {
  const parsed = await parseEmail(
    mail(
      head('t', 'Content-Type: text/plain; charset=iso-8859-1\r\n'),
      '\r\n',
      hex('4772fcdf6520617573204bf66c6e'),
      '\r\n',
    ),
  );
  expect(parsed.text).toBe('Grüße aus Köln');
});

test('where nothing decodes cleanly the best decoding is kept and the mail is flagged, with a sentence in both languages', async () => {
  // 意见 then bytes no candidate accepts (0xFF is invalid in UTF-8, GB18030 and Big5).
  const parsed = await parseEmail(
    mail(head('t', 'Content-Type: text/plain; charset=gb2312\r\n'), '\r\n', hex('d2e2bcfb20ff ff'), '\r\n'),
  );
  expect(parsed.undecodable).toBe(true);
  expect(parsed.text).toContain('意见');
  const sentence = messages['zh-CN']['mod.inbox.reason.undecodableText'];
  expect(sentence).toMatch(/人工核对/);
  expect(messages.en['mod.inbox.reason.undecodableText']).toMatch(/^Part of this mail could not be read cleanly/);
});

test('a clean mail is not flagged', async () => {
  expect((await parseEmail(mail(head('hello'), '\r\nplain ascii\r\n'))).undecodable).toBe(false);
});

test('a text file the sender attached keeps its bytes, whatever its charset', async () => {
  const gbk = hex('bda8d2e9'); // 建议 in GBK
  const raw = mail(
    head('t', 'Content-Type: multipart/mixed; boundary="b"\r\n'),
    '\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsee file\r\n',
    '--b\r\nContent-Type: text/plain; name="note.txt"\r\nContent-Disposition: attachment; filename="note.txt"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
    gbk,
    '\r\n--b--\r\n',
  );
  const parsed = await parseEmail(raw);
  expect(parsed.attachments.map((a) => [a.filename, a.bytes.toString('hex')])).toEqual([['note.txt', 'bda8d2e9']]);
});

test('short GBK that is also valid UTF-8 is read as GBK; real UTF-8 Russian and French stay as written', async () => {
  // 学校 in GBK is D1 A7 D0 A3, which UTF-8 reads as Cyrillic "ѧУ".
  const subject = mail(
    'From: a@example.org\r\nSubject: ',
    hex('d1a7d0a3'),
    '\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok\r\n',
  );
  expect((await parseEmail(subject)).subject).toBe('学校');
  const russian = await parseEmail(
    mail(
      head('t', 'Content-Type: text/plain; charset=utf-8\r\n'),
      '\r\n',
      hex('d09fd180d0b8d0b2d0b5d1822c20d0bad0b0d0ba20d0b4d0b5d0bbd0b0'),
      '\r\n',
    ),
  );
  expect(russian.text).toBe('Привет, как дела');
  const french = await parseEmail(
    mail(head('t', 'Content-Type: text/plain; charset=utf-8\r\n'), '\r\n', hex('636166c3a9206372c3a86d65'), '\r\n'),
  );
  expect(french.text).toBe('café crème');
});

import { expect, test } from 'vitest';
import { mimeShape } from './mime-shape.ts';

const nested = (levels: number) => {
  let body = 'Content-Type: text/plain\r\n\r\n深处的正文\r\n';
  for (let i = levels; i > 0; i--)
    body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
  return Buffer.from(`From: a@example.edu.cn\r\n${body}`, 'utf8');
};

const manyParts = (count: number) => {
  const parts = Array.from({ length: count }, (_, i) => `--B\r\nContent-Type: text/plain\r\n\r\n第${i}部分\r\n`).join(
    '',
  );
  return Buffer.from(`Content-Type: multipart/mixed; boundary=B\r\n\r\n${parts}--B--\r\n`, 'utf8');
};

test('a plain message is one part at depth 0', () => {
  expect(mimeShape(Buffer.from('Subject: x\r\n\r\nhello\r\n'))).toEqual({ parts: 1, depth: 0, exceeded: false });
});

test('parts and nesting are counted, with folded headers and quoted boundaries', () => {
  const raw = Buffer.from(
    'Content-Type: multipart/mixed;\r\n boundary="outer"\r\n\r\n--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n--inner\r\nContent-Type: text/plain\r\n\r\na\r\n--inner\r\nContent-Type: text/html\r\n\r\n<p>a</p>\r\n--inner--\r\n--outer\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--outer--\r\n',
  );
  expect(mimeShape(raw)).toEqual({ parts: 5, depth: 2, exceeded: false });
});

test('a forwarded message (message/rfc822) nests one level deeper', () => {
  const raw = Buffer.from(
    'Content-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: message/rfc822\n\nSubject: fwd\nContent-Type: multipart/mixed; boundary=i\n\n--i\nContent-Type: text/plain\n\nx\n--i--\n--o--\n',
  );
  expect(mimeShape(raw)).toEqual({ parts: 3, depth: 3, exceeded: false });
});

test('nesting beyond the limit is caught, within the limit it is not', () => {
  expect(mimeShape(nested(16)).exceeded).toBe(false);
  expect(mimeShape(nested(17))).toMatchObject({ exceeded: true, depth: 17 });
});

test('too many parts are caught, and counting stops there', () => {
  expect(mimeShape(manyParts(249)).exceeded).toBe(false);
  expect(mimeShape(manyParts(5000))).toEqual({ parts: 251, depth: 1, exceeded: true });
});

test('a boundary that only starts a longer line is not a delimiter', () => {
  const raw = Buffer.from(
    'Content-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\n--Bogus line\n--B--\n',
  );
  expect(mimeShape(raw).parts).toBe(2);
});

test('linear on hostile input: a megabyte of dashes and a huge header', () => {
  const started = performance.now();
  mimeShape(
    Buffer.from(
      `Content-Type: multipart/mixed; boundary=B\n${'X-Long: ' + 'a'.repeat(1_000_000)}\n\n${'-'.repeat(1_000_000)}\n`,
    ),
  );
  mimeShape(
    Buffer.from(`Content-Type: multipart/mixed; boundary=B\n\n${'--B\n\n'.repeat(200)}${'--'.repeat(500_000)}`),
  );
  expect(performance.now() - started).toBeLessThan(5000);
});

import { expect, test } from 'vitest';
import { BodyTooLarge, UnreadableBody } from './read-body.server.ts';
import { MAX_PARTS, readUpload as parseForm } from './read-upload.server.ts';

const limits = { maxFileBytes: 1024, maxFiles: 2, maxTotalBytes: 64 * 1024 };

function multipartRequest(form: FormData) {
  return new Request('http://localhost/plans/x/suggest', { method: 'POST', body: form });
}

test('text fields and files come back, with UTF-8 names intact', async () => {
  const form = new FormData();
  form.set('title', '关于食堂的建议');
  form.append('attachments', new File(['%PDF-1.4 hello'], '意见稿.pdf', { type: 'application/pdf' }));
  const parsed = await parseForm(multipartRequest(form), limits);
  expect(parsed.fields.get('title')).toBe('关于食堂的建议');
  expect(parsed.files).toEqual([
    { fieldName: 'attachments', filename: '意见稿.pdf', bytes: Buffer.from('%PDF-1.4 hello'), truncated: false },
  ]);
});

test('an oversized file is flagged, and the fields after it are still read', async () => {
  const form = new FormData();
  form.append('attachments', new File([Buffer.alloc(5000, 1)], 'big.pdf'));
  form.set('body', '这段文字在文件之后，不能丢失。');
  const parsed = await parseForm(multipartRequest(form), limits);
  expect(parsed.files[0]).toMatchObject({ filename: 'big.pdf', truncated: true });
  expect(parsed.files[0]!.bytes.length).toBe(0);
  expect(parsed.fields.get('body')).toBe('这段文字在文件之后，不能丢失。');
});

test('files beyond the limit are counted, not kept', async () => {
  const form = new FormData();
  for (const name of ['a.txt', 'b.txt', 'c.txt']) form.append('attachments', new File(['text'], name));
  const parsed = await parseForm(multipartRequest(form), limits);
  expect(parsed.files.map((f) => f.filename)).toEqual(['a.txt', 'b.txt']);
  expect(parsed.tooManyFiles).toBe(true);
});

test('an empty file input is not an attachment', async () => {
  const form = new FormData();
  form.append('attachments', new File([], ''));
  form.set('title', 't');
  const parsed = await parseForm(multipartRequest(form), limits);
  expect(parsed.files).toEqual([]);
});

test('a body over the total limit is refused as too large', async () => {
  const form = new FormData();
  form.append('attachments', new File([Buffer.alloc(100 * 1024)], 'huge.pdf'));
  await expect(parseForm(multipartRequest(form), limits)).rejects.toBeInstanceOf(BodyTooLarge);
});

test('a malformed multipart body is unreadable, not a crash', async () => {
  const request = new Request('http://localhost/x', {
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
    body: '--XYZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nunterminated',
  });
  await expect(parseForm(request, limits)).rejects.toBeInstanceOf(UnreadableBody);
  const noBoundary = new Request('http://localhost/x', {
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data' },
    body: 'garbage',
  });
  await expect(parseForm(noBoundary, limits)).rejects.toBeInstanceOf(UnreadableBody);
});

test('a url-encoded post is read too', async () => {
  const request = new Request('http://localhost/x', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'title=%E5%BB%BA%E8%AE%AE',
  });
  expect((await parseForm(request, limits)).fields.get('title')).toBe('建议');
});

test('more parts than MAX_PARTS stop the read as too large', async () => {
  const form = new FormData();
  for (let i = 0; i <= MAX_PARTS; i++) form.append(`f${i}`, 'x');
  await expect(parseForm(multipartRequest(form), limits)).rejects.toBeInstanceOf(BodyTooLarge);
});

test('a chunked multipart body (no Content-Length) over the total limit is refused while it streams', async () => {
  let sent = 0;
  const boundary = 'B0undary';
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="a.pdf"\r\n\r\n`,
  );
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(head),
    pull(controller) {
      // An endless upload: only the limit can stop it.
      sent += 16 * 1024;
      controller.enqueue(new Uint8Array(16 * 1024));
    },
  });
  const request = new Request('http://localhost/x', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: 'half',
  } as RequestInit);
  expect(request.headers.get('content-length')).toBeNull();
  await expect(parseForm(request, limits)).rejects.toBeInstanceOf(BodyTooLarge);
  expect(sent).toBeLessThan(limits.maxTotalBytes + 64 * 1024);
});

test('a part header that is not UTF-8 is unreadable, not a crash', async () => {
  const bytes = Buffer.concat([
    Buffer.from('--XYZ\r\nContent-Disposition: form-data; name="'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('"\r\n\r\nvalue\r\n--XYZ--\r\n'),
  ]);
  const request = new Request('http://localhost/x', {
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
    body: bytes,
  });
  await expect(parseForm(request, limits)).rejects.toBeInstanceOf(UnreadableBody);
});

import { expect, test } from 'vitest';
import { BodyTooLarge, readBodyBytes } from './read-body.server.ts';

function chunked(chunks: number, size: number, pulled: { count: number }) {
  let left = chunks;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left-- === 0) return controller.close();
      pulled.count += 1;
      controller.enqueue(new Uint8Array(size).fill(65));
    },
  });
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

test('a body within the limit is read whole', async () => {
  const pulled = { count: 0 };
  const bytes = await readBodyBytes(post(chunked(4, 1000, pulled)), 4000);
  expect(bytes.length).toBe(4000);
});

test('a declared Content-Length over the limit is refused before any byte is read', async () => {
  const pulled = { count: 0 };
  const request = post(chunked(100, 1000, pulled), { 'content-length': '100000' });
  await expect(readBodyBytes(request, 4000)).rejects.toBeInstanceOf(BodyTooLarge);
  // A web stream pulls one chunk ahead on its own when made; we read none.
  expect(pulled.count).toBeLessThanOrEqual(1);
});

test('a chunked body is cut off as soon as it passes the limit', async () => {
  const pulled = { count: 0 };
  const request = post(chunked(1000, 1000, pulled));
  expect(request.headers.get('content-length')).toBeNull();
  await expect(readBodyBytes(request, 4000)).rejects.toBeInstanceOf(BodyTooLarge);
  // The stream may buffer a chunk or two ahead, never the 1000 on offer.
  expect(pulled.count).toBeLessThan(10);
});

test('a body that declares less than it sends is still counted', async () => {
  const pulled = { count: 0 };
  const request = post(chunked(50, 1000, pulled), { 'content-length': '10' });
  await expect(readBodyBytes(request, 4000)).rejects.toBeInstanceOf(BodyTooLarge);
});

test('no body reads as empty', async () => {
  expect((await readBodyBytes(new Request('http://localhost/x', { method: 'POST' }), 10)).length).toBe(0);
});

/**
 * Reads a request body with a byte limit, whatever the transfer encoding.
 *
 * A Content-Length over the limit is refused before a byte is read; a chunked
 * body (no Content-Length) or one that lies about its length is counted as it
 * streams in and dropped the moment it passes the limit. Either way at most
 * `maxBytes` plus one chunk are ever held in memory.
 */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body over ${maxBytes} bytes`);
    this.name = 'BodyTooLarge';
  }
}

export class UnreadableBody extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableBody';
  }
}

/** Throws BodyTooLarge if the declared length alone is over the limit. */
export function checkDeclaredLength(request: Request, maxBytes: number): void {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes)
    throw new BodyTooLarge(maxBytes);
}

/**
 * The body as a stream that errors with BodyTooLarge once more than
 * `maxBytes` have passed through it, for parsers that consume a stream.
 */
export function limitedBodyStream(request: Request, maxBytes: number): ReadableStream<Uint8Array> {
  checkDeclaredLength(request, maxBytes);
  const source = request.body;
  if (!source) return new ReadableStream({ start: (controller) => controller.close() });
  const reader = source.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next;
      try {
        next = await reader.read();
      } catch {
        controller.error(new UnreadableBody('request stream failed'));
        return;
      }
      if (next.done) {
        controller.close();
        return;
      }
      received += next.value.byteLength;
      if (received > maxBytes) {
        // Stop reading, but leave the source alone: cancelling it would
        // destroy the socket before the 413 is written. The server closes the
        // connection once the answer is out (dropUnreadBodies in http.ts).
        reader.releaseLock();
        controller.error(new BodyTooLarge(maxBytes));
        return;
      }
      controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason).catch(() => {});
    },
  });
}

/** The whole body, at most `maxBytes` long. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const reader = limitedBodyStream(request, maxBytes).getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

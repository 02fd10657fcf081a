import http from 'node:http';

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string; sentBytes: number };

type RawPostOptions = {
  headers?: Record<string, string>;
  /** Declared length; without it the body goes out chunked (Transfer-Encoding: chunked). */
  contentLength?: number;
  /** Bytes to offer at most; the server is expected to answer long before. */
  offerBytes: number;
  /** What each chunk is made of (urlencoded text by default). */
  fill?: string;
  chunkBytes?: number;
  /** Sent first, before the filler (a multipart part's header, say). */
  prefix?: string;
};

/**
 * POSTs a body that keeps coming until the server answers, over a raw
 * socket-level request, and reports how much had been sent by then. A server
 * that reads without a limit would make this offer its whole `offerBytes`
 * (and hold it all); one with a limit answers after about the limit.
 */
export function rawPost(
  url: string,
  { headers = {}, contentLength, offerBytes, fill = 'a', chunkBytes = 64 * 1024, prefix }: RawPostOptions,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(chunkBytes, fill);
    let sentBytes = 0;
    let answered = false;
    const request = http.request(url, {
      method: 'POST',
      // A fresh connection each time: the server closes one whose upload it refused.
      agent: false,
      headers: { ...headers, ...(contentLength === undefined ? {} : { 'content-length': String(contentLength) }) },
    });
    request.on('response', (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(parts).toString('utf8'),
          sentBytes,
        });
        request.destroy();
      });
      response.on('error', reject);
    });
    // The server may close the upload once it has answered; that is expected.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (prefix) {
      sentBytes += Buffer.byteLength(prefix);
      request.write(prefix);
    }
    const pump = () => {
      while (!answered && sentBytes < offerBytes) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered && contentLength === undefined) request.end();
    };
    pump();
  });
}

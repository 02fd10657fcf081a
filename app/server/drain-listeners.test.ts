import { writeReadableStreamToWritable } from '@react-router/node';
import compression from 'compression';
import express from 'express';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, expect, test } from 'vitest';
import { drainListenersThatLeave } from './drain-listeners.ts';

// An export as the portal sends it: React Router's writer (a `once('drain')`
// wait after every refused write) into a gzip response, read slowly by the
// client so that the writes are refused many times.

const CHUNKS = 200;
const CHUNK_BYTES = 64 * 1024;
const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function download(fixed: boolean) {
  const app = express();
  app.use(compression({ level: 1 }));
  if (fixed) app.use(drainListenersThatLeave());
  let waits = 0;
  let drainListenersAtEnd = -1;
  app.get('/export', async (_req, res) => {
    const once = res.once.bind(res);
    res.once = ((event: string, listener: (...args: unknown[]) => void) => {
      if (event === 'drain') waits++;
      return once(event, listener);
    }) as typeof res.once;
    let sent = 0;
    // Random bytes do not compress: every chunk reaches the gzip stream's buffer.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === CHUNKS) return controller.close();
        controller.enqueue(crypto.randomBytes(CHUNK_BYTES));
      },
    });
    res.setHeader('Content-Type', 'application/octet-stream');
    await writeReadableStreamToWritable(body, res);
    drainListenersAtEnd = res.listenerCount('drain');
  });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  const { port } = server.address() as AddressInfo;
  const bytes = await new Promise<number>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/export', headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      let total = 0;
      const gunzip = res.pipe(zlib.createGunzip());
      gunzip.on('data', (chunk: Buffer) => {
        total += chunk.length;
        // A slow reader: the server's writes back up.
        gunzip.pause();
        setTimeout(() => gunzip.resume(), 1);
      });
      gunzip.on('end', () => resolve(total));
      gunzip.on('error', reject);
    });
  });
  await new Promise((resolve) => setImmediate(resolve));
  process.off('warning', onWarning);
  return { bytes, waits, drainListenersAtEnd, warnings: warnings.filter((w) => /drain listeners/.test(w)) };
}

test('compression alone leaves a drain listener on the gzip stream for every wait (the bug this guards)', async () => {
  const result = await download(false);
  expect(result.bytes).toBe(CHUNKS * CHUNK_BYTES);
  expect(result.waits).toBeGreaterThan(10);
  expect(result.warnings).toEqual([expect.stringContaining('drain listeners added to [Gzip]')]);
});

test('behind drainListenersThatLeave, each wait removes its listener: no warning, none left at the end', async () => {
  const result = await download(true);
  expect(result.bytes).toBe(CHUNKS * CHUNK_BYTES);
  expect(result.waits).toBeGreaterThan(10);
  expect(result.warnings).toEqual([]);
  expect(result.drainListenersAtEnd).toBe(0);
});

import express from 'express';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { countRequestsInFlight, quietOrAfter, requestsInFlight } from './requests-in-flight.ts';

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

// A portal whose one route answers when the test says so.
async function portal() {
  const app = express();
  app.use(countRequestsInFlight());
  const pending: (() => void)[] = [];
  app.get('/slow', (_req, res) => pending.push(() => res.end('ok')));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const get = () => fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text());
  const arrived = async (n: number) => {
    while (pending.length < n) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { get, arrived, answer: () => pending.shift()!() };
}

test('with no request in flight, background work goes at once', async () => {
  const started = performance.now();
  await quietOrAfter(5_000, { settleMs: 0 });
  expect(performance.now() - started).toBeLessThan(100);
});

test('background work waits for the requests in flight to end, and a moment more', async () => {
  const { get, arrived, answer } = await portal();
  const response = get();
  await arrived(1);
  expect(requestsInFlight()).toBe(1);
  let waited = false;
  const waiting = quietOrAfter(10_000, { settleMs: 50 }).then(() => (waited = true));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(waited).toBe(false);
  const answeredAt = performance.now();
  answer();
  await response;
  await waiting;
  expect(requestsInFlight()).toBe(0);
  expect(performance.now() - answeredAt).toBeGreaterThanOrEqual(45);
  expect(performance.now() - answeredAt).toBeLessThan(2_000);
});

test('under a load that never pauses, background work still goes after the longest wait', async () => {
  const { get, arrived, answer } = await portal();
  const response = get();
  await arrived(1);
  const started = performance.now();
  await quietOrAfter(300, { settleMs: 20 });
  const waited = performance.now() - started;
  expect(waited).toBeGreaterThanOrEqual(290);
  expect(waited).toBeLessThan(2_000);
  expect(requestsInFlight()).toBe(1);
  answer();
  await response;
});

test('a stopping worker does not wait', async () => {
  const { get, arrived, answer } = await portal();
  const response = get();
  await arrived(1);
  const stopping = new AbortController();
  stopping.abort();
  const started = performance.now();
  await quietOrAfter(10_000, { signal: stopping.signal });
  expect(performance.now() - started).toBeLessThan(100);
  answer();
  await response;
});

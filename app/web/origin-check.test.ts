import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { originCheck } from './origin-check.ts';

type Server = ReturnType<express.Express['listen']>;
let ownHost: Server;
let behindPublicUrl: Server;

function serve(options: Parameters<typeof originCheck>[0]): Promise<Server> {
  const app = express();
  app.use(originCheck(options));
  app.all('*splat', (_req, res) => res.send('passed'));
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const base = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const post = (server: Server, headers: Record<string, string>, path = '/plans/x/suggest') =>
  fetch(`${base(server)}${path}`, { method: 'POST', headers, redirect: 'manual' });

beforeAll(async () => {
  ownHost = await serve({ exempt: ['/api/intake/'] });
  behindPublicUrl = await serve({ publicUrl: 'https://jianyan.example.edu.cn' });
});

afterAll(() => {
  ownHost.close();
  behindPublicUrl.close();
});

test('a POST from the same host passes, whatever the scheme', async () => {
  const host = new URL(base(ownHost)).host;
  expect((await post(ownHost, { origin: `http://${host}` })).status).toBe(200);
  expect((await post(ownHost, { origin: `https://${host}` })).status).toBe(200);
});

test('a POST from another site is refused with a localized 403', async () => {
  const response = await post(ownHost, { origin: 'https://evil.example' });
  expect(response.status).toBe(403);
  expect(await response.text()).toContain('请求来源校验失败');
  expect((await post(ownHost, { referer: 'https://evil.example/form.html' })).status).toBe(403);
  expect((await post(ownHost, { origin: 'null' })).status).toBe(403);
});

test('GET is never checked, and bearer-token paths are exempt', async () => {
  const get = await fetch(`${base(ownHost)}/`, { headers: { origin: 'https://evil.example' } });
  expect(get.status).toBe(200);
  expect((await post(ownHost, { origin: 'https://mta.example' }, '/api/intake/email')).status).toBe(200);
});

test('with PUBLIC_URL set, only that exact origin passes', async () => {
  expect((await post(behindPublicUrl, { origin: 'https://jianyan.example.edu.cn' })).status).toBe(200);
  expect((await post(behindPublicUrl, { origin: 'http://jianyan.example.edu.cn' })).status).toBe(403);
  const host = new URL(base(behindPublicUrl)).host;
  expect((await post(behindPublicUrl, { origin: `http://${host}` })).status).toBe(403);
});

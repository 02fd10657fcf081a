import { expect, test } from 'vitest';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// X-Forwarded-For is anyone's to write. Unless TRUST_PROXY names the proxy in
// front of us, the portal keys its limits on the socket's address, so forging
// the header does not buy a fresh allowance. Shown through the /track limit
// (2 an hour here) on two portals over one database.
const database = setupTestDatabase();
const direct = setupTestPortal(database, { RATE_LIMIT_TRACK_PER_HOUR: '2' });
const behindProxy = setupTestPortal(database, { RATE_LIMIT_TRACK_PER_HOUR: '2', TRUST_PROXY: 'loopback' });

const track = (url: string, forwardedFor: string) =>
  fetch(`${url}/track`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
    body: 'code=JY-AAAA-AAAA&contact=13800138000',
  });

test('without TRUST_PROXY a forged X-Forwarded-For is ignored: the third lookup from one socket is limited', async () => {
  const statuses = [];
  for (const forged of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
    statuses.push((await track(direct.url, forged)).status);
  expect(statuses).toEqual([404, 404, 429]);
});

test('with TRUST_PROXY=loopback the proxy-given address is the client: each address has its own allowance', async () => {
  const statuses = [];
  for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
    statuses.push((await track(behindProxy.url, client)).status);
  expect(statuses).toEqual([404, 404, 404]);
  // And the limit still holds per forwarded address.
  expect((await track(behindProxy.url, '198.51.100.1')).status).toBe(404);
  expect((await track(behindProxy.url, '198.51.100.1')).status).toBe(429);
});

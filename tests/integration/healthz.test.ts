import { expect, test, vi } from 'vitest';
import { loader } from '../../app/routes/healthz.ts';
import { readConfig } from '../../app/server/config.ts';
import { createLogger } from '../../app/server/logger.ts';
import { connect } from '../../db/client.server.ts';
import { findFreePort } from '../../db/embedded.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const log = createLogger('silent');
const config = readConfig({});

function callHealthz(db: typeof database.db) {
  const args = {
    request: new Request('http://localhost/healthz'),
    params: {},
    context: { db, log, config, clientIp: '127.0.0.1' },
  };
  return loader(args as unknown as Parameters<typeof loader>[0]);
}

test('/healthz answers 200 when the database answers', async () => {
  const response = await callHealthz(database.db);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
});

test('/healthz answers 503 when the database does not', async () => {
  const port = await findFreePort();
  const unreachable = connect(`postgres://nobody:secret@127.0.0.1:${port}/nothing`, 1);
  const warn = vi.spyOn(log, 'warn');
  try {
    const response = await callHealthz(unreachable.db);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'down' });
    expect(warn).toHaveBeenCalledOnce();
  } finally {
    await unreachable.sql.end({ timeout: 1 });
  }
});

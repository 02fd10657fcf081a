import { eq, sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { recordAudit } from '../../app/domain/audit/record-audit.server.ts';
import { auditLog } from '../../db/schema/index.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// The test database is reached as the cluster's superuser (embedded) or a
// CREATEDB role that owns the table: the trigger must hold for both.
const database = setupTestDatabase();

test('entries are written with a hashed address, never the address', async () => {
  await recordAudit(database.db, {
    actorId: null,
    action: 'test.written',
    targetType: 'plan',
    targetId: 7,
    details: { field: 'title' },
    ip: '203.0.113.5',
  });
  const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'test.written'));
  expect(row).toMatchObject({ targetType: 'plan', targetId: '7', details: { field: 'title' } });
  expect(row!.ipHash).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(JSON.stringify(row)).not.toContain('203.0.113.5');
});

test('UPDATE, DELETE and TRUNCATE are refused, even for a superuser and with replica mode', async () => {
  await recordAudit(database.db, { actorId: null, action: 'test.kept' });
  const [{ superuser }] = (await database.db.execute<{ superuser: string }>(
    sql`select current_setting('is_superuser') as superuser`,
  )) as unknown as [{ superuser: string }];
  // The embedded cluster connects as its superuser; DATABASE_URL may name a lesser owner.
  if (!process.env.DATABASE_URL) expect(superuser).toBe('on');
  await expect(database.sql`update audit_log set action = 'test.changed'`).rejects.toThrow(/append-only: UPDATE/);
  await expect(database.sql`delete from audit_log`).rejects.toThrow(/append-only: DELETE/);
  await expect(database.sql`truncate audit_log`).rejects.toThrow(/append-only: TRUNCATE/);
  await expect(
    database.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`delete from audit_log`;
    }),
  ).rejects.toThrow(/append-only/);
  expect(await database.db.$count(auditLog, eq(auditLog.action, 'test.kept'))).toBe(1);
});

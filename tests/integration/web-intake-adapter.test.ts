import { expect, test } from 'vitest';
import {
  handleWebSubmission,
  type ReadForm,
  type ReceivedForm,
} from '../../app/domain/intake/web/submit-web-form.server.ts';
import type { DomainSettings } from '../../app/domain/settings.ts';
import { readConfig } from '../../app/server/config.ts';
import { createPlan } from '../factories/plans.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// The web channel's rules live in its adapter (docs/decisions/006): the window
// and the per-address limit are checked there, before the web layer is asked
// to read the upload, so a refused post costs no upload. Called directly, with
// no HTTP, as a script or another front end would.

const database = setupTestDatabase();
const base = readConfig({});
const settings = (submitPerHour: number): DomainSettings => ({
  ...base,
  captcha: { ...base.captcha, disabled: true },
  rateLimits: { ...base.rateLimits, submitPerHour },
});
const formSettings = {
  categoryIds: [],
  sectionIds: [],
  submitterTypes: ['individual'],
  bodyMinLength: 10,
  bodyMaxLength: 5000,
  allowAnonymous: true,
};

function reader(answer: ReceivedForm | 'too_large' | 'unreadable') {
  let calls = 0;
  const readForm: ReadForm = async () => {
    calls += 1;
    return answer;
  };
  return { readForm, calls: () => calls };
}

async function submit(plan: Awaited<ReturnType<typeof createPlan>>, readForm: ReadForm, clientIp: string, limit = 10) {
  return handleWebSubmission({
    db: database.db,
    config: settings(limit),
    plan: { ...plan, settings: formSettings },
    readForm,
    clientIp,
    locale: 'zh-CN',
  });
}

test('a closed or not yet open consultation is refused before the form is read', async () => {
  const closed = await createPlan(database.db, { status: 'closed' });
  const later = await createPlan(database.db, { opensAt: new Date(Date.now() + 86_400_000) });
  for (const plan of [closed, later]) {
    const { readForm, calls } = reader('unreadable');
    expect(await submit(plan, readForm, '192.0.2.10')).toEqual({ type: 'closed' });
    expect(calls()).toBe(0);
  }
});

test('past the per-address limit the answer is rate_limited with a wait, and the form is not read', async () => {
  const plan = await createPlan(database.db);
  const first = reader('too_large');
  expect(await submit(plan, first.readForm, '192.0.2.20', 1)).toEqual({ type: 'too_large' });
  expect(first.calls()).toBe(1);

  const second = reader('too_large');
  const limited = await submit(plan, second.readForm, '192.0.2.20', 1);
  expect(limited.type).toBe('rate_limited');
  expect(limited.type === 'rate_limited' && limited.retryAfterSeconds).toBeGreaterThan(0);
  expect(second.calls()).toBe(0);

  // Another address has its own count.
  const other = reader('unreadable');
  expect(await submit(plan, other.readForm, '192.0.2.21', 1)).toEqual({ type: 'unreadable' });
});

test('a form that fails validation comes back as field errors, with nothing stored', async () => {
  const plan = await createPlan(database.db);
  const fields = new FormData();
  fields.set('intakeKey', 'adapter-test-0000000001');
  fields.set('title', '');
  const { readForm } = reader({ fields, files: [], tooManyFiles: false });
  const result = await submit(plan, readForm, '192.0.2.30');
  expect(result.type).toBe('invalid');
  const rows = await database.sql`select count(*)::int as n from suggestions where plan_id = ${plan.id}`;
  expect(rows[0]!.n).toBe(0);
});

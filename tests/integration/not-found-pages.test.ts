import { beforeAll, expect, test } from 'vitest';
import { NotFound } from '../../app/domain/not-found.ts';
import { changeRole } from '../../app/domain/accounts/manage-staff.server.ts';
import { decideSuggestion } from '../../app/domain/moderation/decide-suggestion.server.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Issue 19: a domain function that cannot find what the address names throws
// NotFound, and the web layer answers with the not-found page (404), the same
// page a missing address gets: not a 500, not a blank 404 under a working form.

const database = setupTestDatabase();
const web = setupTestPortal(database);
const missing = 99_999_999;
let cookie = '';
let planId = 0;

beforeAll(async () => {
  const admin = await createStaff(database.db, { role: 'admin', totp: true });
  cookie = `jianyan_staff=${await signIn(database.db, admin.id)}`;
  planId = (await createPlan(database.db)).id;
});

const post = (path: string, fields: Record<string, string>) =>
  fetch(`${web.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: web.url, cookie },
    body: new URLSearchParams(fields),
  });

test.each([
  ['a staff account’s role', `/admin/users/${missing}`, { intent: 'role', role: 'planner' }],
  ['a staff account’s password', `/admin/users/${missing}`, { intent: 'reset-password' }],
  ['a staff account disabled', `/admin/users/${missing}`, { intent: 'disable' }],
  ['a plan published', `/admin/plans/${missing}`, { intent: 'publish' }],
  ['a plan version published', `/admin/plans/${missing}/versions`, { intent: 'publish', note: '' }],
  ['a suggestion decided', `/admin/suggestions/${missing}`, { intent: 'decide', decision: 'adopted', reason: '可行' }],
  ['a note on a suggestion', `/admin/suggestions/${missing}`, { intent: 'note', body: '备注' }],
  ['a campaign group acted on', `/admin/clusters/${missing}?plan=${missing}`, { intent: 'tag', tags: '照明' }],
] as const)('%s that does not exist answers with the not-found page', async (_name, path, fields) => {
  const response = await post(path, fields);
  expect(response.status).toBe(404);
  expect(await response.text()).toContain('页面不存在');
});

test('a campaign page that does not exist is the not-found page too', async () => {
  const response = await fetch(`${web.url}/admin/clusters/${missing}?plan=${planId}`, { headers: { cookie } });
  expect(response.status).toBe(404);
  expect(await response.text()).toContain('页面不存在');
});

test('the domain says NotFound, with what was missing, and changes nothing', async () => {
  const actor = { id: 1, permissions: permissionsOf('admin', []) };
  await expect(
    changeRole(database.db, { viewer: actor, userId: missing, role: 'planner', ip: '' }),
  ).rejects.toMatchObject({ name: 'NotFound', what: 'user' });
  const error = await decideSuggestion(database.db, {
    id: missing,
    actor,
    input: { decision: 'adopted', reason: '可行', publishable: true },
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NotFound);
  expect(error).toMatchObject({ what: 'suggestion' });
});

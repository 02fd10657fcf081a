import fs from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { createStaff } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { changedTables, databaseFingerprint } from './access-matrix/database-fingerprint.ts';
import {
  anonymous,
  mayAct,
  roleActors,
  signedInActor,
  type Actor,
  type Body,
  type Case,
  type Harness,
} from './access-matrix/harness.ts';
import { campaignCases } from './access-matrix/campaign-cases.ts';
import { exportCases, intakeCases } from './access-matrix/intake-cases.ts';
import { planCases } from './access-matrix/plan-cases.ts';
import { accountCases, userCases } from './access-matrix/staff-cases.ts';
import { suggestionCases } from './access-matrix/suggestion-cases.ts';
import { themeCases } from './access-matrix/theme-cases.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Issue 13, "Tests": every action intent of every staff route, posted over
// HTTP with a real body (real ids, real fields, this site's Origin, which is
// the portal's CSRF defence) by every role with and without the contact
// permission, and by a stranger. Allowed: the act took effect in the
// database. Refused: 403 (or the login page for a stranger) and not one row
// of any table changed. Each case's effect check is first shown to be false,
// so a case cannot pass by checking something that was already true.

const database = setupTestDatabase();
const portal = setupTestPortal(database);
const cases: Case[] = [
  ...accountCases,
  ...userCases,
  ...planCases,
  ...suggestionCases,
  ...intakeCases,
  ...exportCases,
  ...themeCases,
  ...campaignCases,
];
// Signing in, the second factor, the owner's unlock link and logging out
// need no session by nature (admin-access-matrix.test.ts, staff-login.test.ts
// and staff-unlock.test.ts cover them).
const signInRoutes = ['login.tsx', 'login-two-factor.tsx', 'login-unlock.tsx', 'login-unlock-token.tsx', 'logout.ts'];

const harness = {} as Harness;
const actors: Actor[] = [];

beforeAll(async () => {
  const admin = await createStaff(database.db, { role: 'admin', totp: true });
  const assignee = await createStaff(database.db, { role: 'moderator' });
  Object.assign(harness, {
    db: database.db,
    sql: database.sql,
    admin: { id: admin.id, permissions: permissionsOf('admin', []) },
    assigneeId: assignee.id,
  });
  actors.push(anonymous);
  for (const { role, grants } of roleActors) actors.push(await signedInActor(database.db, role, grants));
});

function encode(body: Body): FormData | URLSearchParams {
  if (body instanceof FormData) return body;
  return new URLSearchParams(Object.entries(body).flatMap(([name, value]) => [value].flat().map((v) => [name, v])));
}

const post = (path: string, actor: Actor, body: Body) =>
  fetch(`${portal.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: portal.url, ...(actor.cookie ? { cookie: actor.cookie } : {}) },
    body: encode(body),
  });

/** The actor for one attempt: shared, or a fresh account when the act is on one's own account. */
async function actorFor(c: Case, actor: Actor): Promise<Actor> {
  if (!c.ownAccount) return actor;
  // A stranger's attempt is checked against a bystander's account.
  const fresh = await signedInActor(database.db, actor.role ?? 'moderator', actor.grants, c.ownAccount.totp);
  return actor.cookie ? fresh : { ...anonymous, id: fresh.id };
}

const name = (c: Case) => `${c.route} ${c.intent}${c.variant ? ` (${c.variant})` : ''}`;

test.each(cases.map((c) => ({ c, name: name(c) })))(
  '$name: done for those allowed, refused with nothing changed for the rest',
  async ({ c }) => {
    for (const shared of actors) {
      const actor = await actorFor(c, shared);
      const ctx = await c.setup(harness, actor);
      const where = `${actor.label} → ${name(c)}`;
      expect(await c.effect(harness, ctx, ''), `${where}: the effect check is already true before the act`).toBe(false);
      const before = await databaseFingerprint(database.sql);
      const response = await post(c.path(ctx), actor, c.body(ctx));
      const text = await response.text();
      const location = response.headers.get('location') ?? '';
      const outcome = !mayAct(actor, c.needs) ? 'refused' : c.declinedFor?.(actor) ? 'declined' : 'allowed';
      if (outcome === 'allowed') {
        expect(response.status, `${where}: ${text.slice(0, 300)}`).toBeLessThan(400);
        expect(location, where).not.toMatch(/^\/admin\/login\?/);
        expect(await c.effect(harness, ctx, text), `${where}: allowed, but the act did not take effect`).toBe(true);
        continue;
      }
      if (outcome === 'declined') expect([400, 409], where).toContain(response.status);
      else if (!actor.cookie) {
        expect(response.status, where).toBe(302);
        expect(location, where).toMatch(/^\/admin\/login\?redirectTo=/);
      } else expect(response.status, `${where}: ${text.slice(0, 200)}`).toBe(403);
      expect(await c.effect(harness, ctx, text), `${where}: refused, yet the act took effect`).toBe(false);
      expect(
        changedTables(before, await databaseFingerprint(database.sql)),
        `${where}: refused, yet these tables changed`,
      ).toEqual([]);
    }
  },
);

test('a valid body from another site is refused before any role is considered, and nothing changes', async () => {
  const admin = actors.find((a) => a.role === 'admin' && a.grants.length === 0)!;
  const c = cases.find((x) => x.route === 'user.tsx' && x.intent === 'disable')!;
  const ctx = await c.setup(harness, admin);
  const before = await databaseFingerprint(database.sql);
  const response = await fetch(`${portal.url}${c.path(ctx)}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: 'https://evil.example', cookie: admin.cookie! },
    body: encode(c.body(ctx)),
  });
  expect(response.status).toBe(403);
  expect(await c.effect(harness, ctx, await response.text())).toBe(false);
  expect(changedTables(before, await databaseFingerprint(database.sql))).toEqual([]);
});

/** Every `intent` value a staff route module (or its .server.ts half) declares or posts, by file. */
function declaredIntents(): { file: string; intents: string[]; hasAction: boolean }[] {
  const dir = 'app/routes/admin';
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.server.ts') && !signInRoutes.includes(f));
  return files.map((file) => {
    const serverHalf = `${dir}/${file.replace(/\.tsx?$/, '')}.server.ts`;
    const source =
      fs.readFileSync(`${dir}/${file}`, 'utf8') +
      (fs.existsSync(serverHalf) ? fs.readFileSync(serverHalf, 'utf8') : '');
    const intents = new Set<string>();
    for (const m of source.matchAll(/intent: z\.literal\('([^']+)'\)/g)) intents.add(m[1]!);
    for (const m of source.matchAll(/intent: z\.enum\(\[([^\]]+)\]\)/g))
      for (const v of m[1]!.matchAll(/'([^']+)'/g)) intents.add(v[1]!);
    for (const m of source.matchAll(/name="intent" value="([^"]+)"/g)) intents.add(m[1]!);
    for (const m of source.matchAll(/get\('intent'\) [!=]== '([^']+)'/g)) intents.add(m[1]!);
    for (const m of source.matchAll(/intent === '([^']+)'/g)) intents.add(m[1]!);
    return { file, intents: [...intents].sort(), hasAction: /export (async )?function action/.test(source) };
  });
}

test('the matrix holds every action intent of every staff route, so a new one cannot go untested', () => {
  const missing: string[] = [];
  for (const { file, intents, hasAction } of declaredIntents()) {
    const covering = cases.filter((c) => c.route === file || c.declaredIn?.includes(file));
    if (hasAction && covering.length === 0) missing.push(`${file}: its action`);
    for (const intent of intents)
      if (!covering.some((c) => c.intent === intent)) missing.push(`${file}: intent ${intent}`);
  }
  expect(missing).toEqual([]);
  // And the scan is not blind: it finds the intents this file knows by hand.
  const found = Object.fromEntries(declaredIntents().map((d) => [d.file, d.intents]));
  expect(found['suggestion.tsx']).toEqual(
    expect.arrayContaining(['consent', 'decide', 'reply', 'markClusterDuplicates']),
  );
  expect(found['account.tsx']).toEqual(expect.arrayContaining(['change-password', 'disable-2fa']));
  expect(found['intake-new.tsx']).toEqual(['save', 'saveAndNext']);
});

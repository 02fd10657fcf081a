import fs from 'node:fs';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { GrantablePermission, Permission, Role } from '../../app/domain/authorization/permissions.ts';
import { readConfig } from '../../app/server/config.ts';
import { createLogger } from '../../app/server/logger.ts';
import { startPortal, type RunningPortal } from '../../app/server/portal.ts';
import { eq } from 'drizzle-orm';
import { attachments, inboundEmails, planVersions, suggestionFingerprints } from '../../db/schema/index.ts';
import { addSections, createPlan } from '../factories/plans.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { sealedInboundEmail } from '../factories/sealed.ts';

// Every /admin route, loader (GET) and action (POST), for a stranger, each role,
// and each role holding read:contact:any: allowed or denied, default deny.
// Requests go over HTTP to the real server, cookies and all.

const database = setupTestDatabase();
let portal: RunningPortal;
let ids: {
  plan: number;
  slug: string;
  section: number;
  user: number;
  suggestion: number;
  attachment: number;
  email: number;
  mailWithFile: number;
};

type Rule = Permission | 'signed-in';
// `null`: the route has no such handler (or refuses the method), so 405 for everyone.
const adminRoutes: { file: string; path: () => string; loader: Rule | null; action: Rule | null }[] = [
  { file: 'dashboard.tsx', path: () => '/admin', loader: 'signed-in', action: null },
  { file: 'account.tsx', path: () => '/admin/account', loader: 'signed-in', action: 'signed-in' },
  { file: 'users.tsx', path: () => '/admin/users', loader: 'manage:user:any', action: 'manage:user:any' },
  { file: 'user.tsx', path: () => `/admin/users/${ids.user}`, loader: 'manage:user:any', action: 'manage:user:any' },
  { file: 'audit.tsx', path: () => '/admin/audit', loader: 'read:audit:any', action: null },
  { file: 'plans.tsx', path: () => '/admin/plans', loader: 'manage:plan:any', action: null },
  { file: 'plan-new.tsx', path: () => '/admin/plans/new', loader: 'manage:plan:any', action: 'manage:plan:any' },
  {
    file: 'plan-edit.tsx',
    path: () => `/admin/plans/${ids.plan}`,
    loader: 'manage:plan:any',
    action: 'manage:plan:any',
  },
  {
    file: 'plan-categories.tsx',
    path: () => `/admin/plans/${ids.plan}/categories`,
    loader: 'manage:plan:any',
    action: 'manage:plan:any',
  },
  {
    file: 'plan-tags.tsx',
    path: () => `/admin/plans/${ids.plan}/tags`,
    loader: 'manage:plan:any',
    action: 'manage:plan:any',
  },
  {
    file: 'plan-rules.tsx',
    path: () => `/admin/plans/${ids.plan}/rules`,
    loader: 'manage:plan:any',
    action: 'manage:plan:any',
  },
  {
    file: 'plan-sections.tsx',
    path: () => `/admin/plans/${ids.plan}/sections`,
    loader: 'manage:plan:any',
    action: 'manage:plan:any',
  },
  {
    file: 'plan-section.tsx',
    path: () => `/admin/plans/${ids.plan}/sections/${ids.section}`,
    loader: 'manage:plan:any',
    action: 'manage:plan:any',
  },
  {
    file: 'plan-import.tsx',
    path: () => `/admin/plans/${ids.plan}/import`,
    loader: 'manage:plan:any',
    action: 'manage:plan:any',
  },
  {
    file: 'plan-versions.tsx',
    path: () => `/admin/plans/${ids.plan}/versions`,
    loader: 'manage:plan:any',
    action: 'manage:plan:any',
  },
  {
    file: 'plan-version-changes.tsx',
    path: () => `/admin/plans/${ids.plan}/versions/2`,
    loader: 'manage:plan:any',
    action: 'manage:plan:any',
  },
  { file: 'exports.tsx', path: () => '/admin/exports', loader: 'export:suggestion:any', action: null },
  { file: 'exports-download.ts', path: () => '/admin/exports/download', loader: null, action: 'export:suggestion:any' },
  {
    file: 'plan-dashboard.tsx',
    path: () => `/admin/plans/${ids.slug}/dashboard`,
    loader: 'read:report:any',
    action: 'manage:plan:any',
  },
  {
    file: 'plan-dashboard-csv.ts',
    path: () => `/admin/plans/${ids.slug}/dashboard/csv/byStatus`,
    loader: 'read:report:any',
    action: null,
  },
  {
    file: 'proposal-accuracy-csv.ts',
    path: () => `/admin/plans/${ids.slug}/dashboard/proposal-accuracy.csv`,
    loader: 'read:report:any',
    action: null,
  },
  {
    file: 'suggestions.tsx',
    path: () => '/admin/suggestions',
    loader: 'read:suggestion:any',
    action: 'moderate:suggestion:any',
  },
  {
    file: 'suggestion.tsx',
    path: () => `/admin/suggestions/${ids.suggestion}`,
    loader: 'read:suggestion:any',
    action: 'moderate:suggestion:any',
  },
  {
    file: 'suggestion-contact.tsx',
    path: () => `/admin/suggestions/${ids.suggestion}/contact`,
    loader: 'read:contact:any',
    action: 'read:contact:any',
  },
  {
    file: 'suggestion-attachment.ts',
    path: () => `/admin/suggestions/${ids.suggestion}/attachments/${ids.attachment}`,
    loader: 'read:suggestion:any',
    action: null,
  },
  {
    file: 'intake-new.tsx',
    path: () => '/admin/intake/new',
    loader: 'moderate:suggestion:any',
    action: 'moderate:suggestion:any',
  },
  { file: 'inbox.tsx', path: () => '/admin/inbox', loader: 'read:suggestion:any', action: 'moderate:suggestion:any' },
  { file: 'clusters.tsx', path: () => '/admin/clusters', loader: 'read:suggestion:any', action: null },
  {
    file: 'campaign.tsx',
    path: () => `/admin/clusters/${ids.suggestion}?plan=${ids.plan}`,
    loader: 'read:suggestion:any',
    action: 'moderate:suggestion:any',
  },
  { file: 'themes.tsx', path: () => '/admin/themes', loader: 'read:suggestion:any', action: 'moderate:suggestion:any' },
  { file: 'inbox-eml.ts', path: () => `/admin/inbox/${ids.email}/eml`, loader: 'read:contact:any', action: null },
  { file: 'inbox-html.ts', path: () => `/admin/inbox/${ids.email}/html`, loader: 'read:contact:any', action: null },
  {
    file: 'inbox-attachment.ts',
    path: () => `/admin/inbox/${ids.mailWithFile}/attachments/0`,
    loader: 'read:suggestion:any',
    action: null,
  },
];
// The sign-in steps and logout need no session by nature; tested below.
const publicRoutes = [
  'login.tsx',
  'login-two-factor.tsx',
  'login-unlock.tsx',
  'login-unlock-token.tsx',
  'logout.ts',
  'layout.tsx',
];

const expectedPermissions: Record<Role, Permission[]> = {
  admin: [
    'read:suggestion:any',
    'moderate:suggestion:any',
    'export:suggestion:any',
    'read:report:any',
    'manage:plan:any',
    'manage:user:any',
    'read:audit:any',
  ],
  moderator: ['read:suggestion:any', 'moderate:suggestion:any'],
  planner: ['read:suggestion:any', 'read:report:any', 'export:suggestion:any'],
};

type Actor = { label: string; cookie: string | null; permissions: Permission[] };
const actors: Actor[] = [];

beforeAll(async () => {
  portal = await startPortal(
    readConfig({ DATABASE_URL: database.url, PORT: '0', SEED_DEMO: 'never' }),
    createLogger('silent'),
  );
  const plan = await createPlan(database.db, { status: 'draft' });
  const [section] = await addSections(database.db, plan.id, ['总则']);
  await database.db.insert(planVersions).values([
    { planId: plan.id, number: 1 },
    { planId: plan.id, number: 2 },
  ]);
  const target = await createStaff(database.db, { role: 'planner' });
  const suggestion = await createSuggestion(database.db, plan.id, {
    attachments: [{ filename: '意见.txt', contentType: 'text/plain', bytes: Buffer.from('附件内容') }],
  });
  const [attachment] = await database.db
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.suggestionId, suggestion.id));
  const raw = Buffer.from('From: a@example.edu.cn\r\nSubject: test\r\n\r\nbody\r\n');
  const [email] = await database.db
    .insert(inboundEmails)
    .values({
      dedupeKey: 'matrix',
      source: 'test',
      ...sealedInboundEmail(raw, '<p>矩阵测试</p>'),
      sizeBytes: raw.byteLength,
      status: 'unmatched',
    })
    .returning();
  // A mail with a file the portal does not accept, left in the mail for staff (tests/fixtures/mail/third-party).
  const withFile = fs.readFileSync('tests/fixtures/mail/third-party/rspamd-zip-gz.eml');
  const [mailWithFile] = await database.db
    .insert(inboundEmails)
    .values({
      dedupeKey: 'matrix-file',
      source: 'test',
      ...sealedInboundEmail(withFile),
      sizeBytes: withFile.byteLength,
      status: 'held',
      statusReason: 'attachment_extension',
      attachmentList: [
        {
          index: 0,
          filename: 'f.zip.gz',
          contentType: 'application/octet-stream',
          sizeBytes: 145,
          verdict: 'extension',
        },
      ],
    })
    .returning();
  // A one-copy group is enough for the campaign page to render (the enrichment job is not run here).
  await database.db
    .insert(suggestionFingerprints)
    .values({ suggestionId: suggestion.id, planId: plan.id, bands: [1], clusterId: suggestion.id })
    .onConflictDoNothing();
  ids = {
    plan: plan.id,
    slug: plan.slug,
    section: section!.id,
    user: target.id,
    suggestion: suggestion.id,
    attachment: attachment!.id,
    email: email!.id,
    mailWithFile: mailWithFile!.id,
  };
  actors.push({ label: 'anonymous', cookie: null, permissions: [] });
  for (const role of ['admin', 'moderator', 'planner'] as const) {
    for (const grants of [[], ['read:contact:any']] as GrantablePermission[][]) {
      // Enrolled where 2FA is required, so the enrolment redirect does not hide the permission check.
      const staff = await createStaff(database.db, { role, grants, totp: role === 'admin' || grants.length > 0 });
      const cookie = `jianyan_staff=${await signIn(database.db, staff.id)}`;
      actors.push({
        label: `${role}${grants.length ? '+contact' : ''}`,
        cookie,
        permissions: [...expectedPermissions[role], ...grants],
      });
    }
  }
});

afterAll(async () => {
  await portal?.close();
});

const request = (path: string, actor: Actor, method: 'GET' | 'POST') =>
  fetch(`${portal.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      ...(actor.cookie ? { cookie: actor.cookie } : {}),
      ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: method === 'POST' ? '' : undefined,
  });

test('the matrix lists every route module under app/routes/admin', () => {
  const files = fs.readdirSync('app/routes/admin').filter((f) => /\.tsx?$/.test(f) && !f.includes('.server.'));
  expect([...adminRoutes.map((r) => r.file), ...publicRoutes].sort()).toEqual(files.sort());
  const routeTable = fs.readFileSync('app/routes.ts', 'utf8');
  for (const file of [...adminRoutes.map((r) => r.file), ...publicRoutes])
    expect(routeTable).toContain(`routes/admin/${file}`);
});

test.each(
  adminRoutes.flatMap((route) =>
    (['GET', 'POST'] as const).map((method) => ({ route, method, name: `${method} ${route.file}` })),
  ),
)('$name: allowed or denied for every actor', async ({ route, method }) => {
  const rule = method === 'GET' ? route.loader : route.action;
  // React Router logs a POST to a route without an action with console.error before answering 405.
  if (rule === null) vi.spyOn(console, 'error').mockImplementation(() => {});
  for (const actor of actors) {
    const response = await request(route.path(), actor, method);
    const where = `${actor.label} ${method} ${route.path()}`;
    if (rule === null) {
      expect(response.status, where).toBe(405);
    } else if (!actor.cookie) {
      expect(response.status, where).toBe(302);
      expect(response.headers.get('location'), where).toMatch(/^\/admin\/login\?redirectTo=/);
    } else if (rule === 'signed-in' || actor.permissions.includes(rule)) {
      // Allowed: the page renders, or the empty form is refused as invalid (400), never 302 to login or 403.
      expect(response.status, where).toBe(method === 'GET' ? 200 : 400);
    } else {
      expect(response.status, where).toBe(403);
    }
    await response.body?.cancel();
  }
});

test('the sign-in pages are open to strangers, logout only ends a session by POST', async () => {
  const stranger = actors[0]!;
  expect((await request('/admin/login', stranger, 'GET')).status).toBe(200);
  expect((await request('/admin/login', stranger, 'POST')).status).toBe(400);
  expect((await request('/admin/login/two-factor', stranger, 'GET')).headers.get('location')).toBe('/admin/login');
  expect((await request('/admin/logout', stranger, 'POST')).headers.get('location')).toBe('/admin/login');
  const moderator = actors.find((a) => a.label === 'moderator')!;
  expect((await request('/admin/logout', moderator, 'GET')).headers.get('location')).toBe('/admin');
  expect((await request('/admin', moderator, 'GET')).status).toBe(200);
  const loggedOut = await request('/admin/logout', moderator, 'POST');
  expect(loggedOut.headers.get('set-cookie')).toMatch(/jianyan_staff=;.*Max-Age=0/);
  expect((await request('/admin', moderator, 'GET')).status).toBe(302);
});

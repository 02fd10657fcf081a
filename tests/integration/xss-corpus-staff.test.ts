import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { suggestions } from '../../db/schema/index.ts';
import { xssVectors } from '../fixtures/xss/vectors.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { outboxMail } from '../factories/sealed.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { cspNonceOf, findUnsafeMarkup, visibleText } from './helpers/unsafe-html.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Decision 093's corpus through the staff's own channels (issue 15): every
// vector typed by staff into manual entry (letters, calls, visits, 座谈会 with
// its meeting name), then as a tag, a note, a reply to the submitter and a
// decision's reason, public reply and summary, all posted over HTTP as the
// forms post them. Then every page that shows them, the submitter's /track,
// and every mail it queued (html part, text part, subject) are read back.
const database = setupTestDatabase();
const portal = setupTestPortal(database, { SEED_DEMO: 'never', RATE_LIMIT_TRACK_PER_HOUR: '100000' });
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const cut = (text: string, n: number) => [...text.trim()].slice(0, n).join('');
const channels = ['letter', 'phone', 'visit', 'symposium'] as const;
let planId: number;
let cookie: string;
const saved: { vector: string; id: number; trackingCode: string; email: string }[] = [];

const post = (path: string, fields: Record<string, string>) =>
  fetch(`${portal.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url, cookie },
    body: new URLSearchParams(fields),
  });

async function page(path: string, init?: RequestInit) {
  const response = await fetch(`${portal.url}${path}`, { ...init, headers: { cookie, ...init?.headers } });
  expect(response.status, path).toBe(200);
  const html = await response.text();
  return { html, unsafe: findUnsafeMarkup(html, cspNonceOf(response)), text: visibleText(html) };
}

beforeAll(async () => {
  planId = (await createPlan(database.db, { title: 'XSS 人工录入测试' })).id;
  await addCategories(database.db, planId, ['综合']);
  const admin = await createStaff(database.db, { role: 'admin', grants: ['read:contact:any'], totp: true });
  cookie = `jianyan_staff=${await signIn(database.db, admin.id)}`;
}, 60_000);

test('manual entry: every vector as title, body, name and meeting name is stored as typed', async () => {
  for (const [i, { vector }] of xssVectors.entries()) {
    const channel = channels[i % channels.length]!;
    const formKey = crypto.randomUUID();
    const email = `xss-manual-${i}@example.edu.cn`;
    const response = await post('/admin/intake/new', {
      formKey,
      planId: String(planId),
      channel,
      receivedOn: '2026-12-01',
      submitterType: '来信群众',
      name: cut(vector, 50),
      email,
      title: cut(vector, 100),
      body: vector,
      ...(channel === 'symposium' ? { meetingName: cut(vector, 150), meetingDate: '2026-12-01' } : {}),
    });
    expect(response.status, vector).toBe(302);
    expect(response.headers.get('location'), vector).toMatch(/^\/admin\/suggestions\/\d+$/);
    const [row] = await database.db
      .select()
      .from(suggestions)
      .where(eq(suggestions.intakeKey, `manual:${formKey}`));
    expect(row!.title, vector).toBe(cut(vector, 100));
    saved.push({ vector, id: row!.id, trackingCode: row!.trackingCode, email });
  }
  expect(saved).toHaveLength(xssVectors.length);
}, 600_000);

test('tags, notes, replies and decisions carry every vector; the staff detail shows each as text', async () => {
  expect(saved).toHaveLength(xssVectors.length);
  for (const { vector, id } of saved) {
    const path = `/admin/suggestions/${id}`;
    const acts: Record<string, string>[] = [
      { intent: 'addTags', tags: cut(vector, 400) },
      { intent: 'note', body: vector },
      { intent: 'reply', message: vector },
      {
        intent: 'decide',
        decision: 'adopted',
        reason: vector,
        publicReply: cut(vector, 2000),
        publicSummary: cut(vector, 500),
        publishable: 'on',
      },
    ];
    for (const fields of acts) {
      const response = await post(path, fields);
      expect(response.status, `${fields.intent}: ${vector}`).toBeLessThan(400);
    }
    const detail = await page(path);
    expect(detail.unsafe, vector).toEqual([]);
    expect(detail.text, vector).toContain(squeeze(vector));
  }
  // The whole plan's tags, as their own admin page and the queue list them.
  // A name of its own (the suggestion tags above already made one named like the vector).
  for (const [i, { vector }] of saved.entries()) {
    const response = await post(`/admin/plans/${planId}/tags`, { intent: 'add', name: cut(`标签${i} ${vector}`, 40) });
    expect(response.status, vector).toBeLessThan(400);
  }
  const tagsPage = await page(`/admin/plans/${planId}/tags`);
  expect(tagsPage.unsafe).toEqual([]);
  const queue = await page(`/admin/suggestions?plan=${planId}`);
  expect(queue.unsafe).toEqual([]);
}, 600_000);

test('/track shows the decision, the public reply and the summary as text, never as markup', async () => {
  expect(saved).toHaveLength(xssVectors.length);
  for (const { vector, trackingCode, email } of saved) {
    const track = await page('/track', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url },
      body: new URLSearchParams({ code: trackingCode, contact: email }),
    });
    expect(track.unsafe, vector).toEqual([]);
    expect(track.text, vector).toContain(squeeze(cut(vector, 2000)));
  }
}, 600_000);

test('every mail queued for these suggestions: no executable markup in the html part, the text part plain, one-line subjects', async () => {
  expect(saved).toHaveLength(xssVectors.length);
  const ids = saved.map((s) => s.id);
  const mails = await outboxMail(database.db);
  const ours = mails.filter((m) => m.suggestionId !== null && ids.includes(m.suggestionId));
  // An acknowledgement, a reply and a decision notice for each.
  expect(new Set(ours.map((m) => m.kind))).toEqual(new Set(['acknowledgement', 'staff_reply', 'decision']));
  for (const mail of ours) {
    const vector = saved.find((s) => s.id === mail.suggestionId)!.vector;
    expect(findUnsafeMarkup(mail.html, null), `${mail.kind}: ${vector}`).toEqual([]);
    expect(mail.subject, vector).not.toMatch(/[\r\n]/);
    // Plain text: what staff typed is there as typed (a "<" stays "<", not "&lt;").
    if (mail.kind !== 'acknowledgement') expect(squeeze(mail.text), vector).toContain(squeeze(cut(vector, 2000)));
  }
}, 120_000);

import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { Parser } from 'htmlparser2';
import JSZip from 'jszip';
import { beforeAll, expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { publishReport } from '../../app/domain/exports/report.server.ts';
import { decideSuggestion } from '../../app/domain/moderation/decide-suggestion.server.ts';
import { updateSection } from '../../app/domain/plans/manage-sections.server.ts';
import { saveChangeNote } from '../../app/domain/versions/change-notes.server.ts';
import { publishVersion } from '../../app/domain/versions/publish-version.server.ts';
import { planSections, plans } from '../../db/schema/index.ts';
import { csvInjectionPayloads, xssVectors } from '../fixtures/xss/vectors.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff, signIn } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { exportRequest, parseCsv, runExport, zipText } from './helpers/exports.ts';
import { cspNonceOf, findUnsafeMarkup, visibleText } from './helpers/unsafe-html.ts';
import { setupTestPortal } from './helpers/test-portal.ts';

// Decision 093's corpus in what the portal publishes and hands out: a Word
// draft carrying every vector (made by Python's zipfile, tests/fixtures/docx/
// generated/xss-draft.py) imported over HTTP; versions, the 修改对照表 (page
// and .docx) with every vector as section text, change reason and linked
// suggestion; the published adoption report; /track's revised-sentence view;
// and the xlsx and docx exports.
const database = setupTestDatabase();
const portal = setupTestPortal(database, { SEED_DEMO: 'never', RATE_LIMIT_TRACK_PER_HOUR: '100000' });
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const cut = (text: string, n: number) => [...text.trim()].slice(0, n).join('');
const ip = '192.0.2.93';
let cookie: string;
let viewer: { id: number; permissions: ReturnType<typeof permissionsOf> };
let plan: { id: number; slug: string };
const adopted: { vector: string; trackingCode: string }[] = [];

async function page(path: string, init?: RequestInit) {
  const response = await fetch(`${portal.url}${path}`, { ...init, headers: { cookie, ...init?.headers } });
  expect(response.status, path).toBe(200);
  const html = await response.text();
  return { html, unsafe: findUnsafeMarkup(html, cspNonceOf(response)), text: visibleText(html) };
}

/** The value of one form field in a page, read by htmlparser2 (entities decoded). */
function fieldValue(html: string, name: string): string | undefined {
  let value: string | undefined;
  const parser = new Parser({
    onopentag(tag, attributes) {
      if (tag === 'input' && attributes.name === name) value = attributes.value;
    },
  });
  parser.end(html);
  return value;
}

beforeAll(async () => {
  const admin = await createStaff(database.db, { role: 'admin', totp: true });
  viewer = { id: admin.id, permissions: permissionsOf('admin', []) };
  cookie = `jianyan_staff=${await signIn(database.db, admin.id)}`;
  plan = await createPlan(database.db, { title: 'XSS 修订版本测试' });
  const [category] = await addCategories(database.db, plan.id, ['综合']);
  const sections = await database.db
    .insert(planSections)
    .values(
      xssVectors.map(({ vector }, position) => ({
        planId: plan.id,
        position,
        number: `第${position + 1}章`,
        heading: cut(vector, 100),
        bodyMarkdown: vector,
      })),
    )
    .returning();
  for (const [i, { vector }] of xssVectors.entries()) {
    const saved = await createSuggestion(database.db, plan.id, {
      title: cut(vector, 100),
      body: vector,
      categoryId: category!.id,
      contact: { name: cut(vector, 50), email: `xss-pub-${i}@example.edu.cn` },
      // Named: the adoption report then lists the summary and the name.
      publicationConsent: 'named',
      enrich: false,
    });
    await decideSuggestion(database.db, {
      id: saved.id,
      actor: viewer,
      input: {
        decision: 'adopted',
        reason: vector,
        publicReply: vector,
        publicSummary: cut(vector, 500),
        publishable: true,
      },
    });
    adopted.push({ vector, trackingCode: saved.trackingCode });
    await updateSection(database.db, {
      planId: plan.id,
      sectionId: sections[i]!.id,
      fields: {
        level: 1,
        number: `第${i + 1}章`,
        heading: `${cut(vector, 90)} 修订`,
        bodyMarkdown: `${vector}\n\n（已修订）`,
      },
      viewer,
      ip,
    });
  }
  expect(await publishVersion(database.db, { planId: plan.id, note: xssVectors[0]!.vector, viewer, ip })).toMatchObject(
    {
      ok: true,
    },
  );
  for (const [i, { vector }] of xssVectors.entries()) {
    const note = await saveChangeNote(database.db, {
      planId: plan.id,
      number: 2,
      sectionKey: sections[i]!.id,
      reason: vector,
      codes: adopted[i]!.trackingCode,
      viewer,
      ip,
    });
    expect(note, vector).toEqual({ ok: true });
  }
}, 600_000);

test('plan import: a Word draft with every vector in headings and paragraphs previews, saves and publishes as text', async () => {
  const target = await createPlan(database.db, { title: 'XSS 导入测试', status: 'draft' });
  const form = new FormData();
  form.append('intent', 'preview');
  const docx = fs.readFileSync('tests/fixtures/docx/generated/xss-draft.docx');
  form.append('file', new File([docx], 'xss-draft.docx', { type: 'application/octet-stream' }));
  const preview = await page(`/admin/plans/${target.id}/import`, {
    method: 'POST',
    body: form,
    headers: { origin: portal.url },
  });
  expect(preview.unsafe).toEqual([]);
  const sections = JSON.parse(fieldValue(preview.html, 'sections')!) as { heading: string }[];
  // The reader keeps an over-long "heading" as body text (a heading is a line, not a paragraph): nothing is lost.
  expect(sections.length).toBeGreaterThan(xssVectors.length / 2);
  for (const { heading } of sections) expect(preview.text, heading).toContain(squeeze(heading));
  const save = await fetch(`${portal.url}/admin/plans/${target.id}/import`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url, cookie },
    body: new URLSearchParams({ intent: 'save', sections: JSON.stringify(sections) }),
  });
  expect(save.status).toBeLessThan(400);
  const stored = await database.db.select().from(planSections).where(eq(planSections.planId, target.id));
  const storedText = squeeze(stored.map((s) => `${s.heading}\n${s.bodyMarkdown}`).join('\n'));
  for (const { vector } of xssVectors) expect(storedText, vector).toContain(squeeze(vector));
  expect((await page(`/admin/plans/${target.id}/sections`)).unsafe).toEqual([]);
  // Published, the bodies go through Markdown and the sanitizer on the public page.
  await database.db.update(plans).set({ status: 'open' }).where(eq(plans.id, target.id));
  expect((await page(`/plans/${target.slug}`)).unsafe).toEqual([]);
}, 120_000);

test('versions, the comparison table and the staff change list show every vector as text', async () => {
  for (const path of [
    `/plans/${plan.slug}`,
    `/plans/${plan.slug}/versions/1`,
    `/plans/${plan.slug}/versions/2`,
    `/plans/${plan.slug}/compare?from=1&to=2`,
    `/admin/plans/${plan.id}/versions`,
    `/admin/plans/${plan.id}/versions/2`,
  ]) {
    const view = await page(path);
    expect(view.unsafe, path).toEqual([]);
  }
  const compare = await page(`/plans/${plan.slug}/compare?from=1&to=2`);
  for (const { vector } of xssVectors) expect(compare.text, vector).toContain(squeeze(`${cut(vector, 90)} 修订`));
}, 120_000);

test('the published adoption report and /track (decision, reply, revised sections) show the vectors as text', async () => {
  await publishReport(database.db, plan.id);
  const report = await page(`/plans/${plan.slug}/report`);
  expect(report.unsafe).toEqual([]);
  for (const { vector } of adopted) expect(report.text, vector).toContain(squeeze(cut(vector, 500)));
  for (const [i, { vector, trackingCode }] of adopted.entries()) {
    const track = await page('/track', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url },
      body: new URLSearchParams({ code: trackingCode, contact: `xss-pub-${i}@example.edu.cn` }),
    });
    expect(track.unsafe, vector).toEqual([]);
    // The revised section is named by its new heading.
    expect(track.text, vector).toContain(squeeze(`${cut(vector, 90)} 修订`));
  }
}, 300_000);

test('the 修改对照表 .docx and the docx export hold the vectors as text runs, never fields or links', async () => {
  const comparison = await fetch(`${portal.url}/plans/${plan.slug}/compare/docx?from=1&to=2`);
  expect(comparison.status).toBe(200);
  const exported = await runExport(database.db, exportRequest({ planId: String(plan.id), format: 'docx' }));
  for (const bytes of [Buffer.from(await comparison.arrayBuffer()), exported.bytes]) {
    const xml = await zipText(bytes);
    // Field codes (HYPERLINK, DDE, INCLUDETEXT…) would make Word act on the text. The one the
    // writers use is the footer's page number.
    const fields = [...xml.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => m[1]!.trim());
    expect(new Set(fields)).toEqual(new Set(['PAGE']));
    expect(xml).not.toMatch(/<w:fldSimple|<w:hyperlink|<w:altChunk|<w:object|DDEAUTO/);
    const text = squeeze(
      [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1]!)
        .join('')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    );
    for (const { vector } of xssVectors.filter((_, i) => i % 3 === 0))
      expect(text, vector).toContain(squeeze(cut(vector, 50)));
  }
}, 120_000);

test('the xlsx export: every vector is a text cell, never a formula (the one formula is our own HYPERLINK)', async () => {
  const { bytes } = await runExport(database.db, exportRequest({ planId: String(plan.id), format: 'xlsx' }));
  // The sheet's XML read by htmlparser2: exceljs's own reader decodes &quot; twice, so it is no judge here.
  const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
  const rows: { texts: Map<string, string>; formulas: string[] }[] = [];
  let buffer: string | null = null;
  let column = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'row') rows.push({ texts: new Map(), formulas: [] });
        // Empty cells are not written: a cell's column is its reference's letters.
        if (name === 'c') column = (attributes.r ?? '').replace(/\d+$/, '');
        if (name === 'v' || name === 't' || name === 'f') buffer = '';
      },
      ontext(text) {
        if (buffer !== null) buffer += text;
      },
      onclosetag(name) {
        if (buffer !== null && name === 'f') rows.at(-1)!.formulas.push(buffer);
        else if (buffer !== null) rows.at(-1)!.texts.set(column, buffer);
        buffer = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  const [header, ...body] = rows;
  expect(body).toHaveLength(xssVectors.length);
  for (const row of body)
    expect(row.formulas).toEqual([
      expect.stringMatching(/^HYPERLINK\("https:\/\/jianyan\.example\.edu\.cn\/admin\/suggestions\/\d+","查看"\)$/),
    ]);
  const titleColumn = [...header!.texts].find(([, text]) => text === '标题')![0];
  expect(body.map((row) => row.texts.get(titleColumn)).sort()).toEqual(
    xssVectors.map(({ vector }) => cut(vector, 100)).sort(),
  );
}, 120_000);

test('CSV: every formula-injection payload of a public list, in every text column, opens as text', async () => {
  const target = await createPlan(database.db, { title: 'CSV 注入测试' });
  const [category] = await addCategories(database.db, target.id, [csvInjectionPayloads[5]!]);
  for (const [i, payload] of csvInjectionPayloads.entries())
    await createSuggestion(database.db, target.id, {
      title: payload,
      body: payload,
      submitterType: payload.slice(0, 40),
      categoryId: category!.id,
      contact: { name: payload.slice(0, 50), unit: payload, email: `csv-${i}@example.edu.cn` },
      enrich: false,
    });
  const { bytes } = await runExport(database.db, exportRequest({ planId: String(target.id), format: 'csv' }));
  const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
  expect(records).toHaveLength(csvInjectionPayloads.length);
  const cells = records.flat();
  // Spreadsheets run a cell that starts with = + - @ (or tab/CR/LF, which some strip first) as a formula.
  expect(cells.filter((cell) => /^[=+\-@\t\r\n]/.test(cell))).toEqual([]);
  // Each payload is still there, behind the apostrophe that makes it text.
  for (const payload of csvInjectionPayloads)
    expect(cells, payload).toContain(/^[=+\-@]/.test(payload) ? `'${payload}` : payload);
  expect(header!.length).toBeGreaterThan(5);
}, 120_000);

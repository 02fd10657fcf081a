import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { Forbidden, type Actor } from '../../app/domain/authorization/actor.ts';
import { contactsForExport } from '../../app/domain/contacts/contacts.server.ts';
import { exportRows } from '../../app/domain/exports/export-rows.server.ts';
import { findExportPlan, startExport } from '../../app/domain/exports/run-export.server.ts';
import { categories, planSections, suggestions, tags } from '../../db/schema/index.ts';
import { seedDemoData } from '../../scripts/seed.server.ts';
import { addCategories, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { demoPlanId, exportRequest, fullExporter, parseCsv, runExport } from './helpers/exports.ts';

const database = setupTestDatabase();
let planId = 0;
const DEMO_CODES = [
  'JY-DEM2-2A3B',
  'JY-DEM2-4C5D',
  'JY-DEM2-6E7F',
  'JY-DEM2-8G9H',
  'JY-DEM2-JKMN',
  'JY-DEM2-PQRS',
  'JY-DEM2-TVWX',
  'JY-DEM2-YZ23',
];
// The demo's form-letter campaign (five emailed copies), seeded after the others.
const CAMPAIGN_CODES = ['JY-TSG4-2C3D', 'JY-TSG4-4E5F', 'JY-TSG4-6G7H', 'JY-TSG4-8J9K', 'JY-TSG4-MN2P'];

beforeAll(async () => {
  await seedDemoData(database.db);
  planId = await demoPlanId(database.db);
});

async function codes(fields: Record<string, string | string[]>) {
  const { filter, options } = exportRequest({ planId: String(planId), ...fields });
  const found: string[] = [];
  for await (const batch of exportRows(database.db, filter, {
    viewer: await fullExporter(database.db),
    includeContacts: options.includeContacts,
    batchSize: 3,
  })) {
    found.push(...batch.map((row) => row.trackingCode));
  }
  return found;
}

test('no filter: every suggestion of the plan, in key order, across cursor batches', async () => {
  expect(await codes({})).toEqual([...DEMO_CODES, ...CAMPAIGN_CODES]);
});

test('the adopted preset is 采纳 + 部分采纳', async () => {
  expect(await codes({ intent: 'adopted' })).toEqual(['JY-DEM2-2A3B', 'JY-DEM2-4C5D', 'JY-DEM2-8G9H']);
  expect(await codes({ status: ['not_adopted', 'in_review'] })).toEqual(['JY-DEM2-6E7F', 'JY-DEM2-JKMN']);
});

test('category, section, channel, submitter type and tag filters', async () => {
  const [category] = await database.db.select().from(categories).where(eq(categories.name, '师资队伍建设'));
  const [section] = await database.db
    .select()
    .from(planSections)
    .where(eq(planSections.heading, '推进校园建设与信息化建设'));
  const [tag] = await database.db.select().from(tags).where(eq(tags.name, '青年教师'));
  expect(await codes({ categoryId: String(category!.id) })).toEqual(['JY-DEM2-4C5D']);
  expect(await codes({ sectionId: String(section!.id) })).toEqual(['JY-DEM2-8G9H']);
  expect(await codes({ channel: 'email' })).toEqual(['JY-DEM2-4C5D', 'JY-DEM2-YZ23', ...CAMPAIGN_CODES]);
  expect(await codes({ submitterType: '教职工' })).toEqual(['JY-DEM2-4C5D', 'JY-DEM2-8G9H', 'JY-DEM2-TVWX']);
  expect(await codes({ tagId: String(tag!.id) })).toEqual(['JY-DEM2-4C5D']);
  expect(await codes({ channel: 'email', submitterType: '教职工' })).toEqual(['JY-DEM2-4C5D']);
});

test('date range: calendar days in China Standard Time, both ends included', async () => {
  const day = (daysAgo: number) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - daysAgo * 86_400_000));
  // Demo suggestions are 6, 5, 4, 3, 3, 2, 1, 0 days old.
  const found = await codes({ from: day(4), to: day(3) });
  expect(found).toEqual(expect.arrayContaining(['JY-DEM2-6E7F', 'JY-DEM2-8G9H', 'JY-DEM2-JKMN']));
  expect(found).not.toContain('JY-DEM2-2A3B');
  expect(found).not.toContain('JY-DEM2-YZ23');
});

test('contact details only when asked for: name and unit are contact details too', async () => {
  const { filter } = exportRequest({ planId: String(planId) });
  const rows = [];
  for await (const batch of exportRows(database.db, filter, {
    viewer: await fullExporter(database.db),
    includeContacts: false,
  }))
    rows.push(...batch);
  expect(rows.every((row) => row.contact === undefined)).toBe(true);
  const withContacts = [];
  for await (const batch of exportRows(database.db, filter, {
    viewer: await fullExporter(database.db),
    includeContacts: true,
  }))
    withContacts.push(...batch);
  expect(withContacts[0]!.contact).toEqual({
    name: '陈思远',
    unit: '计算机学院 2022 级',
    email: 'chen.siyuan@example.edu.cn',
    phone: undefined,
  });
});

test('CSV: quoting, Chinese and formula injection on hostile text', async () => {
  const plan = await createPlan(database.db);
  const [category] = await addCategories(database.db, plan.id, ['=其他']);
  await database.db.insert(suggestions).values([
    {
      trackingCode: 'JY-TEST-0001',
      planId: plan.id,
      categoryId: category!.id,
      title: '=HYPERLINK("http://evil.example","点我")',
      body: '第一行，逗号,\r\n第二行 "引号"',
      channel: 'web',
      submitterType: '@校友',
    },
    {
      trackingCode: 'JY-TEST-0002',
      planId: plan.id,
      title: '+86 电话',
      body: '-2+3',
      channel: 'letter',
      submitterType: '\t社会人士',
    },
  ]);
  const { bytes } = await runExport(database.db, exportRequest({ planId: String(plan.id), format: 'csv' }));
  const text = bytes.subarray(3).toString('utf8');
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
  const records = parseCsv(text);
  expect(records[1]!.slice(3, 7)).toEqual([
    "'=其他",
    `'=HYPERLINK("http://evil.example","点我")`,
    '第一行，逗号,\r\n第二行 "引号"',
    "'@校友",
  ]);
  expect(records[2]!.slice(4, 7)).toEqual(["'+86 电话", "'-2+3", "'\t社会人士"]);
});

test('the queue filters the export carries over: assignee, has-attachments, and spam or duplicates when chosen', async () => {
  const plan = await createPlan(database.db, { slug: 'export-queue-filters' });
  const staff = await createStaff(database.db, { role: 'moderator' });
  const pdf = { filename: '附件.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7\n%%EOF\n') };
  const withFile = await createSuggestion(database.db, plan.id, { attachments: [pdf] });
  const assigned = await createSuggestion(database.db, plan.id);
  const spam = await createSuggestion(database.db, plan.id);
  const duplicate = await createSuggestion(database.db, plan.id);
  await database.db.update(suggestions).set({ assigneeId: staff.id }).where(eq(suggestions.id, assigned.id));
  await database.db.update(suggestions).set({ status: 'spam' }).where(eq(suggestions.id, spam.id));
  await database.db
    .update(suggestions)
    .set({ status: 'duplicate', duplicateOfId: withFile.id })
    .where(eq(suggestions.id, duplicate.id));
  const inPlan = async (fields: Record<string, string | string[]>) => {
    const { filter } = exportRequest({ planId: String(plan.id), ...fields });
    const found: string[] = [];
    for await (const batch of exportRows(database.db, filter, {
      viewer: await fullExporter(database.db),
      includeContacts: false,
    }))
      found.push(...batch.map((row) => row.trackingCode));
    return found;
  };
  expect(await inPlan({})).toEqual([withFile.trackingCode, assigned.trackingCode]);
  expect(await inPlan({ assignee: String(staff.id) })).toEqual([assigned.trackingCode]);
  expect(await inPlan({ assignee: 'none' })).toEqual([withFile.trackingCode]);
  expect(await inPlan({ hasAttachments: 'on' })).toEqual([withFile.trackingCode]);
  expect(await inPlan({ status: 'spam' })).toEqual([spam.trackingCode]);
  expect(await inPlan({ status: 'duplicate' })).toEqual([duplicate.trackingCode]);
});

test('the domain refuses contact columns to a viewer without read:contact:any, whoever calls it', async () => {
  const planId = await demoPlanId(database.db);
  const planner: Actor = {
    id: 0,
    permissions: new Set(['read:suggestion:any', 'export:suggestion:any', 'read:report:any']),
  };
  const request = exportRequest({ planId: String(planId), format: 'csv', includeContacts: 'on' });
  const plan = await findExportPlan(database.db, planId);
  expect(() =>
    startExport(database.db, request, {
      plan: plan!,
      viewer: planner,
      baseUrl: 'https://x.invalid',
      onError: () => {},
    }),
  ).toThrow(Forbidden);
  const rows = exportRows(database.db, { planId, statuses: [] } as never, { viewer: planner, includeContacts: true });
  await expect(rows.next()).rejects.toBeInstanceOf(Forbidden);
  await expect(contactsForExport(database.db, planner, [1])).rejects.toBeInstanceOf(Forbidden);
});

import fs from 'node:fs';
import { changePlanStatus } from '../../../app/domain/plans/manage-plans.server.ts';
import { updateSection } from '../../../app/domain/plans/manage-sections.server.ts';
import { publishVersion } from '../../../app/domain/versions/publish-version.server.ts';
import { categoryRules, tags } from '../../../db/schema/index.ts';
import { addCategories, addSections, createPlan } from '../../factories/plans.ts';
import { holds, unique, type Case, type Harness } from './harness.ts';

// Plans, sections, categories, tags, rules, versions and the report: each
// needs manage:plan:any. Every case makes its own plan, so attempts never
// see each other's changes.

const MANAGE: Case['needs'] = ['manage:plan:any'];

async function planWith(h: Harness, status: 'draft' | 'open' | 'closed' = 'draft') {
  const plan = await createPlan(h.db, { status });
  const [s1, s2] = await addSections(h.db, plan.id, ['总则', '主要任务']);
  const [c1, c2] = await addCategories(h.db, plan.id, ['教学', '后勤']);
  const [t1, t2] = await h.db
    .insert(tags)
    .values([
      { planId: plan.id, name: unique('标签') },
      { planId: plan.id, name: unique('标签') },
    ])
    .returning();
  return {
    plan: plan.id,
    slug: plan.slug,
    s1: s1!.id,
    s2: s2!.id,
    c1: c1!.id,
    c2: c2!.id,
    t1: t1!.id,
    t2: t2!.id,
    newName: unique('新名'),
  };
}

const planFields = (slug: string, title: string) => ({
  slug,
  title,
  summary: '',
  organizer: '发展规划处',
  submitterTypes: '在校学生\n教职工',
  bodyMinLength: '10',
  bodyMaxLength: '5000',
  contactRetentionDays: '180',
});

const status = (h: Harness, id: number | string, wanted: string) =>
  holds(h)`select status::text = ${wanted} as ok from plans where id = ${id}`;
const position = (h: Harness, table: 'plan_sections' | 'categories', a: number | string, b: number | string) =>
  holds(
    h,
  )`select (select position from ${h.sql(table)} where id = ${a}) < (select position from ${h.sql(table)} where id = ${b}) as ok`;
const gone = (h: Harness, table: 'plan_sections' | 'categories' | 'tags' | 'category_rules', id: number | string) =>
  holds(h)`select not exists (select 1 from ${h.sql(table)} where id = ${id}) as ok`;

/** A published plan with version 1, then a change to its first section, ready to become version 2. */
async function planWithChange(h: Harness) {
  const ctx = await planWith(h, 'draft');
  await changePlanStatus(h.db, { id: ctx.plan, transition: 'publish', viewer: h.admin, ip: '192.0.2.1' });
  await updateSection(h.db, {
    planId: ctx.plan,
    sectionId: ctx.s1,
    fields: { level: 1, number: '第1章', heading: '总则', bodyMarkdown: unique('修订后的正文') },
    viewer: h.admin,
    ip: '192.0.2.1',
  });
  return ctx;
}

const docx = fs.readFileSync('tests/fixtures/docx/generated/chinese-chapter-numbering.docx');

export const planCases: Case[] = [
  {
    route: 'plan-new.tsx',
    intent: 'form',
    needs: MANAGE,
    setup: async () => ({ slug: unique('new-plan-'), title: unique('新规划') }),
    path: () => '/admin/plans/new',
    body: (c) => planFields(String(c.slug), String(c.title)),
    effect: (h, c) => holds(h)`select exists (select 1 from plans where slug = ${c.slug}) as ok`,
  },
  {
    route: 'plan-edit.tsx',
    intent: 'save',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}`,
    body: (c) => ({ intent: 'save', ...planFields(String(c.slug), String(c.newName)) }),
    effect: (h, c) => holds(h)`select title = ${c.newName} as ok from plans where id = ${c.plan}`,
  },
  ...(
    [
      ['publish', 'draft', 'open'],
      ['close', 'open', 'closed'],
      ['archive', 'closed', 'archived'],
    ] as const
  ).map(([intent, from, to]): Case => ({
    route: 'plan-edit.tsx',
    intent,
    needs: MANAGE,
    setup: (h) => planWith(h, from),
    path: (c) => `/admin/plans/${c.plan}`,
    body: () => ({ intent }),
    effect: (h, c) => status(h, c.plan!, to),
  })),
  {
    route: 'plan-categories.tsx',
    intent: 'add',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/categories`,
    body: (c) => ({ intent: 'add', name: String(c.newName), nameEn: '' }),
    effect: (h, c) =>
      holds(h)`select exists (select 1 from categories where plan_id = ${c.plan} and name = ${c.newName}) as ok`,
  },
  {
    route: 'plan-categories.tsx',
    intent: 'rename',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/categories`,
    body: (c) => ({ intent: 'rename', categoryId: String(c.c1), name: String(c.newName), nameEn: 'Renamed' }),
    effect: (h, c) => holds(h)`select name = ${c.newName} as ok from categories where id = ${c.c1}`,
  },
  {
    route: 'plan-categories.tsx',
    intent: 'up',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/categories`,
    body: (c) => ({ intent: 'up', categoryId: String(c.c2) }),
    effect: (h, c) => position(h, 'categories', c.c2!, c.c1!),
  },
  {
    route: 'plan-categories.tsx',
    intent: 'down',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/categories`,
    body: (c) => ({ intent: 'down', categoryId: String(c.c1) }),
    effect: (h, c) => position(h, 'categories', c.c2!, c.c1!),
  },
  {
    route: 'plan-categories.tsx',
    intent: 'remove',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/categories`,
    body: (c) => ({ intent: 'remove', categoryId: String(c.c1) }),
    effect: (h, c) => gone(h, 'categories', c.c1!),
  },
  {
    route: 'plan-tags.tsx',
    intent: 'add',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/tags`,
    body: (c) => ({ intent: 'add', name: String(c.newName) }),
    effect: (h, c) =>
      holds(h)`select exists (select 1 from tags where plan_id = ${c.plan} and name = ${c.newName}) as ok`,
  },
  {
    route: 'plan-tags.tsx',
    intent: 'rename',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/tags`,
    body: (c) => ({ intent: 'rename', tagId: String(c.t1), name: String(c.newName) }),
    effect: (h, c) => holds(h)`select name = ${c.newName} as ok from tags where id = ${c.t1}`,
  },
  {
    route: 'plan-tags.tsx',
    intent: 'merge',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/tags`,
    body: (c) => ({ intent: 'merge', tagId: String(c.t1), intoTagId: String(c.t2) }),
    effect: (h, c) => gone(h, 'tags', c.t1!),
  },
  {
    route: 'plan-tags.tsx',
    intent: 'delete',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/tags`,
    body: (c) => ({ intent: 'delete', tagId: String(c.t1) }),
    effect: (h, c) => gone(h, 'tags', c.t1!),
  },
  {
    route: 'plan-rules.tsx',
    intent: 'add',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/rules`,
    body: (c) => ({ intent: 'add', keywords: `食堂，${c.newName}`, categoryId: String(c.c2), tagName: '' }),
    effect: (h, c) =>
      holds(h)`select exists (select 1 from category_rules where plan_id = ${c.plan} and category_id = ${c.c2}) as ok`,
  },
  {
    route: 'plan-rules.tsx',
    intent: 'remove',
    needs: MANAGE,
    setup: async (h) => {
      const ctx = await planWith(h);
      const [rule] = await h.db
        .insert(categoryRules)
        .values({ planId: ctx.plan, categoryId: ctx.c1, keywords: ['宿舍'] })
        .returning();
      return { ...ctx, rule: rule!.id };
    },
    path: (c) => `/admin/plans/${c.plan}/rules`,
    body: (c) => ({ intent: 'remove', ruleId: String(c.rule) }),
    effect: (h, c) => gone(h, 'category_rules', c.rule!),
  },
  {
    route: 'plan-sections.tsx',
    intent: 'add',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/sections`,
    body: (c) => ({
      intent: 'add',
      level: '1',
      number: '第三章',
      heading: String(c.newName),
      bodyMarkdown: '保障措施。',
    }),
    effect: (h, c) =>
      holds(h)`select exists (select 1 from plan_sections where plan_id = ${c.plan} and heading = ${c.newName}) as ok`,
  },
  {
    route: 'plan-sections.tsx',
    intent: 'up',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/sections`,
    body: (c) => ({ intent: 'up', sectionId: String(c.s2) }),
    effect: (h, c) => position(h, 'plan_sections', c.s2!, c.s1!),
  },
  {
    route: 'plan-sections.tsx',
    intent: 'down',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/sections`,
    body: (c) => ({ intent: 'down', sectionId: String(c.s1) }),
    effect: (h, c) => position(h, 'plan_sections', c.s2!, c.s1!),
  },
  {
    route: 'plan-sections.tsx',
    intent: 'remove',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/sections`,
    body: (c) => ({ intent: 'remove', sectionId: String(c.s1) }),
    effect: (h, c) => gone(h, 'plan_sections', c.s1!),
  },
  {
    route: 'plan-section.tsx',
    intent: 'save',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/sections/${c.s1}`,
    body: (c) => ({
      intent: 'save',
      level: '1',
      number: '第一章',
      heading: String(c.newName),
      bodyMarkdown: '修改后的正文。',
    }),
    effect: (h, c) => holds(h)`select heading = ${c.newName} as ok from plan_sections where id = ${c.s1}`,
  },
  {
    // A preview changes nothing: its effect is the rendered text in the answer.
    route: 'plan-section.tsx',
    intent: 'preview',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/sections/${c.s1}`,
    body: (c) => ({
      intent: 'preview',
      level: '1',
      number: '第一章',
      heading: '总则',
      bodyMarkdown: `**${c.newName}**`,
    }),
    effect: async (_h, c, response) => response.includes(`<strong>${c.newName}</strong>`),
  },
  {
    route: 'plan-import.tsx',
    intent: 'preview',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/import`,
    body: () => {
      const form = new FormData();
      form.append('intent', 'preview');
      form.append(
        'file',
        new File([docx], '规划草案.docx', {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
      );
      return form;
    },
    // Headings from the uploaded draft (tests/fixtures/docx/generated), shown for review.
    effect: async (_h, _c, response) => response.includes('一般规定') && response.includes('规划目标'),
  },
  {
    route: 'plan-import.tsx',
    intent: 'save',
    needs: MANAGE,
    setup: (h) => planWith(h),
    path: (c) => `/admin/plans/${c.plan}/import`,
    body: (c) => ({
      intent: 'save',
      sections: JSON.stringify([{ level: 1, number: '第一章', heading: c.newName, bodyMarkdown: '导入的正文。' }]),
    }),
    effect: (h, c) =>
      holds(h)`select exists (select 1 from plan_sections where plan_id = ${c.plan} and heading = ${c.newName}) as ok`,
  },
  {
    route: 'plan-versions.tsx',
    intent: 'publish',
    needs: MANAGE,
    setup: (h) => planWithChange(h),
    path: (c) => `/admin/plans/${c.plan}/versions`,
    body: () => ({ intent: 'publish', note: '根据意见修订。' }),
    effect: (h, c) =>
      holds(h)`select exists (select 1 from plan_versions where plan_id = ${c.plan} and number = 2) as ok`,
  },
  {
    route: 'plan-version-changes.tsx',
    intent: 'form',
    needs: MANAGE,
    setup: async (h) => {
      const ctx = await planWithChange(h);
      const published = await publishVersion(h.db, { planId: ctx.plan, note: '', viewer: h.admin, ip: '192.0.2.1' });
      if (!published.ok) throw new Error(`version 2 not published: ${published.error}`);
      return ctx;
    },
    path: (c) => `/admin/plans/${c.plan}/versions/2`,
    body: (c) => ({ sectionKey: String(c.s1), reason: String(c.newName), codes: '' }),
    effect: (h, c) =>
      holds(
        h,
      )`select exists (select 1 from plan_version_changes where section_key = ${c.s1} and reason = ${c.newName}) as ok`,
  },
  {
    route: 'plan-dashboard.tsx',
    intent: 'publish-report',
    needs: MANAGE,
    setup: (h) => planWith(h, 'closed'),
    path: (c) => `/admin/plans/${c.slug}/dashboard`,
    body: () => ({ intent: 'publish-report' }),
    effect: (h, c) => holds(h)`select report_published_at is not null as ok from plans where id = ${c.plan}`,
  },
];

import { suggestionFingerprints, suggestionProposals, suggestionTags, tags } from '../../../db/schema/index.ts';
import { addCategories, createPlan } from '../../factories/plans.ts';
import { createSuggestion } from '../../factories/suggestions.ts';
import { holds, unique, type Case, type Ctx, type Harness } from './harness.ts';

// The triage queue's bulk form and the detail page's forms: moderation acts,
// which need moderate:suggestion:any; widening publication consent also needs
// read:contact:any (decision 056).

const MODERATE: Case['needs'] = ['moderate:suggestion:any'];

export async function suggestionWith(
  h: Harness,
  status: 'received' | 'in_review' | 'pending_verification' = 'received',
) {
  const plan = await createPlan(h.db);
  const [c1] = await addCategories(h.db, plan.id, ['教学']);
  const [tag] = await h.db
    .insert(tags)
    .values({ planId: plan.id, name: unique('标签') })
    .returning();
  const saved = await createSuggestion(h.db, plan.id, {
    status: status === 'pending_verification' ? status : 'received',
  });
  if (status === 'in_review') await h.sql`update suggestions set status = 'in_review' where id = ${saved.id}`;
  const second = await createSuggestion(h.db, plan.id);
  return {
    plan: plan.id,
    id: saved.id,
    code: saved.trackingCode,
    other: second.id,
    c1: c1!.id,
    tag: tag!.id,
    newTag: unique('新标签'),
  };
}

/** Puts the two suggestions in one near-duplicate cluster under the first. */
export async function groupAsOneCluster(h: Harness, ctx: { plan: number; id: number; other: number }) {
  // Intake may already have fingerprinted them: put both in one cluster either way.
  await h.db
    .insert(suggestionFingerprints)
    .values([
      { suggestionId: ctx.id, planId: ctx.plan, bands: [1, 2, 3], clusterId: ctx.id },
      { suggestionId: ctx.other, planId: ctx.plan, bands: [1, 2, 3], clusterId: ctx.id },
    ])
    .onConflictDoUpdate({ target: suggestionFingerprints.suggestionId, set: { clusterId: ctx.id } });
}

export const column = (h: Harness, id: number | string, name: string, wanted: number | string) =>
  holds(h)`select ${h.sql(name)}::text = ${String(wanted)} as ok from suggestions where id = ${id}`;
const tagged = (h: Harness, id: number | string, tagId: number | string) =>
  holds(h)`select exists (select 1 from suggestion_tags where suggestion_id = ${id} and tag_id = ${tagId}) as ok`;
export const taggedNamed = (h: Harness, id: number | string, name: number | string) =>
  holds(
    h,
  )`select exists (select 1 from suggestion_tags st join tags t on t.id = st.tag_id where st.suggestion_id = ${id} and t.name = ${name}) as ok`;

async function withTag(h: Harness) {
  const ctx = await suggestionWith(h);
  await h.db.insert(suggestionTags).values({ suggestionId: ctx.id, tagId: ctx.tag });
  return ctx;
}

/** The four acts the bulk form and the detail page share, with each page's field names. */
function sharedActs(route: 'suggestions.tsx' | 'suggestion.tsx'): Case[] {
  const bulk = route === 'suggestions.tsx';
  const path = (c: Ctx) => (bulk ? '/admin/suggestions' : `/admin/suggestions/${c.id}`);
  const ids = (c: Ctx): Record<string, string[]> => (bulk ? { id: [String(c.id)] } : {});
  return [
    {
      route,
      intent: 'addTags',
      needs: MODERATE,
      setup: (h) => suggestionWith(h),
      path,
      body: (c) => ({ intent: 'addTags', ...ids(c), tags: String(c.newTag) }),
      effect: (h, c) => taggedNamed(h, c.id!, c.newTag!),
    },
    {
      route,
      intent: 'removeTag',
      needs: MODERATE,
      setup: withTag,
      path,
      body: (c) => ({ intent: 'removeTag', ...ids(c), [bulk ? 'removeTag' : 'tagId']: String(c.tag) }),
      effect: async (h, c) => !(await tagged(h, c.id!, c.tag!)),
    },
    {
      route,
      intent: 'assign',
      needs: MODERATE,
      setup: async (h) => ({ ...(await suggestionWith(h)), assignee: h.assigneeId }),
      path,
      body: (c) => ({ intent: 'assign', ...ids(c), assignee: String(c.assignee) }),
      effect: (h, c) => column(h, c.id!, 'assignee_id', h.assigneeId),
    },
    {
      route,
      intent: 'category',
      needs: MODERATE,
      setup: (h) => suggestionWith(h),
      path,
      body: (c) => ({ intent: 'category', ...ids(c), category: String(c.c1) }),
      effect: (h, c) => column(h, c.id!, 'category_id', c.c1!),
    },
  ];
}

const detail = (c: Ctx) => `/admin/suggestions/${c.id}`;

export const suggestionCases: Case[] = [
  {
    route: 'suggestions.tsx',
    intent: 'status',
    needs: MODERATE,
    setup: (h) => suggestionWith(h),
    path: () => '/admin/suggestions',
    body: (c) => ({ intent: 'status', id: [String(c.id), String(c.other)], status: 'in_review' }),
    effect: async (h, c) =>
      (await column(h, c.id!, 'status', 'in_review')) && column(h, c.other!, 'status', 'in_review'),
  },
  {
    route: 'suggestions.tsx',
    intent: 'confirmCategories',
    needs: MODERATE,
    setup: (h) => suggestionWith(h),
    path: () => '/admin/suggestions',
    body: (c) => ({ intent: 'confirmCategories', id: [String(c.id)], rowCategory: [`${c.id}:${c.c1}`] }),
    effect: (h, c) => column(h, c.id!, 'category_id', c.c1!),
  },
  {
    route: 'suggestions.tsx',
    intent: 'decide',
    needs: MODERATE,
    setup: (h) => suggestionWith(h),
    path: () => '/admin/suggestions',
    body: (c) => ({
      intent: 'decide',
      id: [String(c.id), String(c.other)],
      decision: 'not_adopted',
      reason: '统一答复的理由',
    }),
    effect: async (h, c) =>
      (await column(h, c.id!, 'status', 'not_adopted')) && column(h, c.other!, 'status', 'not_adopted'),
  },
  ...sharedActs('suggestions.tsx'),
  ...sharedActs('suggestion.tsx'),
  {
    route: 'suggestion.tsx',
    intent: 'move',
    needs: MODERATE,
    setup: (h) => suggestionWith(h, 'pending_verification'),
    path: detail,
    body: () => ({ intent: 'move', move: 'verify' }),
    effect: (h, c) => column(h, c.id!, 'status', 'received'),
  },
  {
    route: 'suggestion.tsx',
    intent: 'decide',
    needs: MODERATE,
    setup: (h) => suggestionWith(h, 'in_review'),
    path: detail,
    body: () => ({
      intent: 'decide',
      decision: 'adopted',
      reason: '与规划方向一致，予以采纳。',
      publicReply: '感谢您的建议，已采纳。',
      publicSummary: '增加具体措施。',
      publishable: 'on',
    }),
    effect: (h, c) => column(h, c.id!, 'status', 'adopted'),
  },
  {
    route: 'suggestion.tsx',
    intent: 'duplicate',
    needs: MODERATE,
    setup: (h) => suggestionWith(h),
    path: detail,
    body: (c) => ({ intent: 'duplicate', original: String(c.other) }),
    effect: (h, c) => column(h, c.id!, 'duplicate_of_id', c.other!),
  },
  {
    route: 'suggestion.tsx',
    intent: 'note',
    needs: MODERATE,
    setup: async (h) => ({ ...(await suggestionWith(h)), note: unique('内部备注') }),
    path: detail,
    body: (c) => ({ intent: 'note', body: String(c.note) }),
    effect: (h, c) => holds(h)`select exists (select 1 from suggestion_notes where suggestion_id = ${c.id}) as ok`,
  },
  {
    route: 'suggestion.tsx',
    intent: 'reply',
    needs: MODERATE,
    setup: (h) => suggestionWith(h),
    path: detail,
    body: () => ({ intent: 'reply', message: '您好，您的建议已转相关部门研究。' }),
    effect: (h, c) => holds(h)`select exists (select 1 from outbox_messages where suggestion_id = ${c.id}) as ok`,
  },
  {
    route: 'suggestion.tsx',
    intent: 'consent',
    variant: 'widening to 署名公开',
    needs: [...MODERATE, 'read:contact:any'],
    setup: (h) => suggestionWith(h),
    path: detail,
    body: () => ({ intent: 'consent', consent: 'named', note: '来电确认同意署名公开' }),
    effect: (h, c) => column(h, c.id!, 'publication_consent', 'named'),
  },
  {
    route: 'suggestion.tsx',
    intent: 'consent',
    variant: 'narrowing to 不公开',
    needs: MODERATE,
    setup: async (h) => {
      const ctx = await suggestionWith(h);
      await h.sql`update suggestions set publication_consent = 'anonymous' where id = ${ctx.id}`;
      return ctx;
    },
    path: detail,
    body: () => ({ intent: 'consent', consent: 'none', note: '来信要求不公开' }),
    effect: (h, c) => column(h, c.id!, 'publication_consent', 'none'),
  },
  {
    route: 'suggestion.tsx',
    intent: 'markClusterDuplicates',
    needs: MODERATE,
    setup: async (h) => {
      const ctx = await suggestionWith(h);
      await groupAsOneCluster(h, ctx);
      return ctx;
    },
    path: detail,
    body: () => ({ intent: 'markClusterDuplicates' }),
    effect: (h, c) => column(h, c.other!, 'duplicate_of_id', c.id!),
  },
  ...(['acceptProposal', 'dismissProposal'] as const).map((intent): Case => ({
    route: 'suggestion.tsx',
    intent,
    needs: MODERATE,
    setup: async (h) => {
      const ctx = await suggestionWith(h);
      await h.db
        .insert(suggestionProposals)
        .values({ suggestionId: ctx.id, categoryId: ctx.c1, confidence: 0.9, source: 'rule', tags: [] });
      return ctx;
    },
    path: detail,
    body: () => ({ intent }),
    effect: (h, c) =>
      holds(
        h,
      )`select resolution = ${intent === 'acceptProposal' ? 'accepted' : 'dismissed'} as ok from suggestion_proposals where suggestion_id = ${c.id}`,
  })),
];

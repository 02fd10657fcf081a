import { holds, type Case, type Harness } from './harness.ts';
import { column, groupAsOneCluster, suggestionWith, taggedNamed } from './suggestion-cases.ts';

// The campaign page (decision 032): one act on every copy of a form letter.
// Reading the page needs read:suggestion:any; each act needs
// moderate:suggestion:any, checked in the route and again in the domain.

const MODERATE: Case['needs'] = ['moderate:suggestion:any'];

/** Two suggestions of one plan, in review, grouped as one campaign under the first. */
async function campaignOfTwo(h: Harness) {
  const ctx = await suggestionWith(h, 'in_review');
  await h.sql`update suggestions set status = 'in_review' where id = ${ctx.other}`;
  await groupAsOneCluster(h, ctx);
  return ctx;
}

const path = (c: { id?: unknown; plan?: unknown }) => `/admin/clusters/${c.id}?plan=${c.plan}`;
const bothQueued = (h: Harness, a: unknown, b: unknown) =>
  holds(
    h,
  )`select count(distinct suggestion_id) = 2 as ok from outbox_messages where suggestion_id in (${Number(a)}, ${Number(b)})`;

export const campaignCases: Case[] = [
  {
    route: 'campaign.tsx',
    intent: 'decide',
    needs: MODERATE,
    setup: campaignOfTwo,
    path,
    body: () => ({
      intent: 'decide',
      decision: 'partially_adopted',
      reason: '部分内容与规划方向一致。',
      publicReply: '感谢您的建议，已部分采纳。',
    }),
    effect: async (h, c) =>
      (await column(h, c.id!, 'status', 'partially_adopted')) && column(h, c.other!, 'status', 'partially_adopted'),
  },
  {
    route: 'campaign.tsx',
    intent: 'tag',
    needs: MODERATE,
    setup: campaignOfTwo,
    path,
    body: (c) => ({ intent: 'tag', tags: String(c.newTag) }),
    effect: async (h, c) => (await taggedNamed(h, c.id!, c.newTag!)) && taggedNamed(h, c.other!, c.newTag!),
  },
  {
    route: 'campaign.tsx',
    intent: 'reply',
    needs: MODERATE,
    setup: campaignOfTwo,
    path,
    body: () => ({ intent: 'reply', message: '您好，这组建议已转相关部门研究。' }),
    effect: (h, c) => bothQueued(h, c.id, c.other),
  },
];

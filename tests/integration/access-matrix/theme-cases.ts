import { themes } from '../../../db/schema/index.ts';
import { createPlan } from '../../factories/plans.ts';
import { holds, unique, type Case, type Harness } from './harness.ts';

// Themes (decision 047): each act needs moderate:suggestion:any. Every case
// makes its own plan with two proposed themes.

const MODERATE: Case['needs'] = ['moderate:suggestion:any'];

async function planWithThemes(h: Harness) {
  const plan = await createPlan(h.db, { status: 'open' });
  const theme = (terms: string[]) => ({
    planId: plan.id,
    label: terms.join('、'),
    terms,
    signature: [...terms.slice(0, 2)].sort().join('+'),
    representative: `${terms.join('')}。`,
    size: 5,
  });
  const [a, b] = await h.db
    .insert(themes)
    .values([theme(['食堂', '夜宵']), theme(['图书馆', '座位'])])
    .returning({ id: themes.id });
  return { plan: plan.id, a: a!.id, b: b!.id, newName: unique('主题') };
}

const statusIs = (h: Harness, id: number | string | undefined, status: string) =>
  holds(h)`select status = ${status} as ok from themes where id = ${id!}`;

export const themeCases: Case[] = [
  {
    route: 'themes.tsx',
    intent: 'accept',
    needs: MODERATE,
    setup: (h) => planWithThemes(h),
    path: () => '/admin/themes',
    body: (c) => ({ intent: 'accept', planId: String(c.plan), themeId: String(c.a), label: String(c.newName) }),
    effect: (h, c) => statusIs(h, c.a, 'accepted'),
  },
  {
    route: 'themes.tsx',
    intent: 'rename',
    needs: MODERATE,
    setup: (h) => planWithThemes(h),
    path: () => '/admin/themes',
    body: (c) => ({ intent: 'rename', planId: String(c.plan), themeId: String(c.a), label: String(c.newName) }),
    effect: (h, c) => holds(h)`select label = ${c.newName!} as ok from themes where id = ${c.a!}`,
  },
  {
    route: 'themes.tsx',
    intent: 'merge',
    needs: MODERATE,
    setup: (h) => planWithThemes(h),
    path: () => '/admin/themes',
    body: (c) => ({ intent: 'merge', planId: String(c.plan), themeId: String(c.a), intoId: String(c.b) }),
    effect: (h, c) => statusIs(h, c.a, 'merged'),
  },
  {
    route: 'themes.tsx',
    intent: 'reject',
    needs: MODERATE,
    setup: (h) => planWithThemes(h),
    path: () => '/admin/themes',
    body: (c) => ({ intent: 'reject', planId: String(c.plan), themeId: String(c.a) }),
    effect: (h, c) => statusIs(h, c.a, 'rejected'),
  },
];

import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { suggestionFingerprints, suggestionProposals, suggestions } from '../../db/schema/index.ts';
import { lettersNotAtCurrentWeights } from '../../app/domain/duplicates/settle-groups.server.ts';
import { campaignCategories } from '../fixtures/eval/campaigns/categories.ts';
import type { Label } from '../fixtures/eval/campaigns/generate.ts';
import { corpusLabels, mailCorpus } from './campaign-corpus.ts';
import { expect, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, db, loginAs } from './staff.ts';

// Moderator actions per suggestion (issue 18; decision 033): the labelled
// campaign corpus, mailed through the real intake, triaged completely and
// correctly through the UI in Chromium: every suggestion in its labelled
// category, every campaign decided as one group, every other suggestion
// decided. Every control a moderator operates is counted: a click (link,
// checkbox, button: a submit is its button's click), a choice in a select, a
// text typed into a field, an address opened. Reading the page is free.

test.afterAll(async () => {
  await closeStaffDatabase();
});

const CAMPAIGN_DECISIONS: Record<string, string> = {
  canteen: 'partially_adopted',
  library: 'adopted',
  clinic: 'adopted',
  parking: 'not_adopted',
  merger: 'not_adopted',
};
const CAMPAIGN_REASON = '同一诉求的来信已整组研究，意见已转规划编制组。';
const SINGLE_DECISION = 'partially_adopted';
const SINGLE_REASON = '已转规划编制组，在规划修订中统筹研究吸纳。';

function counter(page: Page) {
  const n = { click: 0, choose: 0, type: 0, open: 0 };
  return {
    n,
    click: async (l: Locator) => {
      n.click++;
      await l.click();
    },
    /** A select set to a value: counted only when it does not show that value already. */
    choose: async (l: Locator, value: string) => {
      if ((await l.inputValue()) === value) return;
      n.choose++;
      await l.selectOption(value);
    },
    /** A checkbox set: counted as a click only when it is not in that state already (a selection can outlive an action). */
    tick: async (l: Locator, checked: boolean) => {
      if ((await l.isChecked()) === checked) return;
      n.click++;
      await l.setChecked(checked);
    },
    type: async (l: Locator, text: string) => {
      if ((await l.inputValue()) === text) return;
      n.type++;
      await l.fill(text);
    },
    open: async (url: string) => {
      n.open++;
      await page.goto(url);
    },
  };
}

test('a moderator triages the mailed campaign corpus completely and correctly, and every action is counted', async ({
  page,
  context,
  baseURL,
  request,
}) => {
  test.setTimeout(1_200_000);
  const { plan, categories, idOf } = await mailCorpus(request);
  const ids = [...idOf.values()];
  // The worker enriches each letter (search row, group, proposal) a moment after its receipt.
  await expect
    .poll(() => db().$count(suggestionFingerprints, inArray(suggestionFingerprints.suggestionId, ids)), {
      timeout: 900_000,
      intervals: [2_000],
    })
    .toBe(ids.length);
  // Then, once the mail has stopped for a moment (GROUPS_QUIET_SECONDS in
  // tests/setup/e2e-server.ts), the plan's groups settle at its final weights,
  // whatever order the worker linked the letters in (decisions 044, 045).
  await expect.poll(() => lettersNotAtCurrentWeights(db(), plan.id), { timeout: 300_000, intervals: [2_000] }).toBe(0);
  const categoryId = new Map(categories.map((c) => [c.name, c.id]));
  const fileOf = new Map([...idOf].map(([file, id]) => [id, file]));
  const label = new Map(corpusLabels.map((l) => [l.file, l]));
  const truth = (id: number) => categoryId.get(label.get(fileOf.get(id)!)!.category)!;

  const moderator = await createE2eStaff({ role: 'moderator' });
  await loginAs(context, baseURL!, moderator.id);
  const act = counter(page);

  // 1. Each campaign from the groups page, decided and filed as one group.
  const groupsUrl = `/admin/clusters?plan=${plan.id}`;
  await act.open(groupsUrl);
  const hrefs = await page
    .getByRole('link', { name: '整组处理' })
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  const groupsOfCampaign: Record<string, number> = {};
  const notCampaigns: Label[][] = [];
  for (const [n, href] of hrefs.entries()) {
    if (n > 0) await act.open(groupsUrl);
    await act.click(page.locator(`a[href="${href}"]`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('整组处理');
    // What the moderator reads on the page: every copy is of one labelled
    // campaign (a group holding anything else would have to be split first).
    const clusterId = Number(/clusters\/(\d+)/.exec(href)![1]);
    const members = await db()
      .select({ id: suggestionFingerprints.suggestionId })
      .from(suggestionFingerprints)
      .where(eq(suggestionFingerprints.clusterId, clusterId));
    const groups = [...new Set(members.map((m) => label.get(fileOf.get(m.id)!)!.group))];
    if (groups.length !== 1 || !groups[0]) {
      // Not a campaign: the moderator reads it, leaves it to the queue and goes back.
      notCampaigns.push(members.map((m) => label.get(fileOf.get(m.id)!)!));
      continue;
    }
    const campaign = groups[0]!.replace(/^campaign-/, '');
    groupsOfCampaign[campaign] = (groupsOfCampaign[campaign] ?? 0) + 1;

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: '对整组保存处理决定' }) });
    await act.choose(form.getByLabel(/整组归入类别/), String(categoryId.get(campaignCategories[campaign]!)));
    await act.choose(form.getByLabel('处理结果'), CAMPAIGN_DECISIONS[campaign]!);
    await act.type(form.getByLabel('处理理由（内部，必填）'), CAMPAIGN_REASON);
    await act.click(form.getByRole('button', { name: '对整组保存处理决定' }));
    await expect(page.getByRole('status')).toContainText(`已处理 ${members.length} 份`, { timeout: 60_000 });
  }
  expect(Object.keys(groupsOfCampaign).sort()).toEqual(Object.keys(CAMPAIGN_DECISIONS).sort());

  // 2. Everything else from the queue, a page at a time: correct the categories
  //    shown where they are wrong, confirm the page, decide the page.
  await act.open(`/admin/suggestions?plan=${plan.id}&status=received&size=100`);
  const rowSelects = page.locator('select[name="rowCategory"]');
  const strays: string[] = [];
  const rowId = async (select: Locator) =>
    Number((await select.locator('option:not([value=""])').first().getAttribute('value'))!.split(':')[0]);
  for (let pages = 0; (await rowSelects.count()) > 0; pages++) {
    expect(pages).toBeLessThan(5);
    const count = await rowSelects.count();
    for (let i = 0; i < count; i++) {
      const select = rowSelects.nth(i);
      const id = await rowId(select);
      await act.choose(select, `${id}:${truth(id)}`);
    }
    await act.tick(page.getByLabel('全选本页'), true);
    await act.click(page.getByRole('button', { name: '按所示类别确认分类' }));
    await expect(page.getByText('系统建议，待确认')).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByRole('status')).toContainText(`已对 ${count} 条`);
    // A campaign copy that stands apart (a spun copy the groups did not reach:
    // recall is under 1, decision 044) is recognised by the moderator who reads
    // it, and decided with its campaign, before the rest of the page.
    const stragglers = new Map<string, number[]>();
    for (let i = 0; i < count; i++) {
      const id = await rowId(rowSelects.nth(i));
      const group = label.get(fileOf.get(id)!)!.group;
      if (group) stragglers.set(group, [...(stragglers.get(group) ?? []), id]);
    }
    for (const [group, members] of stragglers) {
      await act.tick(page.getByLabel('全选本页'), false);
      for (const id of members) await act.tick(page.locator(`input[name="id"][value="${id}"]`), true);
      await act.choose(page.locator('#bulk-decision'), CAMPAIGN_DECISIONS[group.replace(/^campaign-/, '')]!);
      await act.type(page.locator('#bulk-reason'), CAMPAIGN_REASON);
      await act.click(page.getByRole('button', { name: '对所选作出决定' }));
      for (const id of members)
        await expect(page.locator(`option[value^="${id}:"]`)).toHaveCount(0, { timeout: 60_000 });
      strays.push(...members.map((id) => fileOf.get(id)!));
    }
    // The rows that moved up into the page have their categories shown but not yet confirmed: read the page again.
    if (stragglers.size > 0) continue;
    const first = await rowId(rowSelects.first());
    await act.tick(page.getByLabel('全选本页'), true);
    await act.choose(page.locator('#bulk-decision'), SINGLE_DECISION);
    await act.type(page.locator('#bulk-reason'), SINGLE_REASON);
    await act.click(page.getByRole('button', { name: '对所选作出决定' }));
    // A hundred decisions, each audited and mailed to its submitter, take a few seconds.
    await expect(page.locator(`option[value^="${first}:"]`)).toHaveCount(0, { timeout: 60_000 });
  }
  await expect(page.getByText('没有符合条件的意见建议。')).toBeVisible();

  // 3. Complete and correct: every suggestion decided, in its labelled
  //    category, no proposal left open; each campaign decided as one.
  const rows = await db()
    .select({ id: suggestions.id, status: suggestions.status, categoryId: suggestions.categoryId })
    .from(suggestions)
    .where(eq(suggestions.planId, plan.id));
  expect(rows).toHaveLength(corpusLabels.length);
  const wrong = rows.filter(
    (r) => !['adopted', 'partially_adopted', 'not_adopted'].includes(r.status) || r.categoryId !== truth(r.id),
  );
  expect(wrong).toEqual([]);
  for (const [campaign, decision] of Object.entries(CAMPAIGN_DECISIONS))
    for (const r of rows.filter((r) => label.get(fileOf.get(r.id)!)!.group === `campaign-${campaign}`))
      expect(r.status, campaign).toBe(decision);
  const open = await db()
    .select({ id: suggestionProposals.suggestionId })
    .from(suggestionProposals)
    .where(and(inArray(suggestionProposals.suggestionId, ids), isNull(suggestionProposals.resolution)));
  expect(open.map((p) => label.get(fileOf.get(p.id)!))).toEqual([]);

  const actions = act.n.click + act.n.choose + act.n.type + act.n.open;
  const report = {
    suggestions: rows.length,
    actions,
    ...act.n,
    perSuggestion: Math.round((actions / rows.length) * 1000) / 1000,
    groups: hrefs.length,
    groupsOfCampaign,
    notCampaigns,
    strays,
    clicksAndSubmitsOnly: Math.round(((act.n.click + act.n.choose) / rows.length) * 1000) / 1000,
  };
  fs.mkdirSync(path.resolve('.tmp'), { recursive: true });
  fs.writeFileSync(path.resolve('.tmp/moderator-actions.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.info(JSON.stringify(report));
  // Measured, with the groups settled at the plan's final weights (decision
  // 045), so the same in every run: the five campaigns each one pure group,
  // no other group, and one spun library copy (149.eml, as in
  // campaign-eval.test.ts) decided from the queue with its campaign.
  expect(notCampaigns).toEqual([]);
  expect(strays).toEqual(['149.eml']);
  // Measured 58 actions for 328 suggestions (0.177; 0.137 counting only clicks
  // and choices); the goal is 0.2. The ceiling is the measure rounded up.
  expect(report.perSuggestion).toBeLessThanOrEqual(0.18);
});

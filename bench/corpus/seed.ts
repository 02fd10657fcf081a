import type postgres from 'postgres';
import { sealContactRow } from '../../app/domain/contacts/sealed-contact.ts';
import { contactKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { fingerprintNormalized, jaccard } from '../../app/domain/duplicates/fingerprint.ts';
import { SIMILAR_THRESHOLD } from '../../app/domain/duplicates/link-duplicates.server.ts';
import { termOf } from '../../app/domain/duplicates/content-words.server.ts';
import { letterSentences } from '../../app/domain/duplicates/sentences.ts';
import { searchRow } from '../../app/domain/search/index-suggestion.server.ts';
import { UNIVERSITY_AREAS } from '../../app/domain/categorize/topic-areas.ts';
import { copyLine, copyRows } from './copy.ts';
import { campaignCopy, pick, prng, suggestionText, type Random } from './texts.ts';

// Seeds the bench corpus in bulk. Each row's search row, fingerprint, content
// words and sealed contact are built by the product's own functions (searchRow,
// fingerprintNormalized, letterSentences and termOf, sealContactRow), then
// COPY'd in with the plans' word counts, and every fingerprint counts as
// settled at its plan's final size (decisions 031, 044), so the database
// holds what intake would have written, only faster. Not built this way:
// category/tag proposals (suggestion_proposals), which only the triage
// detail page reads; near-duplicate clusters come from the generator's
// knowledge of which rows are copies, checked with the product's Jaccard.

export type Corpus = {
  plans: { id: number; slug: string; categoryIds: number[]; sectionIds: number[]; tagIds: number[] }[];
  mainPlan: { id: number; slug: string; categoryIds: number[]; sectionIds: number[]; tagIds: number[] };
  suggestions: number;
  seconds: number;
};

const CHANNELS = ['web', 'web', 'web', 'web', 'email', 'email', 'letter', 'phone', 'visit', 'symposium'] as const;
const SUBMITTERS = ['在校学生', '在校学生', '教职工', '校友', '社会人士', '单位或团体'];
// Weighted as a consultation a few weeks in: most still waiting or in review.
const STATUSES = [
  ...Array(40).fill('received'),
  ...Array(15).fill('in_review'),
  ...Array(10).fill('adopted'),
  ...Array(8).fill('partially_adopted'),
  ...Array(12).fill('not_adopted'),
  ...Array(5).fill('duplicate'),
  ...Array(3).fill('spam'),
  ...Array(2).fill('pending_verification'),
] as const;
const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴'];
const BATCH = 5000;

type PlanSlot = 0 | 1 | 2;
// 90% of suggestions go to the plan under consultation, the rest to two others.
const planSlot = (i: number): PlanSlot => (i % 100 < 90 ? 0 : i % 100 < 97 ? 1 : 2);

export async function seedCorpus(sql: postgres.Sql, size: number, log: (m: string) => void): Promise<Corpus> {
  const started = performance.now();
  const plans: Corpus['plans'] = [];
  for (const [slot, slug] of ['bench-main', 'bench-b', 'bench-c'].entries())
    plans.push(await createPlan(sql, slug, slot));
  const [reserved] = await sql<
    { base: string }[]
  >`select nextval(pg_get_serial_sequence('suggestions', 'id'))::text as base`;
  const firstId = Number(reserved!.base) + 1;
  const clusterOf = new Map<number, number>();
  const campaignLeaders = new Map<string, { id: number; shingles: Set<string> }>();
  const keyring = contactKeyring();
  const sealedPeople = new Map<number, ReturnType<typeof sealContactRow>>();
  const now = Date.now();
  // Per plan: in how many letters each content word occurs; term 0 counts the letters (content-words.server.ts).
  const termCounts = plans.map(() => new Map<number, number>());

  for (let start = 0; start < size; start += BATCH) {
    const end = Math.min(size, start + BATCH);
    const rows = {
      suggestions: [] as string[],
      search: [] as string[],
      fingerprints: [] as string[],
      contentWords: [] as string[],
      contacts: [] as string[],
      tags: [] as string[],
      similar: [] as string[],
    };
    for (let i = start; i < end; i++) {
      const id = firstId + i;
      const random = prng(i * 2654435761 + 7);
      const slot = planSlot(i);
      const plan = plans[slot]!;
      const text = rowText(i, random, slot);
      const status = pick(random, STATUSES);
      const decided = status === 'adopted' || status === 'partially_adopted' || status === 'not_adopted';
      const dupOf = status === 'duplicate' && i >= 100 ? firstId + i - 100 : null;
      rows.suggestions.push(
        copyLine([
          `JY-B${id.toString(36).toUpperCase().padStart(8, '0')}`,
          plan.id,
          random() < 0.75 ? pick(random, plan.sectionIds) : null,
          random() < 0.85 ? pick(random, plan.categoryIds) : null,
          text.title,
          text.body,
          pick(random, CHANNELS),
          pick(random, SUBMITTERS),
          dupOf || status !== 'duplicate' ? status : 'received',
          status === 'pending_verification' ? 'captcha_unavailable' : null,
          decided ? '与规划方向一致，已在修改稿中体现。' : null,
          dupOf,
          // Spread over the 30 days the consultation has been open.
          new Date(now - ((size - i) / size) * 30 * 86_400_000),
          // Its search row, links and fingerprint are seeded below: enriched.
          new Date(now),
        ]),
      );
      const search = searchRow({ id, title: text.title, body: text.body, attachmentText: [] });
      rows.search.push(copyLine([id, search.searchText, search.searchVector, search.indexVersion]));
      const sentences = letterSentences(search.searchText);
      const terms = [...new Set(sentences.flatMap((x) => x.words).map(termOf))].sort((a, b) => a - b);
      rows.contentWords.push(copyLine([id, plan.id, terms, JSON.stringify(sentences)]));
      const counts = termCounts[slot]!;
      for (const term of [0, ...terms]) counts.set(term, (counts.get(term) ?? 0) + 1);
      const { shingles, bands } = fingerprintNormalized(search.searchText);
      let clusterId = id;
      const leaderKey = text.campaign !== undefined ? `${slot}:${text.campaign}` : undefined;
      const leader = leaderKey ? campaignLeaders.get(leaderKey) : undefined;
      if (leaderKey && !leader) campaignLeaders.set(leaderKey, { id, shingles });
      if (leader) {
        const score = jaccard(shingles, leader.shingles);
        if (score >= SIMILAR_THRESHOLD) {
          clusterId = leader.id;
          rows.similar.push(copyLine([leader.id, id, Math.round(score * 1000) / 1000]));
        }
      } else if (text.copyOf !== undefined) {
        clusterId = clusterOf.get(firstId + text.copyOf) ?? firstId + text.copyOf;
        rows.similar.push(copyLine([firstId + text.copyOf, id, 1]));
      }
      clusterOf.set(id, clusterId);
      clusterOf.delete(id - 200);
      if (bands.length) rows.fingerprints.push(copyLine([id, plan.id, bands, clusterId]));
      // Three suggestions in a row come from one person (sealed once: the
      // random nonce makes each seal differ, but any seal opens the same).
      const person = Math.floor(i / 3);
      if (prng(person + 1)() < 0.75) {
        let sealed = sealedPeople.get(person);
        if (!sealed) {
          const who = prng(person * 7 + 3);
          sealed = sealContactRow(keyring, {
            name: who() < 0.7 ? `${pick(who, SURNAMES)}同学${person % 97}` : undefined,
            email: who() < 0.8 ? `user${person}@example.edu.cn` : undefined,
            phone: who() < 0.5 ? `138${String(10_000_000 + (person % 89_999_999)).slice(0, 8)}` : undefined,
          });
          sealedPeople.set(person, sealed);
          sealedPeople.delete(person - 2);
        }
        const c = sealed;
        rows.contacts.push(
          copyLine([id, c.name, c.unit, c.phone, c.email, c.emailIndex, c.phoneIndex, c.phoneLast4Index, c.keyId]),
        );
      }
      if (random() < 0.35) {
        const first = pick(random, plan.tagIds);
        const second = pick(random, plan.tagIds);
        for (const tagId of new Set([first, random() < 0.3 ? second : first])) rows.tags.push(copyLine([id, tagId]));
      }
    }
    await copyRows(
      sql,
      'suggestions',
      [
        'tracking_code',
        'plan_id',
        'section_id',
        'category_id',
        'title',
        'body',
        'channel',
        'submitter_type',
        'status',
        'held_reason',
        'decision_reason',
        'duplicate_of_id',
        'submitted_at',
        'enriched_at',
      ],
      rows.suggestions,
    );
    await Promise.all([
      copyRows(
        sql,
        'suggestion_search',
        ['suggestion_id', 'search_text', 'search_vector', 'index_version'],
        rows.search,
      ),
      copyRows(sql, 'suggestion_fingerprints', ['suggestion_id', 'plan_id', 'bands', 'cluster_id'], rows.fingerprints),
      copyRows(sql, 'suggestion_content_words', ['suggestion_id', 'plan_id', 'terms', 'sentences'], rows.contentWords),
      copyRows(
        sql,
        'suggestion_contacts',
        [
          'suggestion_id',
          'name',
          'unit',
          'phone',
          'email',
          'email_index',
          'phone_index',
          'phone_last4_index',
          'key_id',
        ],
        rows.contacts,
      ),
      copyRows(sql, 'suggestion_tags', ['suggestion_id', 'tag_id'], rows.tags),
      copyRows(sql, 'suggestion_similarities', ['suggestion_id', 'similar_id', 'score'], rows.similar),
    ]);
    if ((end / BATCH) % 20 === 0 || end === size)
      log(`  seeded ${end.toLocaleString('en')} / ${size.toLocaleString('en')}`);
  }
  for (const [slot, counts] of termCounts.entries())
    await copyRows(
      sql,
      'plan_term_counts',
      ['plan_id', 'term', 'documents'],
      [...counts].map(([term, documents]) => copyLine([plans[slot]!.id, term, documents])),
    );
  await sql`
    update suggestion_fingerprints f set linked_at_documents = c.documents
    from plan_term_counts c where c.plan_id = f.plan_id and c.term = 0`;
  const [last] = await sql<{ max: string }[]>`select max(id)::text as max from suggestions`;
  if (Number(last!.max) !== firstId + size - 1)
    throw new Error(`seeded ids are not contiguous (max ${last!.max}, expected ${firstId + size - 1})`);
  return { plans, mainPlan: plans[0]!, suggestions: size, seconds: (performance.now() - started) / 1000 };
}

// 1% exact copies of a row 100 before (same plan), 4% campaign copies of one
// of eight templates per plan, 5% Traditional script, the rest free text.
function rowText(
  i: number,
  random: Random,
  slot: PlanSlot,
): { title: string; body: string; campaign?: number; copyOf?: number } {
  const kind = random();
  if (kind < 0.01 && i >= 100) return { ...regenerate(i - 100, slot), copyOf: i - 100 };
  if (kind < 0.05) {
    const campaign = Math.floor(random() * 8);
    return { ...campaignCopy(random, suggestionText(prng(campaign * 7919 + slot + 1), false)), campaign };
  }
  return suggestionText(random, kind > 0.95);
}

// The text row i got, so that an exact copy is exact (the generator is deterministic per row).
function regenerate(i: number, slot: PlanSlot) {
  const random = prng(i * 2654435761 + 7);
  const { campaign: _c, copyOf: _o, ...text } = rowText(i, random, slot);
  return text;
}

async function createPlan(sql: postgres.Sql, slug: string, slot: number) {
  const [plan] = await sql<{ id: number }[]>`
    insert into plans (slug, title, organizer, status, opens_at, closes_at, allow_anonymous)
    values (${slug}, ${`「十四五」发展规划征求意见（基准${slot + 1}）`}, '发展规划处', 'open', now() - interval '30 days', now() + interval '30 days', true)
    returning id`;
  const planId = plan!.id;
  // The ten areas of a university's call for suggestions (the first ten built-in areas).
  const names = UNIVERSITY_AREAS.slice(0, 10).map((a) => a.names[0]!);
  const categoryIds = (
    await sql<{ id: number }[]>`
    insert into categories (plan_id, position, name) select ${planId}, n, (${names}::text[])[n] from generate_series(1, ${names.length}) n returning id`
  ).map((r) => r.id);
  const sectionIds = (
    await sql<{ id: number }[]>`
    insert into plan_sections (plan_id, position, heading, number)
    select ${planId}, g, '主要任务' || g, g || '、' from generate_series(1, 20) g returning id`
  ).map((r) => r.id);
  const tagIds = (
    await sql<
      { id: number }[]
    >`insert into tags (plan_id, name) select ${planId}, '标签' || g from generate_series(1, 30) g returning id`
  ).map((r) => r.id);
  return { id: planId, slug, categoryIds, sectionIds, tagIds };
}

import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { enrichMissing, sweepCandidatesQuery } from '../../app/domain/enrichment/enrich-missing.server.ts';
import { enrichSuggestion } from '../../app/domain/enrichment/enrich-suggestion.server.ts';
import { QUEUES } from '../../app/domain/jobs/queues.ts';
import { INDEX_VERSION } from '../../app/domain/search/segment.ts';
import { suggestions, suggestionSearch } from '../../db/schema/index.ts';
import { createPlan } from '../factories/plans.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

// Decision 083: the search sweep ran every ten minutes as an anti-join of
// suggestions and suggestion_search, a full read of both at any size. It now
// reads a partial index of the never-enriched rows and two ranges of the
// version index, each stopped at the sweep's limit.

const database = setupTestDatabase();
let planId: number;

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
  // 20,000 enriched suggestions, as after a busy consultation: enough that a
  // full read costs more than the index ranges.
  await database.sql`
    insert into suggestions (tracking_code, plan_id, title, body, channel, submitter_type, enriched_at)
    select 'JY-SWEEP' || g, ${planId}, '标题' || g, '内容' || g, 'web', '学生', now()
    from generate_series(1, 20000) g`;
  await database.sql`
    insert into suggestion_search (suggestion_id, search_text, search_vector, index_version)
    select id, title, to_tsvector('simple', title), ${INDEX_VERSION} from suggestions where tracking_code like 'JY-SWEEP%'`;
  await database.sql`analyze suggestions`;
  await database.sql`analyze suggestion_search`;
});

// The factory queues each suggestion's job as the receipt does; no worker
// runs here, so the job stays waiting and the sweep would leave it alone.
const loseJobs = () => database.sql`delete from pgboss.job where name = ${QUEUES.enrichSuggestion}`;

async function explain(options: { pricedOut: boolean }): Promise<string> {
  return database.db.transaction(async (tx) => {
    if (options.pricedOut) {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
    }
    const rows = await tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${sweepCandidatesQuery(500)}`);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

test('the sweep reads the partial index and the version ranges, never a whole table', async () => {
  // As the planner chooses on its own with 20,000 rows, and with full scans
  // priced out (an index must exist for each part).
  for (const pricedOut of [false, true]) {
    const plan = await explain({ pricedOut });
    expect(plan, plan).toMatch(/Index (Only )?Scan using suggestions_unenriched_idx on suggestions/);
    expect(plan, plan).toMatch(/Index (Only )?Scan using suggestion_search_version_idx on suggestion_search/);
    expect(plan, plan).not.toMatch(/Seq Scan on suggestions\b|Seq Scan on suggestion_search\b/);
    expect(plan, plan).not.toMatch(/using suggestions_pkey|using suggestion_search_pkey/);
    expect(plan, plan).not.toMatch(/\bSort\b/);
  }
});

test('the sweep enriches a never-enriched suggestion and one built by another segmenter version, then nothing', async () => {
  const missed = await createSuggestion(database.db, planId, {
    title: '夜跑照明',
    body: '操场晚上开灯到十点。',
    enrich: false,
  });
  const stale = await createSuggestion(database.db, planId, { title: '图书馆座位', body: '考试周增加自习座位。' });
  await database.db
    .update(suggestionSearch)
    .set({ indexVersion: '0-older' })
    .where(eq(suggestionSearch.suggestionId, stale.id));
  expect(await enrichMissing(database.db)).toBe(0);
  await loseJobs();

  expect(await enrichMissing(database.db)).toBe(2);
  const rows = await database.db
    .select({ id: suggestions.id, enrichedAt: suggestions.enrichedAt, version: suggestionSearch.indexVersion })
    .from(suggestions)
    .innerJoin(suggestionSearch, eq(suggestionSearch.suggestionId, suggestions.id))
    .where(sql`${suggestions.id} in (${missed.id}, ${stale.id})`);
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    expect(row.enrichedAt).not.toBeNull();
    expect(row.version).toBe(INDEX_VERSION);
  }
  expect(await enrichMissing(database.db)).toBe(0);
});

test('an enrichment run again leaves the row out of the sweep', async () => {
  const again = await createSuggestion(database.db, planId, {
    title: '食堂窗口',
    body: '午餐高峰多开两个窗口。',
    enrich: false,
  });
  await loseJobs();
  await enrichSuggestion(database.db, again.id);
  await enrichSuggestion(database.db, again.id);
  expect(await enrichMissing(database.db)).toBe(0);
});

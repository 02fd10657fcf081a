import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { outboxMessages, ratingTokens, suggestionRatings, suggestions } from '../../db/schema/index.ts';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { rateByToken, rateByTracking, ratingLinkTarget } from '../../app/domain/feedback/ratings.server.ts';
import { decideSuggestion, moveSuggestion } from '../../app/domain/moderation/decide-suggestion.server.ts';
import { trackSuggestion } from '../../app/domain/suggestions/queries.server.ts';
import { createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { outboxMail } from '../factories/sealed.ts';

const database = setupTestDatabase();
const SITE = 'https://jianyan.example.edu.cn';
let planId: number;
let moderator: { id: number; permissions: ReturnType<typeof permissionsOf> };

beforeAll(async () => {
  planId = (await createPlan(database.db)).id;
  const staff = await createStaff(database.db, { role: 'moderator' });
  moderator = { id: staff.id, permissions: permissionsOf('moderator', []) };
});

async function decided(overrides: Parameters<typeof createSuggestion>[2] = {}) {
  const s = await createSuggestion(database.db, planId, overrides);
  await decideSuggestion(database.db, {
    id: s.id,
    actor: moderator,
    input: { decision: 'partially_adopted', reason: '部分可行', publicReply: '已吸收到第三章。', publishable: false },
    siteUrl: SITE,
  });
  return s;
}

const decisionMail = async (id: number) =>
  (await outboxMail(database.db, eq(outboxMessages.suggestionId, id))).filter((m) => m.kind === 'decision');
const tokenFrom = (text: string) => /\/rate\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

test('rating is possible only after a decision', async () => {
  const s = await createSuggestion(database.db, planId);
  expect(
    await rateByTracking(database.db, {
      code: s.trackingCode,
      contact: 'zhang@example.edu.cn',
      rating: 'satisfied',
      raterIsStaff: false,
    }),
  ).toBe('not_decided');
  await moveSuggestion(database.db, {
    id: s.id,
    move: 'start_review',
    actor: moderator,
    siteUrl: 'https://jianyan.example.edu.cn',
  });
  expect(
    await rateByTracking(database.db, {
      code: s.trackingCode,
      contact: '5678',
      rating: 'satisfied',
      raterIsStaff: false,
    }),
  ).toBe('not_decided');
  expect(
    await database.db.select().from(suggestionRatings).where(eq(suggestionRatings.suggestionId, s.id)),
  ).toHaveLength(0);
});

test('from /track: the same code + contact proof as the look-up, once only; a second attempt is refused', async () => {
  const s = await decided();
  expect(
    await rateByTracking(database.db, {
      code: s.trackingCode,
      contact: 'someone@else.cn',
      rating: 'satisfied',
      raterIsStaff: false,
    }),
  ).toBe('not_found');
  expect(
    await rateByTracking(database.db, {
      code: s.trackingCode,
      contact: '0000',
      rating: 'satisfied',
      raterIsStaff: false,
    }),
  ).toBe('not_found');
  expect(
    await rateByTracking(database.db, { code: s.trackingCode, contact: '5678', rating: 'superb', raterIsStaff: false }),
  ).toBe('invalid');
  expect(
    await rateByTracking(database.db, {
      raterIsStaff: false,
      code: s.trackingCode,
      contact: '5678',
      rating: 'satisfied',
      comment: 'x'.repeat(501),
    }),
  ).toBe('invalid');
  expect(
    await rateByTracking(database.db, {
      raterIsStaff: false,
      code: s.trackingCode,
      contact: '5678',
      rating: 'basically_satisfied',
      comment: '答复及时',
    }),
  ).toBe('rated');
  expect(
    await rateByTracking(database.db, {
      raterIsStaff: false,
      code: s.trackingCode,
      contact: 'ZHANG@example.edu.cn',
      rating: 'dissatisfied',
    }),
  ).toBe('already_rated');
  const rows = await database.db.select().from(suggestionRatings).where(eq(suggestionRatings.suggestionId, s.id));
  expect(rows).toEqual([expect.objectContaining({ rating: 'basically_satisfied', comment: '答复及时', via: 'track' })]);
  expect((await trackSuggestion(database.db, s.trackingCode, '5678'))?.rating).toBe('basically_satisfied');
});

test('two concurrent ratings: exactly one is kept', async () => {
  const s = await decided();
  const results = await Promise.all(
    (['satisfied', 'dissatisfied'] as const).map((rating) =>
      rateByTracking(database.db, { code: s.trackingCode, contact: '5678', rating, raterIsStaff: false }),
    ),
  );
  expect(results.sort()).toEqual(['already_rated', 'rated']);
  expect(
    await database.db.select().from(suggestionRatings).where(eq(suggestionRatings.suggestionId, s.id)),
  ).toHaveLength(1);
});

test('the decision email carries an unguessable rating link, stored only as its hash', async () => {
  const s = await decided();
  const [mail] = await decisionMail(s.id);
  expect(mail).toMatchObject({ toAddress: 'zhang@example.edu.cn', kind: 'decision' });
  expect(mail!.text).toContain('部分采纳');
  expect(mail!.text).toContain('已吸收到第三章。');
  expect(mail!.text).toContain(`${SITE}/track`);
  const token = tokenFrom(mail!.text)!;
  expect(token).toBeDefined();
  const stored = await database.db.select().from(ratingTokens).where(eq(ratingTokens.suggestionId, s.id));
  expect(stored).toHaveLength(1);
  expect(stored[0]!.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
  expect(stored[0]!.tokenHash).not.toContain(token);
  // The link is single-purpose: it is no proof for /track.
  expect(await trackSuggestion(database.db, s.trackingCode, token)).toBeNull();
});

test('rating by the email link: shows the titles only, rates once, then the link is spent', async () => {
  const s = await decided();
  const token = tokenFrom((await decisionMail(s.id))[0]!.text)!;
  const target = await ratingLinkTarget(database.db, token);
  expect(target).toEqual({ title: expect.any(String), planTitle: expect.any(String), canRate: true, rated: false });
  expect(Object.keys(target!)).not.toContain('publicReply');
  expect(await rateByToken(database.db, { token, rating: 'satisfied', raterIsStaff: false })).toBe('rated');
  expect(await rateByToken(database.db, { token, rating: 'dissatisfied', raterIsStaff: false })).toBe('not_found');
  expect(await ratingLinkTarget(database.db, token)).toBeNull();
  expect(
    await rateByTracking(database.db, {
      code: s.trackingCode,
      contact: '5678',
      rating: 'dissatisfied',
      raterIsStaff: false,
    }),
  ).toBe('already_rated');
  const [row] = await database.db.select().from(suggestionRatings).where(eq(suggestionRatings.suggestionId, s.id));
  expect(row).toMatchObject({ rating: 'satisfied', via: 'email_link' });
});

test('a wrong, malformed or expired token rates nothing', async () => {
  const s = await decided();
  const token = tokenFrom((await decisionMail(s.id))[0]!.text)!;
  expect(
    await rateByToken(database.db, {
      raterIsStaff: false,
      token: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'),
      rating: 'satisfied',
    }),
  ).toBe('not_found');
  expect(await rateByToken(database.db, { token: "' or 1=1 --", rating: 'satisfied', raterIsStaff: false })).toBe(
    'not_found',
  );
  const in91Days = new Date(Date.now() + 91 * 24 * 3600 * 1000);
  expect(await rateByToken(database.db, { token, rating: 'satisfied', raterIsStaff: false }, in91Days)).toBe(
    'not_found',
  );
  expect(
    await database.db.select().from(suggestionRatings).where(eq(suggestionRatings.suggestionId, s.id)),
  ).toHaveLength(0);
});

test('no decision email without an email address; the submitter rates on /track instead', async () => {
  const s = await decided({ contact: { name: '赵六', phone: '13700001234' } });
  expect(await decisionMail(s.id)).toHaveLength(0);
  expect(
    await rateByTracking(database.db, {
      raterIsStaff: false,
      code: s.trackingCode,
      contact: '1234',
      rating: 'dissatisfied',
      comment: '希望更具体',
    }),
  ).toBe('rated');
});

test('the timeline dates: review start is kept through a reopening, decisions fill it when review was skipped', async () => {
  const s = await createSuggestion(database.db, planId);
  await moveSuggestion(database.db, {
    id: s.id,
    move: 'start_review',
    actor: moderator,
    siteUrl: 'https://jianyan.example.edu.cn',
  });
  const [first] = await database.db
    .select({ at: suggestions.reviewStartedAt })
    .from(suggestions)
    .where(eq(suggestions.id, s.id));
  expect(first!.at).toBeInstanceOf(Date);
  await decideSuggestion(database.db, {
    id: s.id,
    actor: moderator,
    input: { decision: 'adopted', reason: '可行', publishable: false },
  });
  await moveSuggestion(database.db, {
    id: s.id,
    move: 'reopen',
    actor: moderator,
    siteUrl: 'https://jianyan.example.edu.cn',
  });
  const tracked = await trackSuggestion(database.db, s.trackingCode, '5678');
  expect(tracked).toMatchObject({ status: 'in_review', reviewStartedAt: first!.at, decidedAt: null });

  const skipped = await decided();
  const view = await trackSuggestion(database.db, skipped.trackingCode, '5678');
  expect(view?.reviewStartedAt).toBeInstanceOf(Date);
  expect(view?.decidedAt).toBeInstanceOf(Date);
});

import crypto from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { plans, ratingTokens, suggestionRatings, suggestions } from '../../../db/schema/index.ts';
import { contactMatches } from '../contacts/contacts.server.ts';
import { normalizeTrackingCode } from '../suggestions/tracking-code.ts';
import { MAX_RATING_COMMENT, satisfactionLevels, type RatingOutcome, type Satisfaction } from './vocabulary.ts';

export type { RatingOutcome };

// The submitter rates how their suggestion was handled, once, after it was
// decided (《信访工作条例》 Art. 29): from /track (tracking code + contact, as
// the look-up) or from the link in the decision email.

const decided = ['adopted', 'partially_adopted', 'not_adopted'] as const;
const TOKEN_DAYS = 90;

export type RatingInput = { rating: string; comment?: string };

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * A fresh single-purpose token for the decision email's rating link. 32
 * random bytes (unguessable); only its hash is stored, and it expires after
 * 90 days. It lets its holder rate one suggestion and see its title, nothing
 * more: not the reply, the status page or any contact.
 */
export async function issueRatingToken(tx: DbExecutor, suggestionId: number, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await tx.insert(ratingTokens).values({
    tokenHash: hashToken(token),
    suggestionId,
    expiresAt: new Date(now.getTime() + TOKEN_DAYS * 24 * 3600 * 1000),
  });
  return token;
}

function cleanInput(input: RatingInput): { rating: Satisfaction; comment: string | null } | null {
  if (!(satisfactionLevels as readonly string[]).includes(input.rating)) return null;
  const comment = (input.comment ?? '').trim();
  if ([...comment].length > MAX_RATING_COMMENT) return null;
  return { rating: input.rating as Satisfaction, comment: comment || null };
}

async function rate(
  db: Database,
  suggestionId: number,
  input: RatingInput,
  via: 'track' | 'email_link',
): Promise<RatingOutcome> {
  const clean = cleanInput(input);
  if (!clean) return 'invalid';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: suggestions.status })
      .from(suggestions)
      .where(eq(suggestions.id, suggestionId));
    if (!row) return 'not_found';
    if (!(decided as readonly string[]).includes(row.status)) return 'not_decided';
    // The primary key decides between two concurrent posts: one row, once.
    const inserted = await tx
      .insert(suggestionRatings)
      .values({ suggestionId, rating: clean.rating, comment: clean.comment, via })
      .onConflictDoNothing()
      .returning({ id: suggestionRatings.suggestionId });
    if (inserted.length === 0) return 'already_rated';
    // Its job done, no link for this suggestion may be used again.
    await tx.delete(ratingTokens).where(eq(ratingTokens.suggestionId, suggestionId));
    return 'rated';
  });
}

/** From /track: the same proof as the look-up (code + email or last four phone digits). */
export async function rateByTracking(
  db: Database,
  { code, contact, raterIsStaff, ...input }: RatingInput & { code: string; contact: string; raterIsStaff: boolean },
): Promise<RatingOutcome> {
  // Ratings feed the published satisfaction figures: they are the
  // submitter's voice, so a browser signed in as staff never gives one.
  if (raterIsStaff) return 'staff_session';
  const normalized = normalizeTrackingCode(code);
  const proof = contact.trim();
  if (!normalized || !proof) return 'not_found';
  const [row] = await db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(eq(suggestions.trackingCode, normalized));
  if (!row) return 'not_found';
  const matches = await contactMatches(db, row.id, /^\d{4}$/.test(proof) ? { phoneLast4: proof } : { email: proof });
  if (!matches) return 'not_found';
  return rate(db, row.id, input, 'track');
}

async function suggestionForToken(db: DbExecutor, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const [row] = await db
    .select({ suggestionId: ratingTokens.suggestionId })
    .from(ratingTokens)
    .where(and(eq(ratingTokens.tokenHash, hashToken(token)), gt(ratingTokens.expiresAt, now)));
  return row?.suggestionId;
}

/** From the decision email's link. An unknown, expired or used token is 'not_found'. */
export async function rateByToken(
  db: Database,
  { token, raterIsStaff, ...input }: RatingInput & { token: string; raterIsStaff: boolean },
  now = new Date(),
): Promise<RatingOutcome> {
  if (raterIsStaff) return 'staff_session';
  const suggestionId = await suggestionForToken(db, token, now);
  if (!suggestionId) return 'not_found';
  return rate(db, suggestionId, input, 'email_link');
}

/** What the rating link's page shows: the titles, and whether a rating is still possible. */
export async function ratingLinkTarget(db: Database, token: string, now = new Date()) {
  const suggestionId = await suggestionForToken(db, token, now);
  if (!suggestionId) return null;
  const [row] = await db
    .select({
      title: suggestions.title,
      planTitle: plans.title,
      status: suggestions.status,
      rated: sql<boolean>`exists (select 1 from ${suggestionRatings} where ${suggestionRatings.suggestionId} = ${suggestions.id})`,
    })
    .from(suggestions)
    .innerJoin(plans, eq(plans.id, suggestions.planId))
    .where(eq(suggestions.id, suggestionId));
  if (!row) return null;
  return {
    title: row.title,
    planTitle: row.planTitle,
    canRate: !row.rated && (decided as readonly string[]).includes(row.status),
    rated: row.rated,
  };
}

/** The rating of one suggestion, for /track and the staff page. */
export async function ratingOf(db: DbExecutor, suggestionId: number) {
  const [row] = await db
    .select({
      rating: suggestionRatings.rating,
      comment: suggestionRatings.comment,
      via: suggestionRatings.via,
      createdAt: suggestionRatings.createdAt,
    })
    .from(suggestionRatings)
    .where(eq(suggestionRatings.suggestionId, suggestionId));
  return row ?? null;
}

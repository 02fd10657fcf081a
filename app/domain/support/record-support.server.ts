import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../../db/client.server.ts';
import { plans, suggestions, suggestionSupports } from '../../../db/schema/index.ts';
import type { DomainSettings } from '../settings.ts';
import { consultationWindow } from '../plans/consultation-window.ts';
import { checkCaptcha, spendCaptchaToken } from '../intake/web/submit-web-form.server.ts';
import { isPublished, supportCount } from '../suggestions/published-suggestion.ts';

export type SupportTarget = { id: number; summary: string; status: string; supporters: number; planOpen: boolean };

/** A suggestion the public may support on this plan, or undefined. Authorizes on the parsed id, never the form. */
export async function findSupportTarget(
  db: DbExecutor,
  slug: string,
  suggestionId: number,
): Promise<SupportTarget | undefined> {
  if (!Number.isSafeInteger(suggestionId) || suggestionId <= 0) return undefined;
  const [row] = await db
    .select({
      id: suggestions.id,
      summary: suggestions.publicSummary,
      status: suggestions.status,
      supporters: supportCount,
      planStatus: plans.status,
      opensAt: plans.opensAt,
      closesAt: plans.closesAt,
    })
    .from(suggestions)
    .innerJoin(plans, eq(plans.id, suggestions.planId))
    .where(and(eq(suggestions.id, suggestionId), eq(plans.slug, slug), isPublished()));
  if (!row || row.planStatus === 'draft') return undefined;
  return {
    id: row.id,
    summary: (row.summary ?? '').trim(),
    status: row.status,
    supporters: row.supporters,
    planOpen: consultationWindow({ status: row.planStatus, opensAt: row.opensAt, closesAt: row.closesAt }) === 'open',
  };
}

export type SupportResult =
  | { type: 'supported'; supporters: number }
  | { type: 'refused'; reason: 'notFound' | 'closed' | 'captchaMissing' | 'captchaFailed' | 'captchaUnavailable' };

/** The cookie's random supporter id, stored only as its SHA-256. */
export const hashSupporter = (supporterId: string) => crypto.createHash('sha256').update(supporterId).digest('hex');

/**
 * Records one support (附议) by this supporter for a published suggestion of
 * an open plan. The captcha is checked before the transaction (decision 074)
 * and its token spent inside it, like the suggestion form. A repeat by the
 * same supporter is a no-op that answers the same. Returns after commit.
 */
export async function recordSupport(options: {
  db: Database;
  config: DomainSettings;
  slug: string;
  suggestionId: number;
  supporterId: string;
  captchaToken: string;
  clientIp: string;
}): Promise<SupportResult> {
  const { db, config, slug, suggestionId, supporterId, captchaToken, clientIp } = options;
  const target = await findSupportTarget(db, slug, suggestionId);
  if (!target) return { type: 'refused', reason: 'notFound' };
  if (!target.planOpen) return { type: 'refused', reason: 'closed' };
  const checked = await checkCaptcha(db, config, captchaToken, clientIp);
  // A support has nothing a person could rescue from a held queue: without a
  // solved captcha it is refused with a sentence, and the person may try again.
  if (checked.verdict.type === 'held') {
    return {
      type: 'refused',
      reason: checked.verdict.heldReason === 'captcha_missing' ? 'captchaMissing' : 'captchaUnavailable',
    };
  }
  return db.transaction(async (tx) => {
    // Checked again inside the transaction: staff may have unpublished it, or the plan closed, meanwhile.
    const again = await findSupportTarget(tx, slug, suggestionId);
    if (!again) return { type: 'refused', reason: 'notFound' } as const;
    if (!again.planOpen) return { type: 'refused', reason: 'closed' } as const;
    const verdict = await spendCaptchaToken(tx, checked);
    if (verdict.type === 'failed') return { type: 'refused', reason: 'captchaFailed' } as const;
    await tx
      .insert(suggestionSupports)
      .values({ suggestionId, supporterHash: hashSupporter(supporterId) })
      .onConflictDoNothing();
    const [counted] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(suggestionSupports)
      .where(eq(suggestionSupports.suggestionId, suggestionId));
    return { type: 'supported', supporters: counted?.n ?? 0 } as const;
  });
}

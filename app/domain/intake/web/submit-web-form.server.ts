import crypto from 'node:crypto';
import { trackUrl as trackUrlOf } from '../../suggestions/track-url.ts';
import type { SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { eq, lt, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../../../db/client.server.ts';
import { suggestions, usedCaptchaTokens } from '../../../../db/schema/index.ts';
import type { Locale } from '../../../i18n/index.ts';
import type { DomainSettings } from '../../settings.ts';
import { withAttachmentText } from '../../files/with-attachment-text.server.ts';
import { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../suggestions/attachment-type.ts';
import { submitSuggestion } from '../../suggestions/submit-suggestion.server.ts';
import { suggestionFormSchema, type SuggestionFormSettings } from '../../suggestions/suggestion-form.ts';
import { verifyCaptcha } from './captcha.server.ts';
import type { SuggestionHeldReason } from '../../suggestions/held-reasons.ts';
import { oneAtATime } from './one-at-a-time.ts';
import { consultationWindow, type Windowed } from '../../plans/consultation-window.ts';
import { consumeRateLimit } from '../../rate-limit/rate-limit.server.ts';

type Reply = SubmissionResult<string[]>;

export type WebSubmissionResult =
  | { type: 'receipt'; trackingCode: string }
  | { type: 'invalid'; reply: Reply }
  | { type: 'closed' }
  | { type: 'rate_limited'; retryAfterSeconds: number }
  | { type: 'too_large' }
  | { type: 'unreadable' };

type PlanForForm = Windowed & { id: number; settings: SuggestionFormSettings };

/** A file as the web layer streamed it: `truncated` when it passed maxFileBytes (its bytes are then cut short). */
export type ReceivedFile = { filename: string; bytes: Uint8Array; truncated: boolean };
export type ReceivedForm = { fields: FormData; files: ReceivedFile[]; tooManyFiles: boolean };
export type UploadLimits = { maxFileBytes: number; maxFiles: number; maxTotalBytes: number };
/**
 * Reads the posted form within the limits (the web layer's job: app/web/read-upload.server.ts).
 * Called only once the window and the rate limit allow it, so a refused post costs no upload.
 */
export type ReadForm = (limits: UploadLimits) => Promise<ReceivedForm | 'too_large' | 'unreadable'>;

const LIMITS: UploadLimits = {
  maxFileBytes: MAX_ATTACHMENT_BYTES,
  maxFiles: MAX_ATTACHMENTS,
  maxTotalBytes: 52 * 1024 * 1024,
};

/** Field errors that carry parameters travel as `key|{"name":"a.pdf"}`. */
export function encodeError(key: string, params?: Record<string, string | number>) {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

/**
 * The web form adapter in front of submitSuggestion, owning the web channel's
 * rules: the consultation window, the per-address rate limit, then parse
 * (streaming, with limits), validate, check attachments by content, verify the captcha, then,
 * in one transaction serialised per form instance, spend the captcha token
 * and store. A repeated post of the same form (double click, retry,
 * back-and-resubmit) gets the first receipt. The caller sends the receipt only
 * after this returns: after commit.
 *
 * The captcha is verified before the transaction opens (docs/decisions/074):
 * siteverify may take its whole timeout, and a transaction waiting on it
 * would hold a pool connection and the form's advisory lock all that time.
 */
export async function handleWebSubmission(options: {
  db: Database;
  config: DomainSettings;
  plan: PlanForForm;
  readForm: ReadForm;
  clientIp: string;
  locale: Locale;
}): Promise<WebSubmissionResult> {
  const { db, config, plan, readForm, clientIp, locale } = options;
  if (consultationWindow(plan) !== 'open') return { type: 'closed' };
  const limit = await consumeRateLimit(db, {
    key: `submit:${clientIp}`,
    limit: config.rateLimits.submitPerHour,
    windowSeconds: 3600,
  });
  if (!limit.allowed) return { type: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  const parsed = await readForm(LIMITS);
  if (parsed === 'too_large' || parsed === 'unreadable') return { type: parsed };
  const { fields } = parsed;

  const intakeKey = webIntakeKey(fields.get('intakeKey'));
  if (intakeKey) {
    const existing = await findReceipt(db, intakeKey);
    if (existing) return { type: 'receipt', trackingCode: existing };
  }

  const submission = parseWithZod(fields, { schema: suggestionFormSchema(plan.settings) });
  const { accepted, fileErrors } = checkFiles(parsed.files, parsed.tooManyFiles);
  if (submission.status !== 'success' || fileErrors.length > 0) {
    const formErrors = parsed.files.length > 0 ? ['suggest.error.reselectFiles'] : [];
    return {
      type: 'invalid',
      reply: submission.reply({ formErrors, fieldErrors: fileErrors.length ? { attachments: fileErrors } : {} }),
    };
  }
  const value = submission.value;
  const honeypotFilled = Boolean(String(fields.get('website') ?? '').trim());
  const token = String(fields.get('captcha-token') || fields.get('h-captcha-response') || '').trim();
  const files = await withAttachmentText(accepted);

  // A second post of this form (double click, retry) waits here for the first,
  // captcha check included, then finds its receipt.
  return oneAtATime(intakeKey!, async () => {
    const again = await findReceipt(db, intakeKey!);
    if (again) return { type: 'receipt', trackingCode: again } as const;
    const checked = await checkCaptcha(db, config, token, clientIp);

    const result = await db.transaction(async (tx) => {
      // Serialise concurrent posts of the same form: the second waits here, then
      // finds the first one's row. (Its own siteverify may have failed because
      // the first post already spent the token; the receipt still wins.)
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${intakeKey!}, 0))`);
      const existing = await findReceipt(tx, intakeKey!);
      if (existing) return { type: 'receipt', trackingCode: existing } as const;

      const verdict = await spendCaptchaToken(tx, checked);
      if (verdict.type === 'failed') {
        return { type: 'invalid', reply: submission.reply({ formErrors: ['suggest.error.captchaFailed'] }) } as const;
      }
      const heldReason = honeypotFilled ? 'honeypot' : verdict.heldReason;
      const trackUrl = trackUrlOf(config.siteUrl);
      const saved = await submitSuggestion(tx, {
        planId: plan.id,
        channel: 'web',
        sectionId: value.sectionId ?? null,
        categoryId: value.categoryId,
        title: value.title,
        body: value.body,
        submitterType: value.submitterType,
        contact: { name: value.name, unit: value.unit, phone: value.phone, email: value.email },
        publicationConsent: value.publication,
        attachments: files,
        status: heldReason ? 'pending_verification' : 'received',
        heldReason,
        intakeKey: intakeKey!,
        intakeMeta: { locale, captcha: verdict.type },
        locale,
        trackUrl,
      });
      return { type: 'receipt', trackingCode: saved.trackingCode } as const;
    });
    // hCaptcha said "already seen": in-process repeats wait in oneAtATime, but
    // a repeat that reached another web process (double click behind a load
    // balancer) may have spent the token a moment before this post took the
    // form's lock. Its receipt, once committed, is this post's answer too.
    if (result.type === 'invalid' && checked.verdict.type === 'failed' && checked.verdict.alreadySeen) {
      const late = await waitForReceipt(db, intakeKey!, SIBLING_WAIT_MS);
      if (late) return { type: 'receipt', trackingCode: late } as const;
    }
    return result;
  });
}

/**
 * The typed fields of the form, for the "find similar suggestions" step:
 * read with the same limits, attachments dropped (a browser cannot be given a
 * file back; the page says to choose them again). The captcha token and the
 * honeypot are not echoed.
 */
export async function readTypedFields(
  readForm: ReadForm,
): Promise<{ type: 'fields'; values: Record<string, string> } | { type: 'too_large' } | { type: 'unreadable' }> {
  const parsed = await readForm(LIMITS);
  if (parsed === 'too_large') return { type: 'too_large' };
  if (parsed === 'unreadable') return { type: 'unreadable' };
  const values: Record<string, string> = {};
  for (const [name, value] of parsed.fields.entries()) {
    if (typeof value !== 'string' || ['captcha-token', 'h-captcha-response', 'website'].includes(name)) continue;
    values[name] = value;
  }
  return { type: 'fields', values };
}

// Long enough for a sibling post that passed siteverify to store its
// suggestion (attachments included); a replayed token from another form waits
// this long for its refusal, which costs an attacker more than it costs us.
const SIBLING_WAIT_MS = 5_000;

async function waitForReceipt(db: Database, intakeKey: string, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await findReceipt(db, intakeKey);
    if (found || Date.now() >= deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function webIntakeKey(raw: FormDataEntryValue | null): string | undefined {
  return typeof raw === 'string' && /^[A-Za-z0-9-]{16,64}$/.test(raw) ? `web:${raw}` : undefined;
}

async function findReceipt(db: Database | Transaction, intakeKey: string): Promise<string | undefined> {
  const [row] = await db
    .select({ trackingCode: suggestions.trackingCode })
    .from(suggestions)
    .where(eq(suggestions.intakeKey, intakeKey));
  return row?.trackingCode;
}

function checkFiles(files: ReceivedFile[], tooManyFiles: boolean) {
  const fileErrors: string[] = tooManyFiles ? [encodeError('suggest.error.tooManyFiles')] : [];
  const accepted: { filename: string; contentType: string; bytes: Uint8Array }[] = [];
  for (const file of files) {
    const check = file.truncated
      ? ({ ok: false, reason: 'too_large' } as const)
      : checkAttachment(file.filename, file.bytes);
    if (check.ok) {
      accepted.push({ filename: file.filename, contentType: check.contentType, bytes: file.bytes });
      continue;
    }
    const key = {
      too_large: 'suggest.error.fileTooLarge',
      extension: 'suggest.error.fileType',
      content: 'suggest.error.fileContent',
      empty: 'suggest.error.fileEmpty',
    }[check.reason];
    fileErrors.push(encodeError(key, { name: file.filename }));
  }
  return { accepted, fileErrors };
}

type Verdict =
  | { type: 'passed' | 'disabled'; heldReason?: undefined }
  | { type: 'held'; heldReason: SuggestionHeldReason }
  /** alreadySeen: hCaptcha had seen this token before (possibly from a sibling post of the same form). */
  | { type: 'failed'; alreadySeen?: boolean };
export type CheckedCaptcha = { verdict: Verdict; tokenHash?: string };

/** Outside any transaction: siteverify may take up to its timeout. */
export async function checkCaptcha(
  db: Database,
  config: DomainSettings,
  token: string,
  clientIp: string,
): Promise<CheckedCaptcha> {
  if (config.captcha.disabled) return { verdict: { type: 'disabled' } };
  // Without JavaScript no captcha can be solved: keep the suggestion, held.
  if (!token) return { verdict: { type: 'held', heldReason: 'captcha_missing' } };
  const tokenHash = crypto.createHash('sha256').update(token).digest('hex');
  // A token we already spent is a replay: no need to ask hCaptcha.
  const [spent] = await db
    .select({ tokenHash: usedCaptchaTokens.tokenHash })
    .from(usedCaptchaTokens)
    .where(eq(usedCaptchaTokens.tokenHash, tokenHash));
  if (spent) return { verdict: { type: 'failed' }, tokenHash };
  const result = await verifyCaptcha(config.captcha, { token, remoteIp: clientIp });
  if (result.outcome === 'passed') return { verdict: { type: 'passed' }, tokenHash };
  if (result.outcome === 'unavailable')
    return { verdict: { type: 'held', heldReason: 'captcha_unavailable' }, tokenHash };
  return {
    verdict: { type: 'failed', alreadySeen: result.errorCodes.includes('invalid-or-already-seen-response') },
    tokenHash,
  };
}

/**
 * Inside the transaction: record the token as used. Two different forms
 * racing with one token both pass siteverify only if hCaptcha is down or
 * lax; the unique insert lets exactly one of them through.
 */
export async function spendCaptchaToken(tx: Transaction, { verdict, tokenHash }: CheckedCaptcha): Promise<Verdict> {
  if (!tokenHash || verdict.type === 'failed') return verdict;
  const inserted = await tx.insert(usedCaptchaTokens).values({ tokenHash }).onConflictDoNothing().returning();
  return inserted.length === 0 ? { type: 'failed' } : verdict;
}

/**
 * hCaptcha tokens live about two minutes; a redeemed token's hash only needs
 * keeping a little longer than that. The worker prunes a day's worth back.
 */
export async function pruneUsedCaptchaTokens(db: Database, { olderThanSeconds = 86_400, now = new Date() } = {}) {
  await db
    .delete(usedCaptchaTokens)
    .where(lt(usedCaptchaTokens.usedAt, new Date(now.getTime() - olderThanSeconds * 1000)));
}

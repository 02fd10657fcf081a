import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor, Transaction } from '../../../db/client.server.ts';
import { attachments, categories, planSections, plans, suggestions } from '../../../db/schema/index.ts';
import { acknowledgementAddress, saveContact, type ContactDetails } from '../contacts/contacts.server.ts';
import { CONTACT_SCREEN_VERSION, screenSubmittedText } from '../contacts/screen-text.ts';
import { saveTextOriginal } from '../contacts/text-originals.server.ts';
import { enqueueJob } from '../jobs/enqueue-job.server.ts';
import { QUEUES } from '../jobs/queues.ts';
import { enqueueAcknowledgement } from './acknowledge.server.ts';
import { generateTrackingCode } from './tracking-code.ts';
import type { SuggestionHeldReason } from './held-reasons.ts';

export type Channel = 'web' | 'email' | 'letter' | 'phone' | 'visit' | 'symposium';

export type SubmitSuggestionInput = {
  planId: number;
  channel: Channel;
  sectionId?: number | null;
  categoryId?: number | null;
  title: string;
  body: string;
  submitterType: string;
  contact: ContactDetails;
  /**
   * How the suggestion may appear in public (署名公开 / 匿名公开 / 不公开).
   * Only the web form asks; every other channel keeps the default 'none'.
   */
  publicationConsent?: 'named' | 'anonymous' | 'none';
  attachments?: {
    filename: string;
    contentType: string;
    bytes: Uint8Array;
    extractedText?: string;
    textNote?: string;
  }[];
  /** 'pending_verification' (待核验) keeps the suggestion but holds it for a person. */
  status?: 'received' | 'pending_verification';
  heldReason?: SuggestionHeldReason;
  /** Same key, same suggestion: retries and double posts return the first. */
  intakeKey?: string;
  intakeMeta?: Record<string, unknown>;
  submittedAt?: Date;
  /** Language of the acknowledgement email. */
  locale?: 'zh-CN' | 'en';
  /** The public /track address, put in the acknowledgement email. */
  trackUrl: string;
  /** false: send no acknowledgement (automated sender, reply limit reached). */
  acknowledge?: false | { to?: string; headers?: Record<string, string> };
};

export type SubmittedSuggestion = { id: number; trackingCode: string; created: boolean };

export class SuggestionRejected extends Error {
  constructor(readonly reason: 'unknown_plan' | 'unknown_section' | 'unknown_category' | 'empty') {
    super(`suggestion rejected: ${reason}`);
  }
}

/**
 * The one intake function behind every channel (web form, email, staff entry):
 * stores the suggestion, its contact details apart, its attachments, the
 * acknowledgement email and the job that enriches it (search, near-duplicates,
 * proposal) in one transaction, and gives it a tracking code.
 * Channel rules (captcha, form lengths, the consultation window) belong to the
 * adapters; this keeps only what must hold for every suggestion.
 */
export async function submitSuggestion(db: DbExecutor, input: SubmitSuggestionInput): Promise<SubmittedSuggestion> {
  return db.transaction((tx) => insertSuggestion(tx, input));
}

async function insertSuggestion(tx: Transaction, raw: SubmitSuggestionInput): Promise<SubmittedSuggestion> {
  // Contact details written into the text (a signature, a phone number, an
  // ID number) are masked before anything stores or indexes it: the readable
  // columns, the search row and the near-duplicate fingerprint only ever see
  // the masked form; the original is sealed apart (decision 057).
  const { input, original } = screenInput(cleanInput(raw));
  if (input.intakeKey) {
    const existing = await findByIntakeKey(tx, input.intakeKey);
    if (existing) return { ...existing, created: false };
  }
  if (!input.title.trim() || !input.body.trim()) throw new SuggestionRejected('empty');
  const plan = await loadPlanAndCheckLinks(tx, input);

  const inserted = await insertWithFreshCode(tx, input);
  if (!inserted) {
    // A concurrent request with the same intake key committed first.
    const existing = await findByIntakeKey(tx, input.intakeKey!);
    return { ...existing!, created: false };
  }

  await saveContact(tx, inserted.id, input.contact);
  let attachmentIds: number[] = [];
  if (input.attachments?.length) {
    const rows = await tx
      .insert(attachments)
      .values(
        input.attachments.map((file) => ({
          suggestionId: inserted.id,
          filename: file.filename,
          contentType: file.contentType,
          sizeBytes: file.bytes.byteLength,
          sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
          content: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
          extractedText: file.extractedText ? clean(file.extractedText) : null,
          textNote: file.textNote ?? null,
        })),
      )
      .returning({ id: attachments.id });
    attachmentIds = rows.map((row) => row.id);
  }
  if (original) {
    await saveTextOriginal(tx, inserted.id, {
      title: original.title,
      body: original.body,
      attachments: original.attachments.map(({ index, text }) => ({ attachmentId: attachmentIds[index]!, text })),
      attachmentNames: original.attachmentNames.map(({ index, name }) => ({
        attachmentId: attachmentIds[index]!,
        name,
      })),
    });
  }

  // The search row, near-duplicate links and the category proposal need not
  // delay the receipt: a job does them (app/domain/enrichment/enrich-suggestion).
  // It is queued in this transaction, so it exists exactly when the suggestion does.
  await enqueueJob(tx, QUEUES.enrichSuggestion, { suggestionId: inserted.id });

  // Held suggestions (待核验) are acknowledged only once a person verifies
  // them (acknowledgeVerifiedSuggestion): until then no mail goes anywhere.
  const held = input.status === 'pending_verification';
  const to =
    input.acknowledge === false || held ? undefined : (input.acknowledge?.to ?? acknowledgementAddress(input.contact));
  if (to) {
    await enqueueAcknowledgement(tx, {
      suggestionId: inserted.id,
      to,
      locale: input.locale ?? 'zh-CN',
      trackingCode: inserted.trackingCode,
      planTitle: plan.title,
      organizer: plan.organizer,
      suggestionTitle: input.title.trim(),
      trackUrl: input.trackUrl,
      headers: input.acknowledge ? input.acknowledge.headers : undefined,
    });
  }
  return { ...inserted, created: true };
}

// PostgreSQL text cannot hold NUL, and other C0 controls are never meant:
// strip them from everything a person typed or a mail client sent, so that a
// hostile or broken input is stored cleaned rather than failing the intake.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const clean = <T extends string | undefined | null>(value: T): T =>
  typeof value === 'string' ? (value.replace(CONTROL, '') as T) : value;

function screenInput(input: SubmitSuggestionInput) {
  const files = input.attachments ?? [];
  const screened = screenSubmittedText({
    title: input.title,
    body: input.body,
    attachmentTexts: files.map((file) => file.extractedText),
    attachmentNames: files.map((file) => file.filename),
  });
  return {
    input: {
      ...input,
      title: screened.title,
      body: screened.body,
      attachments:
        input.attachments &&
        files.map((file, index) => ({
          ...file,
          filename: screened.attachmentNames[index] ?? file.filename,
          extractedText: screened.attachmentTexts[index] ?? undefined,
        })),
    },
    original: screened.original,
  };
}

function cleanInput(input: SubmitSuggestionInput): SubmitSuggestionInput {
  return {
    ...input,
    title: clean(input.title),
    body: clean(input.body),
    submitterType: clean(input.submitterType),
    contact: {
      name: clean(input.contact.name),
      unit: clean(input.contact.unit),
      phone: clean(input.contact.phone),
      email: clean(input.contact.email),
    },
    attachments: input.attachments?.map((file) => ({
      ...file,
      filename: clean(file.filename) || 'attachment',
      extractedText: clean(file.extractedText),
    })),
  };
}

async function findByIntakeKey(tx: Transaction, intakeKey: string) {
  const [row] = await tx
    .select({ id: suggestions.id, trackingCode: suggestions.trackingCode })
    .from(suggestions)
    .where(eq(suggestions.intakeKey, intakeKey));
  return row;
}

async function loadPlanAndCheckLinks(tx: Transaction, input: SubmitSuggestionInput) {
  const [plan] = await tx
    .select({ id: plans.id, title: plans.title, organizer: plans.organizer })
    .from(plans)
    .where(eq(plans.id, input.planId));
  if (!plan) throw new SuggestionRejected('unknown_plan');
  if (input.sectionId != null) {
    const [section] = await tx
      .select({ id: planSections.id })
      .from(planSections)
      .where(and(eq(planSections.id, input.sectionId), eq(planSections.planId, plan.id)));
    if (!section) throw new SuggestionRejected('unknown_section');
  }
  if (input.categoryId != null) {
    const [category] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.id, input.categoryId), eq(categories.planId, plan.id)));
    if (!category) throw new SuggestionRejected('unknown_category');
  }
  return plan;
}

// A tracking-code collision (one in ~10^11 per pair) is retried with a new
// code; an intake-key conflict means someone else won the race.
async function insertWithFreshCode(tx: Transaction, input: SubmitSuggestionInput) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const rows = await tx
      .insert(suggestions)
      .values({
        trackingCode: generateTrackingCode(),
        planId: input.planId,
        sectionId: input.sectionId ?? null,
        categoryId: input.categoryId ?? null,
        title: input.title.trim(),
        body: input.body.trim(),
        channel: input.channel,
        submitterType: input.submitterType,
        // 署名公开 without a name to show is no different from 匿名公开.
        contactScreenVersion: CONTACT_SCREEN_VERSION,
        publicationConsent:
          input.publicationConsent === 'named' && !input.contact.name?.trim()
            ? 'anonymous'
            : (input.publicationConsent ?? 'none'),
        status: input.status ?? 'received',
        heldReason: input.status === 'pending_verification' ? (input.heldReason ?? 'unspecified') : null,
        intakeKey: input.intakeKey,
        intakeMeta: input.intakeMeta ?? {},
        submittedAt: input.submittedAt ?? new Date(),
      })
      .onConflictDoNothing()
      .returning({ id: suggestions.id, trackingCode: suggestions.trackingCode });
    if (rows[0]) return rows[0];
    if (input.intakeKey && (await findByIntakeKey(tx, input.intakeKey))) return undefined;
  }
  throw new Error('could not allocate a unique tracking code');
}

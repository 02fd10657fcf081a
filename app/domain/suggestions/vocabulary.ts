// The words of a suggestion's life, written once. The database enums are built
// from these lists (db/schema/suggestions.ts, db/schema/feedback.ts), so the
// schema, the server and the pages cannot drift apart. A plain module with no
// imports: pages and the schema both load it.

/**
 * pending_verification is 待核验: kept, but held for a person (captcha service
 * unreachable, over-limit mail). The three decisions map to 采纳 / 部分采纳 /
 * 不予采纳. duplicate (重复) points at the kept suggestion; spam (无效) is kept
 * but hidden from reports.
 */
export const statuses = [
  'pending_verification',
  'received',
  'in_review',
  'adopted',
  'partially_adopted',
  'not_adopted',
  'duplicate',
  'spam',
] as const;
export type Status = (typeof statuses)[number];

export const decisions = ['adopted', 'partially_adopted', 'not_adopted'] as const satisfies readonly Status[];
export type Decision = (typeof decisions)[number];

/** How a suggestion arrived: the web form, mail, or one of the channels staff enter by hand. */
export const channels = ['web', 'email', 'letter', 'phone', 'visit', 'symposium'] as const;
export type Channel = (typeof channels)[number];

/** Letters, calls, visits and meetings (座谈会): entered by staff (app/domain/intake/manual). */
export const manualChannels = ['letter', 'phone', 'visit', 'symposium'] as const satisfies readonly Channel[];
export type ManualChannel = (typeof manualChannels)[number];

/**
 * 署名公开 / 匿名公开 / 不公开: how a suggestion may appear on public pages
 * (个人信息保护法 Art. 25: no public disclosure without separate consent).
 * Every channel defaults to 'none'; only the web form asks.
 */
export const publicationConsents = ['named', 'anonymous', 'none'] as const;
export type PublicationConsent = (typeof publicationConsents)[number];

export function isPublicationConsent(value: unknown): value is PublicationConsent {
  return typeof value === 'string' && (publicationConsents as readonly string[]).includes(value);
}

/** 满意 / 基本满意 / 不满意 (《信访工作条例》 Art. 29). */
export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];

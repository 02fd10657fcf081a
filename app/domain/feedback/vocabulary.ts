// Shared by server and pages: the words of issue 10.

/** 署名公开 / 匿名公开 / 不公开. Every channel defaults to 'none'. */
export const publicationConsents = ['named', 'anonymous', 'none'] as const;
export type PublicationConsent = (typeof publicationConsents)[number];

/** 满意 / 基本满意 / 不满意 (《信访工作条例》 Art. 29). */
export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];

export const MAX_RATING_COMMENT = 500;
export const MAX_CONSENT_NOTE = 500;

export function isPublicationConsent(value: unknown): value is PublicationConsent {
  return typeof value === 'string' && (publicationConsents as readonly string[]).includes(value);
}

export type RatingOutcome = 'rated' | 'already_rated' | 'not_decided' | 'not_found' | 'invalid' | 'staff_session';

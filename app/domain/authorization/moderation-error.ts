/**
 * A moderation command that cannot go ahead for a reason the page explains in
 * words (the code picks the sentence). Refusals for missing permissions are
 * `Forbidden`, from app/domain/authorization.
 */
export class ModerationError extends Error {
  constructor(
    readonly code: 'not_found' | 'not_allowed' | 'no_email' | 'same_suggestion' | 'other_plan' | 'consent_note',
  ) {
    super(`moderation: ${code}`);
  }
}

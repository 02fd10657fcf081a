// Every reason a suggestion can be held as 待核验 (suggestions.held_reason).
// Staff see a sentence for each (app/i18n/messages/mail-queue.ts), never the code.
export const suggestionHeldReasons = ['captcha_missing', 'captcha_unavailable', 'honeypot', 'unspecified'] as const;
export type SuggestionHeldReason = (typeof suggestionHeldReasons)[number];

export function suggestionHeldReasonCode(stored: string | null | undefined): SuggestionHeldReason | undefined {
  return stored && (suggestionHeldReasons as readonly string[]).includes(stored)
    ? (stored as SuggestionHeldReason)
    : undefined;
}

/**
 * The thing a request names by its address (a suggestion, a plan, a staff
 * account, a campaign group) does not exist, or not where it was looked for.
 * The web layer answers 404 with the not-found page
 * (app/web/domain-errors.server.ts), as `invariantResponse` does for a
 * loader's own lookups. A thing named in a form (a tracking code typed by a
 * moderator) is not this: its page explains it in a sentence (ModerationError).
 * `what` is for logs and tests; it is never shown.
 */
export class NotFound extends Error {
  constructor(readonly what: 'suggestion' | 'plan' | 'user' | 'campaign') {
    super(`${what} not found`);
    this.name = 'NotFound';
  }
}

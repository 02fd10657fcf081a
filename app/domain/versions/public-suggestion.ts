import type { PublicationConsent } from '../suggestions/vocabulary.ts';

// What the public comparison may show of a suggestion linked to a change: the
// decision always; the moderator's public summary only when staff marked the
// suggestion publishable (the same switch as the adoption report) and the
// submitter agreed to publication (署名公开 or 匿名公开); the name only with
// 署名公开, read through app/domain/contacts' publicNames, which checks that
// consent again. Never the title, the text, a contact or the tracking code (a
// code opens the receipt page, which shows the submitter's own title).

export type LinkedSuggestionRow = {
  status: string;
  publicSummary: string | null;
  publishable: boolean;
  consent: PublicationConsent;
  /** From publicNames: present only for 署名公开. */
  name?: string;
};

export type PublicLinkedSuggestion = {
  status: 'adopted' | 'partially_adopted';
  summary: string | null;
  name: string | null;
};

export function publicLinkedSuggestion(row: LinkedSuggestionRow): PublicLinkedSuggestion | null {
  if (row.status !== 'adopted' && row.status !== 'partially_adopted') return null;
  const consented = row.consent === 'named' || row.consent === 'anonymous';
  const summary = consented && row.publishable && row.publicSummary?.trim() ? row.publicSummary.trim() : null;
  const name = summary && row.consent === 'named' && row.name ? row.name : null;
  return { status: row.status, summary, name };
}

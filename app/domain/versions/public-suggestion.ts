// What the public comparison may show of a suggestion linked to a change: the
// moderator's public summary and the decision, only when staff marked the
// suggestion publishable (the same switch as the adoption report). Never the
// title, the text, a name, a contact or the tracking code (a code opens the
// receipt page, which shows the submitter's own title). One function, so that
// the submitter's consent to publish can be added here and nowhere else.

export type LinkedSuggestionRow = {
  status: string;
  publicSummary: string | null;
  publishable: boolean;
};

export type PublicLinkedSuggestion = { status: 'adopted' | 'partially_adopted'; summary: string | null };

export function publicLinkedSuggestion(row: LinkedSuggestionRow): PublicLinkedSuggestion | null {
  if (row.status !== 'adopted' && row.status !== 'partially_adopted') return null;
  const summary = row.publishable && row.publicSummary?.trim() ? row.publicSummary.trim() : null;
  return { status: row.status, summary };
}

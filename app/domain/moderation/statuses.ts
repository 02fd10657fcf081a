// Suggestion statuses and the moves between them, shared by the server (which
// enforces them) and the pages (which only offer what is allowed).

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

export const decisions = ['adopted', 'partially_adopted', 'not_adopted'] as const;
export type Decision = (typeof decisions)[number];

/** Statuses a bulk action may set: decisions need a reason each, duplicates a target. */
export const bulkStatuses = ['received', 'in_review', 'spam'] as const;
export type BulkStatus = (typeof bulkStatuses)[number];

export const channels = ['web', 'email', 'letter', 'phone', 'visit', 'symposium'] as const;
export type Channel = (typeof channels)[number];
export const manualChannels = ['letter', 'phone', 'visit', 'symposium'] as const;
export type ManualChannel = (typeof manualChannels)[number];

// A decided suggestion is reopened to in_review (the audit log keeps the
// history); spam can be taken back; a duplicate can be split off again.
const allowed: Record<Status, readonly Status[]> = {
  pending_verification: ['received', 'spam', 'duplicate'],
  received: ['in_review', ...decisions, 'spam', 'duplicate'],
  in_review: ['received', ...decisions, 'spam', 'duplicate'],
  adopted: ['in_review'],
  partially_adopted: ['in_review'],
  not_adopted: ['in_review'],
  duplicate: ['in_review'],
  spam: ['received'],
};

export function canMove(from: Status, to: Status): boolean {
  return allowed[from].includes(to);
}

export function isDecision(status: string): status is Decision {
  return (decisions as readonly string[]).includes(status);
}

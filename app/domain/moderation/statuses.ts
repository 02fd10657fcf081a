// Suggestion statuses and the moves between them, shared by the server (which
// enforces them) and the pages (which only offer what is allowed).

import { decisions, type Decision, type Status } from '../suggestions/vocabulary.ts';

// The lists themselves are written once, in app/domain/suggestions/vocabulary.ts.
export {
  channels,
  decisions,
  manualChannels,
  statuses,
  type Channel,
  type Decision,
  type ManualChannel,
  type Status,
} from '../suggestions/vocabulary.ts';

/** Statuses a bulk action may set: decisions need a reason each, duplicates a target. */
export const bulkStatuses = ['received', 'in_review', 'spam'] as const satisfies readonly Status[];
export type BulkStatus = (typeof bulkStatuses)[number];

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

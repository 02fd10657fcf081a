// The values exports filter and write, apart from zod so that pages can import them.

// Duplicates and spam are exported only when chosen explicitly (see whereClause).
export const suggestionStatuses = [
  'pending_verification',
  'received',
  'in_review',
  'adopted',
  'partially_adopted',
  'not_adopted',
  'duplicate',
  'spam',
] as const;
export const suggestionChannels = ['web', 'email', 'letter', 'phone', 'visit', 'symposium'] as const;
export const exportFormats = ['xlsx', 'csv', 'docx', 'json'] as const;
export const decisionStatuses = ['adopted', 'partially_adopted', 'not_adopted'] as const;

export type SuggestionStatus = (typeof suggestionStatuses)[number];
export type SuggestionChannel = (typeof suggestionChannels)[number];
export type ExportFormat = (typeof exportFormats)[number];

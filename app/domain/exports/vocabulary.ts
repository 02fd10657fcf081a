// The values exports filter and write, apart from zod so that pages can import them.

// Duplicates and spam are exported only when chosen explicitly (see whereClause).
export {
  channels as suggestionChannels,
  decisions as decisionStatuses,
  statuses as suggestionStatuses,
  type Channel as SuggestionChannel,
  type Status as SuggestionStatus,
} from '../suggestions/vocabulary.ts';
export const exportFormats = ['xlsx', 'csv', 'docx', 'json'] as const;

export type ExportFormat = (typeof exportFormats)[number];

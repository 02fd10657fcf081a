import type { queueOptions } from '../../domain/moderation/queue-options.server.ts';
import type { filteredSuggestions } from '../../domain/moderation/filtered-suggestions.server.ts';

// Loader data as the browser receives it (dates already serialized by turbo-stream stay Dates).
export type QueueOptions = Awaited<ReturnType<typeof queueOptions>>;
export type QueueRow = Awaited<ReturnType<typeof filteredSuggestions>>['rows'][number];

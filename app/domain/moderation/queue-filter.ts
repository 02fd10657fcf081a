import { z } from 'zod';
import { channels, statuses } from './statuses.ts';

// The triage queue's filters, sort and cursor, read from the URL so that a
// filtered view can be bookmarked, shared and paged without JavaScript.

const id = z.coerce.number().int().positive().max(2_147_483_647);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const pageSizes = [10, 25, 50, 100] as const;
export const sorts = ['newest', 'oldest', 'updated', 'relevance'] as const;
export type QueueSort = (typeof sorts)[number];

export const QueueQuery = z.object({
  // Full-text search (app/domain/search/parse-search.ts for the syntax).
  q: z.string().trim().max(200).optional().catch(undefined),
  plan: id.optional().catch(undefined),
  section: id.optional().catch(undefined),
  category: id.optional().catch(undefined),
  status: z.enum(statuses).optional().catch(undefined),
  channel: z.enum(channels).optional().catch(undefined),
  submitterType: z.string().max(40).optional().catch(undefined),
  tag: id.optional().catch(undefined),
  // A group of near-duplicates (app/domain/duplicates), by its cluster id.
  cluster: z.coerce.number().int().positive().optional().catch(undefined),
  assignee: z
    .union([z.literal('none'), id])
    .optional()
    .catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  attachments: z.literal('1').optional().catch(undefined),
  held: z.literal('1').optional().catch(undefined),
  sort: z.enum(sorts).catch('newest'),
  size: z.coerce
    .number()
    .refine((n) => (pageSizes as readonly number[]).includes(n))
    .catch(25),
  after: z.string().max(200).optional().catch(undefined),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export function parseQueueQuery(params: URLSearchParams): QueueQuery {
  const query = QueueQuery.parse(Object.fromEntries([...params].filter(([, v]) => v !== '')));
  // A search sorts by relevance unless another order is asked for; without
  // one there is nothing to rank by.
  if (query.q && !params.get('sort')) return { ...query, sort: 'relevance' };
  if (!query.q && query.sort === 'relevance') return { ...query, sort: 'newest' };
  return query;
}

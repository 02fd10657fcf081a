import type { AppLoadContext } from 'react-router';
import { z } from 'zod';
import type { StaffUser } from '../../domain/accounts/staff-user.server.ts';
import { confirmCategories } from '../../domain/categorize/confirm-categories.server.ts';
import { applyBulkAction } from '../../domain/moderation/bulk-actions.server.ts';
import { decideSuggestions } from '../../domain/moderation/decide-suggestions.server.ts';
import type { BulkAction } from '../../domain/moderation/bulk-actions.server.ts';
import { bulkStatuses, decisions } from '../../domain/moderation/statuses.ts';
import { splitList } from '../../utils/split-list.ts';

// The queue's bulk form: which action (the button pressed) and the selection.
const ids = z.preprocess((v) => [v].flat(), z.array(z.coerce.number().int().positive()).min(1).max(200));
const optionalId = z.union([z.literal('none'), z.coerce.number().int().positive()]);

export const BulkForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('status'), id: ids, status: z.enum(bulkStatuses) }),
  z.object({ intent: z.literal('addTags'), id: ids, tags: z.string().trim().min(1).max(400) }),
  z.object({ intent: z.literal('removeTag'), id: ids, removeTag: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal('assign'), id: ids, assignee: optionalId }),
  z.object({ intent: z.literal('category'), id: ids, category: optionalId }),
  // Each row's category select sends "id:category" (app/components/moderation/row-category.tsx).
  z.object({
    intent: z.literal('confirmCategories'),
    id: ids,
    rowCategory: z
      .preprocess((v) => [v ?? []].flat(), z.array(z.string().regex(/^\d{1,10}:\d{1,10}$/)).max(1000))
      .default([]),
  }),
  z.object({
    intent: z.literal('decide'),
    id: ids,
    decision: z.enum(decisions),
    reason: z.string().trim().min(2).max(2000),
  }),
]);
export type BulkFormData = z.infer<typeof BulkForm>;
type PlainBulk = Exclude<BulkFormData, { intent: 'confirmCategories' | 'decide' }>;

/** The selected rows' categories as the page showed them; null when a selected row has none. */
export function categoryChoices(form: { id: number[]; rowCategory: string[] }) {
  const shown = new Map(form.rowCategory.map((v) => v.split(':').map(Number) as [number, number]));
  const choices = form.id.map((id) => ({ id, categoryId: shown.get(id) }));
  return choices.every((c) => c.categoryId !== undefined)
    ? choices.map((c) => ({ id: c.id, categoryId: c.categoryId! }))
    : null;
}

export function toBulkAction(form: PlainBulk): BulkAction {
  switch (form.intent) {
    case 'status':
      return { kind: 'status', status: form.status };
    case 'addTags':
      return { kind: 'addTags', names: splitTags(form.tags) };
    case 'removeTag':
      return { kind: 'removeTag', tagId: form.removeTag };
    case 'assign':
      return { kind: 'assign', assigneeId: form.assignee === 'none' ? null : form.assignee };
    case 'category':
      return { kind: 'category', categoryId: form.category === 'none' ? null : form.category };
  }
}

/** "辅修, 新工科，食堂" → three names: Chinese and Latin commas both separate. */
export function splitTags(value: string): string[] {
  return splitList(value, { max: 10 });
}

/** Runs the queue's bulk form; null when a selected row has no category to confirm. */
export async function runBulkIntent(
  context: AppLoadContext,
  viewer: StaffUser,
  form: BulkFormData,
): Promise<number | null> {
  const base = { actor: viewer, ip: context.clientIp };
  switch (form.intent) {
    case 'confirmCategories': {
      const choices = categoryChoices(form);
      return choices && confirmCategories(context.db, { ...base, choices });
    }
    case 'decide':
      return decideSuggestions(context.db, {
        ...base,
        ids: form.id,
        input: { decision: form.decision, reason: form.reason, publishable: false },
        siteUrl: context.config.siteUrl,
      });
    default:
      return applyBulkAction(context.db, { ...base, ids: form.id, action: toBulkAction(form) });
  }
}

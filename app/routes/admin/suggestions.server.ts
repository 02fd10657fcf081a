import { z } from 'zod';
import type { BulkAction } from '../../domain/moderation/bulk-actions.server.ts';
import { bulkStatuses } from '../../domain/moderation/statuses.ts';
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
]);

export function toBulkAction(form: z.infer<typeof BulkForm>): BulkAction {
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

import { z } from 'zod';
import { exportFormats, suggestionChannels, suggestionStatuses, type SuggestionStatus } from './vocabulary.ts';

// What an export selects and how it is written, parsed from the export form.
// Pure (no server imports), so it is unit-tested without a database.

export * from './vocabulary.ts';

/** The one-click preset: 采纳 + 部分采纳. */
export const ADOPTED_PRESET: SuggestionStatus[] = ['adopted', 'partially_adopted'];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional());
const optionalText = (max: number) => z.preprocess((v) => (v === '' ? undefined : v), z.string().max(max).optional());

export const ExportFilterSchema = z.object({
  planId: z.coerce.number().int().positive(),
  statuses: z.array(z.enum(suggestionStatuses)).default([]),
  categoryId: optionalId,
  sectionId: optionalId,
  channel: z.preprocess((v) => (v === '' ? undefined : v), z.enum(suggestionChannels).optional()),
  submitterType: optionalText(100),
  tagId: optionalId,
  // The triage queue's filters, so that "export the current filter" is exact.
  assignee: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.union([z.literal('none'), z.coerce.number().int().positive()]).optional(),
  ),
  hasAttachments: z.boolean().default(false),
  // Calendar days in China Standard Time, both inclusive.
  from: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
  to: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
});
export type ExportFilter = z.infer<typeof ExportFilterSchema>;

const ExportOptionsSchema = z.object({
  format: z.enum(exportFormats).default('xlsx'),
  encoding: z.enum(['utf8', 'gb18030']).default('utf8'),
  sheetPerCategory: z.boolean().default(false),
  includeContacts: z.boolean().default(false),
});
export type ExportOptions = z.infer<typeof ExportOptionsSchema>;

export type ExportRequest = { filter: ExportFilter; options: ExportOptions };

/**
 * The form's fields; `intent=adopted` is the one-click button, which keeps the
 * plan and file options but replaces the statuses with 采纳 + 部分采纳.
 */
export function parseExportRequest(form: FormData): { ok: true; value: ExportRequest } | { ok: false } {
  const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : undefined);
  const checked = (name: string) => form.get(name) === 'on' || form.get(name) === '1' || form.get(name) === 'true';
  const statuses =
    text('intent') === 'adopted' ? ADOPTED_PRESET : form.getAll('status').filter((v) => typeof v === 'string');
  const filter = ExportFilterSchema.safeParse({
    planId: text('planId'),
    statuses,
    categoryId: text('categoryId'),
    sectionId: text('sectionId'),
    channel: text('channel'),
    submitterType: text('submitterType'),
    tagId: text('tagId'),
    assignee: text('assignee'),
    hasAttachments: checked('hasAttachments'),
    from: text('from'),
    to: text('to'),
  });
  const options = ExportOptionsSchema.safeParse({
    format: text('format') || undefined,
    encoding: text('encoding') || undefined,
    sheetPerCategory: checked('sheetPerCategory'),
    includeContacts: checked('includeContacts'),
  });
  if (!filter.success || !options.success) return { ok: false };
  if (filter.data.from && filter.data.to && filter.data.from > filter.data.to) return { ok: false };
  return { ok: true, value: { filter: filter.data, options: options.data } };
}

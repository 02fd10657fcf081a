import { useTranslation } from '../../i18n/use-translation.ts';
import { BULK_FORM_ID } from './bulk-bar.tsx';
import type { QueueOptions, QueueRow } from './types.ts';

/**
 * A row's category as a choice that belongs to the bulk form (decision 033):
 * it shows the category the row has, or the one proposed for it, marked as a
 * proposal until a person confirms it. A moderator corrects the wrong ones,
 * selects the page and confirms every row's category in one submit. Each
 * option carries its row's id ("id:category"), so one field name serves the
 * whole page, with or without JavaScript.
 */
export function RowCategory({ row, categories }: { row: QueueRow; categories: QueueOptions['categories'] }) {
  const { t } = useTranslation();
  const shown = row.categoryId ?? row.proposedCategoryId;
  const proposed = row.proposalOpen && shown !== null && shown === row.proposedCategoryId;
  return (
    <>
      <select
        name="rowCategory"
        form={BULK_FORM_ID}
        defaultValue={shown ? `${row.id}:${shown}` : ''}
        aria-label={t('mod.queue.categoryFor', { title: row.title })}
        aria-describedby={proposed ? `proposed-${row.id}` : undefined}
      >
        <option value="">{t('mod.bulk.noCategory')}</option>
        {categories.map((c) => (
          <option key={c.id} value={`${row.id}:${c.id}`}>
            {c.name}
          </option>
        ))}
      </select>
      {proposed && (
        <div className="muted" id={`proposed-${row.id}`}>
          {t('mod.queue.proposed')}
        </div>
      )}
    </>
  );
}

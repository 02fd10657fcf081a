import { useTranslation } from '../../i18n/use-translation.ts';
import { DownloadProgress, useStreamedDownload } from '../admin/streamed-download.tsx';

type Query = {
  plan?: number;
  section?: number;
  category?: number;
  status?: string;
  channel?: string;
  submitterType?: string;
  tag?: number;
  assignee?: number | 'none';
  attachments?: string;
  from?: string;
  to?: string;
  held?: string;
};

/**
 * Export exactly what the queue shows (for one plan): the queue's filters as
 * the export's, posted to the same download as the export page, so the same
 * permission checks and audit apply. A plain <form>: the browser itself must
 * receive the file.
 */
export function ExportCurrentFilter({ query }: { query: Query }) {
  const { t } = useTranslation();
  const download = useStreamedDownload();
  if (!query.plan) return null;
  const status = query.held ? 'pending_verification' : query.status;
  const hidden: [string, string | number | undefined][] = [
    ['planId', query.plan],
    ['status', status],
    ['sectionId', query.section],
    ['categoryId', query.category],
    ['channel', query.channel],
    ['submitterType', query.submitterType],
    ['tagId', query.tag],
    ['assignee', query.assignee],
    ['hasAttachments', query.attachments ? 'on' : undefined],
    ['from', query.from],
    ['to', query.to],
  ];
  return (
    <form
      method="post"
      action="/admin/exports/download"
      className="export-current"
      aria-label={t('mod.export.label')}
      onSubmit={download.onSubmit}
    >
      {hidden.map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      <label htmlFor="export-current-format">{t('mod.export.format')}</label>
      <select id="export-current-format" name="format" defaultValue="xlsx">
        <option value="xlsx">Excel (XLSX)</option>
        <option value="csv">CSV</option>
        <option value="docx">Word (DOCX)</option>
        <option value="json">JSON</option>
      </select>
      <button type="submit" className="button button--secondary">
        {t('mod.export.submit')}
      </button>
      <span className="field__hint">{t('mod.export.hint')}</span>
      <DownloadProgress state={download.state} />
    </form>
  );
}

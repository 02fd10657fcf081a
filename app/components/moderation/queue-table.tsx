import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MessageKey } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatChinaDateTime } from '../../utils/china-time.ts';
import { useHydrated } from '../../utils/use-hydrated.ts';
import { BULK_FORM_ID, BULK_TAGS_ID } from './bulk-bar.tsx';
import { KeyboardHelp, toggleKeyboardHelp } from './keyboard-help.tsx';
import { RowCategory } from './row-category.tsx';
import type { QueueOptions, QueueRow } from './types.ts';
import { useShortcuts, useShortcutsEnabled } from './use-shortcuts.ts';
import { heldReasonText } from '../../i18n/reason-text.ts';

const keys: [string, MessageKey][] = [
  ['j', 'mod.keys.next'],
  ['k', 'mod.keys.previous'],
  ['o', 'mod.keys.open'],
  ['x', 'mod.keys.toggle'],
  ['t', 'mod.keys.tag'],
  ['?', 'mod.keys.help'],
];

type Props = {
  rows: QueueRow[];
  categories: QueueOptions['categories'];
  queueSearch: string;
  selectable: boolean;
  nextHref: string | null;
  firstHref: string | null;
};

export function QueueTable({ rows, categories, queueSearch, selectable, nextHref, firstHref }: Props) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const navigate = useNavigate();
  const [enabled, setEnabled] = useShortcutsEnabled();
  const [current, setCurrent] = useState(-1);
  const table = useRef<HTMLTableElement>(null);
  const detailHref = (id: number) => `/admin/suggestions/${id}${queueSearch ? `?${queueSearch}` : ''}`;
  // j/k move focus to a row's title link, so screen readers announce it and Enter opens it.
  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setCurrent(next);
    table.current?.querySelectorAll<HTMLAnchorElement>('a[data-row-link]')[next]?.focus();
  };
  useShortcuts(enabled, {
    j: () => focusRow(current + 1),
    k: () => focusRow(current - 1),
    o: () => rows[current] && navigate(detailHref(rows[current].id)),
    x: () => table.current?.querySelectorAll<HTMLInputElement>('input[data-row-select]')[current]?.click(),
    t: () => document.getElementById(BULK_TAGS_ID)?.focus(),
    '?': toggleKeyboardHelp,
  });
  const selectAll = (checked: boolean) =>
    table.current
      ?.querySelectorAll<HTMLInputElement>('input[data-row-select]')
      .forEach((box) => (box.checked = checked));
  if (rows.length === 0) return <p className="notice">{t('mod.queue.empty')}</p>;
  return (
    <>
      <KeyboardHelp keys={keys} enabled={enabled} onToggle={setEnabled} />
      <div className="table-wrap">
        <table className="admin-table queue-table" ref={table}>
          <caption className="visually-hidden">{t('mod.queue.title')}</caption>
          <thead>
            <tr>
              {selectable && (
                <th scope="col">
                  {hydrated ? (
                    <input
                      type="checkbox"
                      aria-label={t('mod.queue.selectAll')}
                      onChange={(e) => selectAll(e.target.checked)}
                    />
                  ) : (
                    <span className="visually-hidden">{t('mod.queue.selectAll')}</span>
                  )}
                </th>
              )}
              <th scope="col">{t('mod.queue.titleCol')}</th>
              <th scope="col">{t('mod.queue.status')}</th>
              <th scope="col">{t('mod.queue.category')}</th>
              <th scope="col">{t('mod.queue.channel')}</th>
              <th scope="col">{t('mod.queue.tag')}</th>
              <th scope="col">{t('mod.queue.supports')}</th>
              <th scope="col">{t('mod.queue.assignee')}</th>
              <th scope="col">{t('mod.queue.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id} className={index === current ? 'is-current' : undefined}>
                {selectable && (
                  <td>
                    <input
                      type="checkbox"
                      name="id"
                      value={row.id}
                      form={BULK_FORM_ID}
                      data-row-select
                      aria-label={t('mod.queue.select', { title: row.title })}
                    />
                  </td>
                )}
                <td>
                  <Link to={detailHref(row.id)} data-row-link onFocus={() => setCurrent(index)}>
                    {row.title}
                  </Link>
                  {row.snippet && (
                    <p className="search-snippet">
                      <span className="visually-hidden">{t('search.matches')}: </span>
                      {row.snippet.source === 'attachment' && t('search.inAttachment')}
                      {row.snippet.pieces.map((piece, i) =>
                        piece.hit ? <mark key={i}>{piece.text}</mark> : piece.text,
                      )}
                    </p>
                  )}
                  <div className="muted">
                    {row.trackingCode} · {row.planTitle}
                    {row.attachmentCount > 0 && ` · ${t('mod.queue.attachments', { count: row.attachmentCount })}`}
                  </div>
                </td>
                <td>
                  {t(`status.${row.status}`)}
                  {row.heldReason && <div className="muted">{heldReasonText(t, row.heldReason)}</div>}
                </td>
                <td>
                  {selectable ? (
                    <RowCategory row={row} categories={categories.filter((c) => c.planId === row.planId)} />
                  ) : (
                    (row.categoryName ?? '')
                  )}
                </td>
                <td>{t(`mod.channel.${row.channel}`)}</td>
                <td>{row.tags.map((tag) => tag.name).join('、')}</td>
                <td>{row.supportCount}</td>
                <td>{row.assigneeName ?? ''}</td>
                <td>{formatChinaDateTime(new Date(row.submittedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="button-row">
        {firstHref && <Link to={firstHref}>{t('mod.queue.first')}</Link>}
        {nextHref && <Link to={nextHref}>{t('mod.queue.next')}</Link>}
      </p>
    </>
  );
}

import type { ComparisonRow } from '../../domain/versions/queries.server.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { DiffSide } from './diff-text.tsx';

// The classic three columns of a 修改对照表: 原文 / 修改后 / 修改理由. Each
// section starts with a heading row whose id is the address /track links to.
export function ComparisonTable({ rows, from, to }: { rows: ComparisonRow[]; from: number; to: number }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-labelledby="comparison-caption" tabIndex={0}>
      <table className="data-table data-table--text diff-table">
        <caption id="comparison-caption">{t('versions.tableCaption', { from, to })}</caption>
        <colgroup>
          <col className="diff-table__text" />
          <col className="diff-table__text" />
          <col className="diff-table__reason" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('versions.col.before')}</th>
            <th scope="col">{t('versions.col.after')}</th>
            <th scope="col">{t('versions.col.reason')}</th>
          </tr>
        </thead>
        {rows.map((row) => {
          const section = row.after ?? row.before!;
          return (
            <tbody key={`${row.kind}-${row.key}`}>
              <tr className="diff-table__section" id={`change-${row.key}`}>
                <th scope="colgroup" colSpan={3}>
                  {section.number} {section.heading}
                  <span className="diff-kind">
                    {t(`versions.kind.${row.kind === 'unchanged' ? 'moved' : row.kind}`)}
                  </span>
                  {row.moved && row.kind !== 'unchanged' && (
                    <span className="diff-kind">{t('versions.kind.moved')}</span>
                  )}
                </th>
              </tr>
              <tr>
                <td>{row.before ? <SectionText row={row} side="before" /> : t('versions.noSection')}</td>
                <td>{row.after ? <SectionText row={row} side="after" /> : t('versions.noSection')}</td>
                <td className="diff-reason">
                  <Reasons row={row} multiple={to - from > 1} />
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

function SectionText({ row, side }: { row: ComparisonRow; side: 'before' | 'after' }) {
  const changedHeading = row.kind === 'modified' && row.heading.some((op) => op.op !== 'equal');
  return (
    <>
      {changedHeading && (
        <div className="diff-heading">
          <DiffSide ops={row.heading} side={side} />
        </div>
      )}
      <DiffSide ops={row.body} side={side} />
    </>
  );
}

function Reasons({ row, multiple }: { row: ComparisonRow; multiple: boolean }) {
  const { t } = useTranslation();
  if (!row.notes.length) return <p>{t('versions.noReason')}</p>;
  return (
    <>
      {row.notes.map((note) => (
        <div key={note.version}>
          <p>
            {multiple && t('versions.reasonInVersion', { n: note.version })}
            {note.reason || t('versions.noReason')}
          </p>
          {note.suggestions.length > 0 && (
            <>
              <p>{t('versions.adoptedSuggestions')}</p>
              <ul>
                {note.suggestions.map((s, index) => (
                  <li key={index}>
                    {s.summary ?? t('versions.summaryHidden')}（{t(`status.${s.status}`)}
                    {s.name ? `，${t('versions.proposedBy', { name: s.name })}` : ''}）
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </>
  );
}

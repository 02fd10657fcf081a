import type { DiffOp } from '../../domain/versions/text-diff.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/**
 * One side of a diff: the original shows equal and deleted text, the revision
 * equal and inserted text. <del>/<ins> carry the meaning for print and
 * assistive technology alike; screen readers do not announce them by default,
 * so each mark also says what it is in hidden text.
 */
export function DiffSide({ ops, side }: { ops: DiffOp[]; side: 'before' | 'after' }) {
  const { t } = useTranslation();
  return (
    <div className="diff-text">
      {ops.map((op, index) => {
        if (op.op === 'equal') return <span key={index}>{op.text}</span>;
        if (op.op === 'delete' && side === 'before')
          return (
            <del key={index}>
              <span className="visually-hidden">{t('versions.deletedStart')}</span>
              {op.text}
              <span className="visually-hidden">{t('versions.markEnd')}</span>
            </del>
          );
        if (op.op === 'insert' && side === 'after')
          return (
            <ins key={index}>
              <span className="visually-hidden">{t('versions.insertedStart')}</span>
              {op.text}
              <span className="visually-hidden">{t('versions.markEnd')}</span>
            </ins>
          );
        return null;
      })}
    </div>
  );
}

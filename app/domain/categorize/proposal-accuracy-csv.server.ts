import type { Database } from '../../../db/client.server.ts';
import { assertPermission, type Actor } from '../authorization/actor.ts';
import { csvLine } from '../exports/csv-cell.ts';
import type { Translate } from '../../i18n/index.ts';
import { reviewedProposals, type ReviewedProposal } from './proposal-accuracy.server.ts';

const shanghai = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function record(row: ReviewedProposal, t: Translate): (string | number)[] {
  const source = row.proposedCategory === null ? 'none' : row.source;
  return [
    row.trackingCode,
    row.proposedCategory ?? '',
    row.confidence === null ? '' : row.confidence.toFixed(2),
    t(`accuracy.source.${source}` as 'accuracy.source.rule'),
    row.finalCategory ?? '',
    t(row.proposedCategory !== null && row.proposedCategory === row.finalCategory ? 'accuracy.yes' : 'accuracy.no'),
    row.proposedTags.join('、'),
    row.finalTags.join('、'),
    t(row.resolution ? `accuracy.review.${row.resolution}` : 'accuracy.review.decided'),
    row.reviewedAt ? shanghai.format(row.reviewedAt) : '',
  ];
}

/**
 * The audit CSV behind the dashboard's accuracy figure: one line per reviewed
 * suggestion (tracking code and labels only: no text, no contact), UTF-8 with
 * a BOM for Excel and WPS, streamed a page at a time.
 */
export function proposalAccuracyCsv(
  db: Database,
  { viewer, planId, t }: { viewer: Actor; planId: number; t: Translate },
): ReadableStream<Uint8Array> {
  // Checked now, not when the lazy page reader first runs (after the 200).
  assertPermission(viewer, 'read:report:any');
  const encoder = new TextEncoder();
  const pages = reviewedProposals(db, { viewer, planId });
  const header = [
    'code',
    'proposedCategory',
    'confidence',
    'source',
    'finalCategory',
    'match',
    'proposedTags',
    'finalTags',
    'review',
    'reviewedAt',
  ] as const;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header.map((key) => t(`accuracy.csv.${key}`)))}`));
        return;
      }
      const next = await pages.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(record(row, t))).join('')));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

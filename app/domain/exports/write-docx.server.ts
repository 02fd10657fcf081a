import archiver from 'archiver';
import { type PassThrough, Readable } from 'node:stream';
import { translator } from '../../i18n/index.ts';
import { statusLabel } from './columns.ts';
import { docxTemplate } from './docx-template.server.ts';
import { dataRowXml, sectionRowXml, xmlText } from './docx-summary-xml.ts';
import type { ExportRow } from './export-rows.server.ts';
import { ExportAborted } from './output-stream.server.ts';

// 「意见建议采纳情况汇总表」, streamed (decision 084): document.xml is written
// row by row into a streamed zip, so memory holds one batch of rows and the
// zip's buffers, whatever the number of suggestions. The rows must arrive in
// the plan's order of sections (exportRows' 'section' order): each section's
// heading is written when its first row comes.

const t = translator('zh-CN');
type DocxOptions = {
  includeContacts: boolean;
  planTitle: string;
  from: string;
  to: string;
  today: string;
};

const HEADERS = [
  'docx.col.index',
  'docx.col.section',
  'docx.col.summary',
  'docx.col.submitter',
  'docx.col.decision',
  'docx.col.reason',
] as const;

export async function writeDocx(
  batches: AsyncIterable<ExportRow[]>,
  out: PassThrough,
  options: DocxOptions,
): Promise<number> {
  const template = await docxTemplate({
    title: t('docx.title'),
    pageLabel: t('docx.page'),
    lines: [
      t('docx.plan', { plan: options.planTitle }),
      t('docx.range', { from: options.from, to: options.to }),
      t('docx.generated', { date: options.today }),
    ],
    headers: HEADERS.map((key) => t(key)),
  });
  const tally = new Map<ExportRow['status'], number>();
  let listed = 0;
  async function* documentXml(): AsyncGenerator<Buffer> {
    yield Buffer.from(template.head);
    let section: number | undefined;
    for await (const rows of batches) {
      let chunk = '';
      for (const row of rows) {
        const key = row.sectionPosition ?? Number.MAX_SAFE_INTEGER;
        const label = row.sectionLabel ?? t('exports.noSection');
        if (key !== section) chunk += sectionRowXml(label);
        section = key;
        listed += 1;
        tally.set(row.status, (tally.get(row.status) ?? 0) + 1);
        chunk += dataRowXml([
          String(listed),
          label,
          row.publicSummary || row.title,
          submitter(row, options.includeContacts),
          statusLabel(row.status),
          row.decisionReason ?? '',
        ]);
      }
      yield Buffer.from(chunk);
    }
    yield Buffer.from(template.tail(xmlText(totalsLine(tally, listed))));
  }

  const body = Readable.from(documentXml(), { objectMode: false, highWaterMark: 64 * 1024 });
  const archive = archiver('zip', { zlib: { level: 6 } });
  for (const part of template.parts) archive.append(part.data, { name: part.name });
  archive.append(body, { name: 'word/document.xml' });
  archive.pipe(out);
  try {
    await new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      // The client went away: nothing will read further, so stop here.
      out.once('close', () => (out.writableFinished ? resolve() : reject(new ExportAborted())));
      body.once('error', reject);
      archive.once('error', reject);
      void archive.finalize().catch(reject);
    });
  } catch (error) {
    // Ends the row generator (closing the cursor) and the zip.
    body.destroy();
    archive.abort();
    throw error;
  }
  return listed;
}

// Without the contact-details option this column shows the submitter type only.
function submitter(row: ExportRow, includeContacts: boolean): string {
  if (!includeContacts || !row.contact) return row.submitterType;
  const { name, unit } = row.contact;
  if (name && unit) return `${name}（${unit}）`;
  return name || unit || row.submitterType;
}

function totalsLine(tally: Map<ExportRow['status'], number>, total: number): string {
  const count = (status: ExportRow['status']) => tally.get(status) ?? 0;
  const [adopted, partial, rejected] = [count('adopted'), count('partially_adopted'), count('not_adopted')];
  return t('docx.totals', { total, adopted, partial, rejected, other: total - adopted - partial - rejected });
}

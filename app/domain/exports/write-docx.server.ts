import { AlignmentType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { PassThrough } from 'node:stream';
import { translator } from '../../i18n/index.ts';
import { statusLabel } from './columns.ts';
import { addFontFallbacks, titleFonts } from './docx-fonts.server.ts';
import { documentLine, officialDocument } from './official-document.server.ts';
import type { ExportRow } from './export-rows.server.ts';
import { writeChunk } from './output-stream.server.ts';

// 「意见建议采纳情况汇总表」. The docx package builds the whole document in
// memory, so unlike the other formats this one is capped; adopted suggestions
// of one plan are hundreds, rarely thousands.
export const DOCX_MAX_ROWS = 10_000;

const t = translator('zh-CN');
type DocxOptions = {
  includeContacts: boolean;
  planTitle: string;
  from: string;
  to: string;
  today: string;
  maxRows?: number;
};

export async function writeDocx(
  batches: AsyncIterable<ExportRow[]>,
  out: PassThrough,
  options: DocxOptions,
): Promise<number> {
  // Rows past the cap are still read, to count them: the totals and the note
  // below describe the whole selection, not the part that fits.
  const rows: ExportRow[] = [];
  const statuses: ExportRow['status'][] = [];
  for await (const batch of batches) {
    for (const row of batch) {
      statuses.push(row.status);
      if (rows.length < (options.maxRows ?? DOCX_MAX_ROWS)) rows.push(row);
    }
  }
  const truncated = statuses.length > rows.length;
  const document = officialDocument({
    title: t('docx.title'),
    pageLabel: t('docx.page'),
    children: [
      documentLine(t('docx.plan', { plan: options.planTitle })),
      documentLine(t('docx.range', { from: options.from, to: options.to })),
      documentLine(t('docx.generated', { date: options.today })),
      ...(truncated ? [documentLine(t('docx.truncated', { shown: rows.length, total: statuses.length }))] : []),
      summaryTable(rows, options.includeContacts),
      new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: totalsLine(statuses), bold: true })] }),
    ],
  });
  await writeChunk(out, await addFontFallbacks(await Packer.toBuffer(document)));
  out.end();
  return rows.length;
}

const widths = [6, 16, 30, 14, 9, 25]; // percent of the table

function summaryTable(rows: ExportRow[], includeContacts: boolean): Table {
  const headers = [
    'docx.col.index',
    'docx.col.section',
    'docx.col.summary',
    'docx.col.submitter',
    'docx.col.decision',
    'docx.col.reason',
  ] as const;
  const tableRows = [
    new TableRow({
      tableHeader: true,
      children: headers.map((key, i) => cell(t(key), widths[i]!, { bold: true, center: true })),
    }),
  ];
  let index = 0;
  for (const group of groupBySection(rows)) {
    tableRows.push(
      new TableRow({
        children: [
          new TableCell({
            columnSpan: 6,
            children: [new Paragraph({ children: [new TextRun({ text: group.label, bold: true, font: titleFonts })] })],
          }),
        ],
      }),
    );
    for (const row of group.rows) {
      index += 1;
      const values = [
        String(index),
        group.label,
        row.publicSummary || row.title,
        submitter(row, includeContacts),
        statusLabel(row.status),
        row.decisionReason ?? '',
      ];
      tableRows.push(
        new TableRow({
          cantSplit: true,
          children: values.map((value, i) => cell(value, widths[i]!, { center: i === 0 || i === 4 })),
        }),
      );
    }
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: tableRows });
}

/** Plan order of sections; suggestions without a section last. */
function groupBySection(rows: ExportRow[]) {
  const groups = new Map<number, { label: string; rows: ExportRow[] }>();
  for (const row of rows) {
    const key = row.sectionPosition ?? Number.MAX_SAFE_INTEGER;
    if (!groups.has(key)) groups.set(key, { label: row.sectionLabel ?? t('exports.noSection'), rows: [] });
    groups.get(key)!.rows.push(row);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

// Without the contact-details option this column shows the submitter type only.
function submitter(row: ExportRow, includeContacts: boolean): string {
  if (!includeContacts || !row.contact) return row.submitterType;
  const { name, unit } = row.contact;
  if (name && unit) return `${name}（${unit}）`;
  return name || unit || row.submitterType;
}

function totalsLine(statuses: ExportRow['status'][]): string {
  const count = (status: ExportRow['status']) => statuses.filter((s) => s === status).length;
  const [adopted, partial, rejected] = [count('adopted'), count('partially_adopted'), count('not_adopted')];
  return t('docx.totals', {
    total: statuses.length,
    adopted,
    partial,
    rejected,
    other: statuses.length - adopted - partial - rejected,
  });
}

function cell(text: string, widthPercent: number, { bold = false, center = false } = {}): TableCell {
  const paragraphs = text.split(/\r?\n/).map(
    (part) =>
      new Paragraph({
        alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: part, bold })],
      }),
  );
  return new TableCell({ width: { size: widthPercent, type: WidthType.PERCENTAGE }, children: paragraphs });
}

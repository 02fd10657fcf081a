import { AlignmentType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { translator } from '../../i18n/index.ts';
import { addFontFallbacks, titleFonts } from '../exports/docx-fonts.server.ts';
import { documentLine, officialDocument } from '../exports/official-document.server.ts';
import type { ComparisonRow } from './queries.server.ts';
import type { DiffOp } from './text-diff.ts';

// The Word 修改对照表, the three columns 原文 / 修改后 / 修改理由（采纳的意见建议）
// that accompany a revised draft (《立法法》 Art. 58's practice). Same page and
// fonts as the adoption summary (app/domain/exports/write-docx.server.ts): A4
// landscape, 方正小标宋简体 title, 仿宋_GB2312 body. Deleted text is struck
// through in the original column, inserted text underlined and bold in the
// revised one, so the marks survive black-and-white printing.

const t = translator('zh-CN');
const widths = [36, 36, 28];

type Options = { planTitle: string; from: number; to: number; fromDate: string; toDate: string; today: string };

export async function writeComparisonDocx(rows: ComparisonRow[], options: Options): Promise<Buffer> {
  const document = officialDocument({
    title: t('versions.docx.title'),
    pageLabel: t('versions.docx.page'),
    children: [
      documentLine(t('versions.docx.plan', { plan: options.planTitle })),
      documentLine(
        t('versions.docx.range', {
          from: options.from,
          to: options.to,
          fromDate: options.fromDate,
          toDate: options.toDate,
        }),
      ),
      documentLine(t('versions.docx.generated', { date: options.today })),
      comparisonTable(rows, options.to - options.from > 1),
    ],
  });
  return addFontFallbacks(await Packer.toBuffer(document));
}

function comparisonTable(rows: ComparisonRow[], multiple: boolean): Table {
  const headers = [t('versions.col.before'), t('versions.col.after'), t('versions.col.reason')];
  const tableRows = [
    new TableRow({
      tableHeader: true,
      children: headers.map((text, i) =>
        cell(
          [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true })] })],
          widths[i]!,
        ),
      ),
    }),
  ];
  for (const row of rows) {
    const section = row.after ?? row.before!;
    const kinds: ('modified' | 'added' | 'removed' | 'moved')[] = [
      row.kind === 'unchanged' ? 'moved' : row.kind,
      ...(row.moved && row.kind !== 'unchanged' ? (['moved'] as const) : []),
    ];
    const label = `${section.number}${section.number ? ' ' : ''}${section.heading}（${kinds.map((k) => t(`versions.kind.${k}`)).join('、')}）`;
    tableRows.push(
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: 3,
            children: [new Paragraph({ children: [new TextRun({ text: label, bold: true, font: titleFonts })] })],
          }),
        ],
      }),
    );
    tableRows.push(
      new TableRow({
        children: [
          cell(row.before ? sideParagraphs(row, 'before') : [plain(t('versions.noSection'))], widths[0]!),
          cell(row.after ? sideParagraphs(row, 'after') : [plain(t('versions.noSection'))], widths[1]!),
          cell(reasonParagraphs(row, multiple), widths[2]!),
        ],
      }),
    );
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: tableRows });
}

function sideParagraphs(row: ComparisonRow, side: 'before' | 'after'): Paragraph[] {
  // A changed heading is shown with its marks; an added or removed one is in the section row already.
  const heading =
    row.kind === 'modified' && row.heading.some((op) => op.op !== 'equal')
      ? opsToParagraphs(row.heading, side, true)
      : [];
  return [...heading, ...opsToParagraphs(row.body, side, false)];
}

/** One paragraph per line of the text; the runs of each keep their marks. */
function opsToParagraphs(ops: DiffOp[], side: 'before' | 'after', bold: boolean): Paragraph[] {
  const lines: TextRun[][] = [[]];
  for (const op of ops) {
    if (op.op === (side === 'before' ? 'insert' : 'delete')) continue;
    op.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (!part) return;
      const marked = op.op !== 'equal';
      // Only marked runs get run properties: Word writes strike="false" otherwise.
      const marks = !marked ? {} : side === 'before' ? { strike: true } : { underline: {}, bold: true };
      lines.at(-1)!.push(new TextRun({ text: part, ...(bold ? { bold } : {}), ...marks }));
    });
  }
  const paragraphs = lines.filter((runs) => runs.length).map((runs) => new Paragraph({ children: runs }));
  return paragraphs.length ? paragraphs : [plain('')];
}

function reasonParagraphs(row: ComparisonRow, multiple: boolean): Paragraph[] {
  if (!row.notes.length) return [plain(t('versions.noReason'))];
  return row.notes.flatMap((note) => [
    plain(
      `${multiple ? t('versions.reasonInVersion', { n: note.version }) : ''}${note.reason || t('versions.noReason')}`,
    ),
    ...(note.suggestions.length ? [plain(t('versions.adoptedSuggestions'))] : []),
    ...note.suggestions.map((s, i) =>
      plain(
        `${i + 1}. ${s.summary ?? t('versions.summaryHidden')}（${t(`status.${s.status}`)}${s.name ? `，${t('versions.proposedBy', { name: s.name })}` : ''}）`,
      ),
    ),
  ]);
}

function plain(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text })] });
}

function cell(children: Paragraph[], widthPercent: number): TableCell {
  return new TableCell({ width: { size: widthPercent, type: WidthType.PERCENTAGE }, children });
}

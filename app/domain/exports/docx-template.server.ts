import { AlignmentType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import { addFontFallbacks } from './docx-fonts.server.ts';
import { documentLine, officialDocument } from './official-document.server.ts';
import { SUMMARY_WIDTHS } from './docx-summary-xml.ts';

// The 汇总表 is streamed (decision 084): every part of the .docx but the
// table's rows comes from a small document the docx package builds, with
// the header row only and a marker where the totals go. Its document.xml is
// cut at the end of that table; rows are written between the two halves.

const TOTALS_MARKER = '\u2063JIANYAN-TOTALS\u2063';

export type DocxTemplate = {
  /** Every part except word/document.xml, as the docx package wrote it (fonts patched). */
  parts: { name: string; data: Buffer }[];
  /** document.xml up to the end of the header row. */
  head: string;
  /** From the end of the table to the end of document.xml; `totals(text)` fills in the totals line. */
  tail: (totals: string) => string;
};

export async function docxTemplate({
  title,
  pageLabel,
  lines,
  headers,
}: {
  title: string;
  pageLabel: string;
  lines: string[];
  headers: string[];
}): Promise<DocxTemplate> {
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((text, i) => headerCell(text, SUMMARY_WIDTHS[i]!)),
      }),
    ],
  });
  const document = officialDocument({
    title,
    pageLabel,
    children: [
      ...lines.map(documentLine),
      header,
      new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: TOTALS_MARKER, bold: true })] }),
    ],
  });
  const zip = await JSZip.loadAsync(await addFontFallbacks(await Packer.toBuffer(document)));
  const parts: DocxTemplate['parts'] = [];
  let xml = '';
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (name === 'word/document.xml') xml = await file.async('string');
    else parts.push({ name, data: await file.async('nodebuffer') });
  }
  // [Content_Types].xml first: not required by OPC, but some readers look for it there.
  parts.sort((a, b) => Number(b.name === '[Content_Types].xml') - Number(a.name === '[Content_Types].xml'));
  const cut = xml.indexOf('</w:tbl>');
  const [before, after] = [xml.slice(0, cut), xml.slice(cut)];
  if (cut < 0 || !after.includes(TOTALS_MARKER)) throw new Error('the docx package changed its table output');
  return { parts, head: before, tail: (totals) => after.replace(TOTALS_MARKER, () => totals) };
}

function headerCell(text: string, widthPercent: number): TableCell {
  return new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true })] })],
  });
}

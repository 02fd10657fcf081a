import { AlignmentType, Document, Footer, PageNumber, PageOrientation, Paragraph, type Table, TextRun } from 'docx';
import { bodyFonts, titleFonts } from './docx-fonts.server.ts';

// The page every Word table of the portal uses (the 汇总表 and the 修改对照表):
// A4 landscape, since several columns of Chinese text need the width; a title
// in the document-style title font, the body in 仿宋; page numbers centred in
// the footer. `pageLabel` holds {page}, e.g. 「第 {page} 页」.

export function officialDocument({
  title,
  pageLabel,
  children,
}: {
  title: string;
  pageLabel: string;
  children: (Paragraph | Table)[];
}): Document {
  return new Document({
    creator: '建言 Jianyan',
    title,
    styles: { default: { document: { run: { font: bodyFonts, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1440, bottom: 1440, left: 1247, right: 1247 },
          },
        },
        footers: { default: pageNumberFooter(pageLabel) },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: title, font: titleFonts, size: 44 })],
          }),
          ...children,
        ],
      },
    ],
  });
}

/** A heading line under the title (plan, period, date). */
export function documentLine(text: string): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, size: 28 })] });
}

function pageNumberFooter(label: string): Footer {
  const [before, after] = label.split('{page}');
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [before ?? '', PageNumber.CURRENT, after ?? ''] })],
      }),
    ],
  });
}

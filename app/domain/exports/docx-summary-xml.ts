// The 汇总表's rows as WordprocessingML, written by hand so that a row costs
// a string, not a docx object tree (decision 084). The markup is the one the
// docx package (9.7.1) writes for the same TableRow/TableCell/Paragraph, so a
// streamed document reads exactly as the one built in memory did;
// tests/integration/docx-streamed.test.ts compares the two.

/** Column widths, percent of the table: 序号, 章节, 摘要, 提出人, 采纳情况, 理由. */
export const SUMMARY_WIDTHS = [6, 16, 30, 14, 9, 25] as const;

const TITLE_FONTS =
  '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="方正小标宋简体" w:hAnsi="Times New Roman"/>';

// Characters XML 1.0 cannot hold at all (C0 controls but tab, CR and LF;
// U+FFFE/U+FFFF; unpaired surrogates). A pasted control character would
// otherwise make Word refuse the whole file.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for element content: what XML cannot hold dropped, markup escaped. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function run(text: string, properties: string): string {
  return `<w:r><w:rPr>${properties}</w:rPr><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/** A section's heading across the six columns. */
export function sectionRowXml(label: string): string {
  return `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="6"/></w:tcPr><w:p>${run(label, `${TITLE_FONTS}<w:b/><w:bCs/>`)}</w:p></w:tc></w:tr>`;
}

/** One suggestion: six cells, a paragraph per line; 序号 and 采纳情况 centred. */
export function dataRowXml(values: string[]): string {
  const cells = values.map((value, i) => {
    const align = i === 0 || i === 4 ? 'center' : 'left';
    const paragraphs = value
      .split(/\r?\n/)
      .map(
        (line) =>
          `<w:p><w:pPr><w:jc w:val="${align}"/></w:pPr>${run(line, '<w:b w:val="false"/><w:bCs w:val="false"/>')}</w:p>`,
      )
      .join('');
    return `<w:tc><w:tcPr><w:tcW w:type="pct" w:w="${SUMMARY_WIDTHS[i]}%"/></w:tcPr>${paragraphs}</w:tc>`;
  });
  return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`;
}

import type { DocParagraph } from './paragraph.ts';
import { numberingOf, outlineOf, type ResolvedStyle } from './styles.ts';
import type { createNumbering } from './numbering.ts';
import { child, elements, val, type XmlElement } from './xml-tree.ts';

type Context = {
  style: (id: string | undefined) => ResolvedStyle | undefined;
  numbering: ReturnType<typeof createNumbering>;
  altChunk: (relationshipId: string) => DocParagraph[];
};
type Place = { inTable: boolean; inToc: boolean };

/** Flattens document.xml's body into paragraphs in reading order. */
export function walkBody(document: XmlElement, context: Context): DocParagraph[] {
  const body = child(child(document, 'w:document'), 'w:body');
  const out: DocParagraph[] = [];
  // Open fields across paragraphs: a TOC field spans many of them.
  const fields: { isToc: boolean }[] = [];
  if (body) walkBlocks(body, { inTable: false, inToc: false });
  return out;

  function walkBlocks(container: XmlElement, place: Place) {
    for (const node of elements(container)) {
      switch (node.name) {
        case 'w:p':
          paragraph(node, place);
          break;
        case 'w:tbl':
          for (const row of elements(node, 'w:tr'))
            for (const cell of elements(row, 'w:tc')) walkBlocks(cell, { ...place, inTable: true });
          break;
        case 'w:sdt': {
          const gallery = val(child(child(node, 'w:sdtPr'), 'w:docPartObj'), 'w:docPartGallery') ?? '';
          const content = child(node, 'w:sdtContent');
          if (content) walkBlocks(content, { ...place, inToc: place.inToc || /table of contents/i.test(gallery) });
          break;
        }
        case 'mc:AlternateContent': {
          // The Choice and the Fallback hold the same text twice; read one.
          const choice = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
          if (choice) walkBlocks(choice, place);
          break;
        }
        case 'w:altChunk':
          out.push(...context.altChunk(node.attrs['r:id'] ?? ''));
          break;
        case 'w:customXml':
        case 'w:ins':
        case 'w:smartTag':
          walkBlocks(node, place);
          break;
        default:
          break;
      }
    }
  }

  function paragraph(p: XmlElement, place: Place) {
    const pPr = child(p, 'w:pPr');
    const styleId = val(pPr, 'w:pStyle');
    const style = context.style(styleId);
    const tocAtStart = fields.some((f) => f.isToc);
    const boxes: XmlElement[] = [];
    let sawToc = tocAtStart;
    let text = '';
    const inline = (node: XmlElement) => {
      for (const n of elements(node)) {
        switch (n.name) {
          case 'w:t':
            text += n.children.filter((c) => typeof c === 'string').join('');
            break;
          case 'w:tab':
            text += '\t';
            break;
          case 'w:br':
          case 'w:cr':
            text += ' ';
            break;
          case 'w:noBreakHyphen':
            text += '-';
            break;
          case 'w:fldChar': {
            const type = n.attrs['w:fldCharType'];
            if (type === 'begin') fields.push({ isToc: false });
            else if (type === 'end') fields.pop();
            break;
          }
          case 'w:instrText': {
            const code = n.children.filter((c) => typeof c === 'string').join('');
            const open = fields.at(-1);
            if (open && /^\s*TOC\b/.test(code)) {
              open.isToc = true;
              sawToc = true;
            }
            break;
          }
          case 'mc:AlternateContent': {
            const choice = child(n, 'mc:Choice') ?? child(n, 'mc:Fallback');
            if (choice) inline(choice);
            break;
          }
          case 'w:txbxContent':
            boxes.push(n);
            break;
          case 'w:del':
          case 'w:moveFrom':
          case 'w:pPr':
          case 'w:rPr':
            break;
          default:
            inline(n);
        }
      }
    };
    inline(p);
    const direct = numberingOf(pPr);
    const { label } = context.numbering(direct ?? style?.numbering, styleId);
    out.push({
      // A bullet adds nothing a reader needs in Markdown-free body text.
      text,
      numberLabel: label,
      outlineLevel: outlineOf(pPr) ?? style?.outlineLevel,
      inTable: place.inTable,
      inToc: place.inToc || sawToc || fields.some((f) => f.isToc) || style?.isToc === true,
      isTitle: false,
    });
    // Text boxes (a cover's stamp, a sidebar) are read after their paragraph, never as headings.
    for (const box of boxes) walkBlocks(box, { ...place, inTable: true });
  }
}

/** One paragraph as a reader sees it, with what Word knows about its place in the outline. */
export type DocParagraph = {
  text: string;
  // The automatic number Word shows before the text ('' when none).
  numberLabel: string;
  // 0-based outline level from the paragraph, its style or an HTML <hN>; undefined for body text.
  outlineLevel: number | undefined;
  // Tables, text boxes and table-of-contents entries never start a section.
  inTable: boolean;
  inToc: boolean;
  // An HTML <h1>: the document's title in HTML chunks.
  isTitle: boolean;
  // Named by a typed 目录 earlier in the document, so a heading even without a number (「附则」).
  listedInToc?: boolean;
};

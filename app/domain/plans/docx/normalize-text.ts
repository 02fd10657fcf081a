const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';

/** One space for any run of whitespace (full-width, en, no-break, tab), trimmed. */
export function collapseSpaces(text: string): string {
  return text
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Headings lose the spaces typed between Chinese characters for layout: 「总\u3000\u3000则」 is 「总则」. */
export function headingText(text: string): string {
  return collapseSpaces(text).replace(new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g'), '');
}

// The one splitter for lists a person types into one field: tag names,
// category keywords, tracking codes. Chinese and Latin separators alike
// (, ， 、 ; ；) and line breaks; with `byWhitespace`, spaces too (codes never
// contain one, keywords and tag names may: "new engineering").

const SEPARATORS = /[,，、;；\r\n]+/;
const SEPARATORS_AND_SPACES = /[\s,，、;；]+/;

/** Trimmed, non-empty items in the order typed; a repeat is dropped; at most `max`. */
export function splitList(value: string, { byWhitespace = false, max = Infinity } = {}): string[] {
  const items = value
    .split(byWhitespace ? SEPARATORS_AND_SPACES : SEPARATORS)
    .map((item) => item.trim())
    .filter(Boolean);
  return [...new Set(items)].slice(0, max);
}

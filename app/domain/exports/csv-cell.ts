// One CSV field, RFC 4180: fields holding a comma, a quote, CR or LF are
// quoted, quotes doubled. Spreadsheets evaluate a field starting with = + - @
// (and tab, CR, LF, which some strip first) as a formula, so such a field gets
// a leading apostrophe, as OWASP's "CSV Injection" page recommends:
// https://owasp.org/www-community/attacks/CSV_Injection

const FORMULA_START = /^[=+\-@\t\r\n]/;

export function csvCell(value: string | number): string {
  // Our own numbers (序号) are safe; a negative one would still be neutralised below.
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A record ends with CRLF (RFC 4180 §2.1). */
export function csvLine(values: (string | number)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

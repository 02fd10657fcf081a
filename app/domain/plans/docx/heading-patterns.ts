// The numbers that open a heading in Chinese drafts, each with a rank: a lower
// rank is a higher level. Levels come from the ranks in the order they occur,
// so a level the draft skips (第一编 straight to 第一章) is not invented.
const NUMERAL = '[一二三四五六七八九十百千零〇两]+';

export type HeadingNumber = { number: string; rest: string; rank: number };

const patterns: { regex: RegExp; rank: number; styledOnly?: boolean; number: (m: RegExpExecArray) => string }[] = [
  // The legal hierarchy (《立法技术规范》): 编, 分编, 章, 节. 条 are the text itself.
  { regex: new RegExp(`^(第${NUMERAL}编)(?!\\S*条)\\s*(.*)$`), rank: 0, number: (m) => m[1]! },
  { regex: new RegExp(`^(第${NUMERAL}分编)\\s*(.*)$`), rank: 1, number: (m) => m[1]! },
  { regex: new RegExp(`^(第${NUMERAL}章)\\s*(.*)$`), rank: 2, number: (m) => m[1]! },
  { regex: new RegExp(`^(第${NUMERAL}节)\\s*(.*)$`), rank: 3, number: (m) => m[1]! },
  // Official documents (GB/T 9704): 一、 （一） 1． （1）.
  { regex: new RegExp(`^(${NUMERAL}[、．.])\\s*(.*)$`), rank: 4, number: (m) => m[1]!.replace(/[．.]$/, '、') },
  { regex: new RegExp(`^([（(]${NUMERAL}[）)])\\s*(.*)$`), rank: 5, number: (m) => fullWidthParens(m[1]!) },
  // GB/T 1.1 clauses and annexes: 5 / 5.1 / 5.1.1, 附录A, A.1.
  { regex: /^(附录)\s*([A-Z])(?![A-Za-z])\s*(.*)$/, rank: 11, number: (m) => `${m[1]}${m[2]}` },
  { regex: /^([A-Z](?:\.\d{1,3}){1,5})(?![.\d])\s*(.*)$/, rank: -1, number: (m) => m[1]! },
  // Word's default multilevel list writes 1.1. — the last dot is kept, as shown.
  { regex: /^(\d{1,3}(?:\.\d{1,3}){1,5}\.?)(?![.\d])\s*(.*)$/, rank: -1, number: (m) => m[1]! },
  { regex: /^(\d{1,3}\.?)(?![.\d、．)）])\s+(.*)$/, rank: 11, styledOnly: true, number: (m) => m[1]! },
  { regex: /^(\d{1,3}[、．])\s*(.*)$/, rank: 6, number: (m) => m[1]!.replace('．', '、') },
  { regex: /^([（(]\d{1,3}[）)])\s*(.*)$/, rank: 7, number: (m) => fullWidthParens(m[1]!) },
];

export function matchHeadingNumber(text: string, styled: boolean): HeadingNumber | null {
  for (const pattern of patterns) {
    if (pattern.styledOnly && !styled) continue;
    const match = pattern.regex.exec(text);
    if (!match) continue;
    const number = pattern.number(match);
    // A clause's depth is its count of numbers: 5.1.1 sits below 5.1 below 5.
    const rank = pattern.rank >= 0 ? pattern.rank : 10 + number.replace(/\.$/, '').split('.').length;
    return { number, rest: match[match.length - 1]!, rank };
  }
  return null;
}

function fullWidthParens(text: string): string {
  return text.replace('(', '（').replace(')', '）');
}

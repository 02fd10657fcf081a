// "Common" characters, for telling a right decoding from a wrong one: the
// 3,755 level-1 hanzi of GB 2312 (the most frequent in Simplified text) and
// the 5,401 frequent hanzi of Big5 (A440–C67E, Traditional), plus the
// punctuation Chinese text is written with. A wrong guess (GBK bytes read as
// Big5, Big5 bytes read as GBK) lands mostly outside this set.

function decodeRange(encoding: string, leads: [number, number], trails: [number, number][]): string {
  const bytes: number[] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [from, to] of trails) for (let trail = from; trail <= to; trail++) bytes.push(lead, trail);
  }
  return new TextDecoder(encoding).decode(Uint8Array.from(bytes));
}

const gb2312Level1 = decodeRange('gbk', [0xb0, 0xd7], [[0xa1, 0xfe]]);
const big5Frequent = decodeRange(
  'big5',
  [0xa4, 0xc6],
  [
    [0x40, 0x7e],
    [0xa1, 0xfe],
  ],
);

function codes(text: string): Set<number> {
  const set = new Set<number>();
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x3400 && code !== 0xfffd) set.add(code);
  }
  return set;
}

// Judged per script: GBK's extension area holds traditional characters, and
// Cyrillic UTF-8 read as GBK lands there, so a GB reading counts only the
// simplified list and a Big5 reading only the traditional one.
const COMMON = { gb: codes(gb2312Level1), big5: codes(big5Frequent), any: codes(gb2312Level1 + big5Frequent) };
export type HanList = keyof typeof COMMON;

/** True for a frequent hanzi of the given list, or for punctuation that Chinese text uses. */
export function isCommonChinese(code: number, list: HanList = 'any'): boolean {
  if (COMMON[list].has(code)) return true;
  // CJK symbols and punctuation, full-width forms, general punctuation (“”…—).
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x2010 && code <= 0x206f);
}

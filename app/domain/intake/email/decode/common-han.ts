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
const big5Frequent = decodeRange('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]]);

const COMMON = new Set<number>();
for (const char of gb2312Level1 + big5Frequent) {
  const code = char.codePointAt(0)!;
  if (code >= 0x3400 && code !== 0xfffd) COMMON.add(code);
}

/** True for a frequent hanzi or for punctuation that Chinese text uses. */
export function isCommonChinese(code: number): boolean {
  if (COMMON.has(code)) return true;
  // CJK symbols and punctuation, full-width forms, general punctuation (“”…—).
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x2010 && code <= 0x206f);
}

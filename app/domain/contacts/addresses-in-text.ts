import { isBlank, isDigit, isLatinLetter, type ContactSpan } from './text-spans.ts';

// A postal address written without a label: 「我住在郑州市金水区文化路97号院3号楼2单元501室」.
// What marks one is a house number right after a road, street, lane or
// village name (路/街/道/巷/弄/村/里/胡同 + digits + 号/弄/栋/幢/单元/室/楼/层/组/院/座),
// then any further unit numbers. The road name (back to the district, a
// punctuation mark or eight characters) and the numbers are masked; the
// province, city and district stay: they say where, not who.
// Not matched, by design: a bare 「1号楼」 or 「3单元」 (no road before it), a
// document number 「国办发〔2021〕12号」, a metro line 「2号线」, roads without
// a number 「人民路与建设路交叉口」. Linear: each digit run is visited once,
// looking back at most ROAD_NAME characters and forward while units follow.

const ROAD_ENDS = new Set(['路', '街', '道', '巷', '弄', '村', '里', '同']);
const UNIT_CHARS = new Set(['号', '弄', '栋', '幢', '室', '楼', '层', '组', '院', '座', '舍']);
// After 号, these make it something other than a house: a line, a document, an order.
const NOT_HOUSE_AFTER_HAO = new Set(['线', '文', '令', '字', '件', '公', '令']);
// Where a road name starts: after the district, town or a mark.
const AREA_ENDS = new Set(['省', '市', '区', '县', '镇', '乡', '州', '旗']);
const ROAD_NAME = 8;

const isHan = (c: string | undefined) => c !== undefined && c >= '\u4e00' && c <= '\u9fff';

export function addressSpans(text: string): ContactSpan[] {
  const spans: ContactSpan[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i]) || isDigit(text[i - 1])) {
      i += 1;
      continue;
    }
    let before = i - 1;
    while (before >= 0 && isBlank(text[before])) before -= 1;
    const roadEnd = text[before];
    if (!ROAD_ENDS.has(roadEnd!) || !isHan(text[before - 1])) {
      i += 1;
      continue;
    }
    const end = unitsEnd(text, i);
    if (end === undefined) {
      i += 1;
      continue;
    }
    const start = roadStart(text, before);
    spans.push({ start, end, kind: 'address', masked: `${text[start]}***` });
    i = end;
  }
  return spans;
}

/** Where the house number and the units after it end, or undefined when the digits are not a house number. */
function unitsEnd(text: string, from: number): number | undefined {
  let at = from;
  let units = 0;
  for (;;) {
    let j = at;
    while (j < text.length && (isDigit(text[j]) || (j > at && text[j] === '-'))) j += 1;
    // 「A座」「B1层」: a letter may lead a unit.
    if (j === at && isLatinLetter(text[j])) j += 1;
    if (j === at) break;
    while (isBlank(text[j])) j += 1;
    const unit = text.startsWith('单元', j) ? 2 : UNIT_CHARS.has(text[j]!) ? 1 : 0;
    if (unit === 0) {
      // Trailing digits of a room written without 室 («8栋402») belong to the address.
      if (units > 0 && isDigit(text[at])) return j;
      break;
    }
    if (text[j] === '号' && NOT_HOUSE_AFTER_HAO.has(text[j + 1]!)) return units > 0 ? at : undefined;
    units += 1;
    at = j + unit;
    // 「号院」「号楼」: a unit word right after a unit.
    while (UNIT_CHARS.has(text[at]!) || text.startsWith('单元', at)) at += text.startsWith('单元', at) ? 2 : 1;
    while (isBlank(text[at])) at += 1;
  }
  return units > 0 ? trimEnd(text, at) : undefined;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && isBlank(text[e - 1])) e -= 1;
  return e;
}

/** The road name's first character: back over Han characters to a district, town or mark. */
function roadStart(text: string, roadEnd: number): number {
  let start = roadEnd;
  while (start > 0 && roadEnd - start < ROAD_NAME && isHan(text[start - 1]) && !AREA_ENDS.has(text[start - 1]!))
    start -= 1;
  return start;
}

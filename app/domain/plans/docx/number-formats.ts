// Renders one counter the way Word shows it for a w:numFmt. Formats not listed
// here fall back to Arabic digits (the number stays readable).
const DIGITS = '〇一二三四五六七八九';
const CAPITAL = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function formatCounter(value: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'bullet':
      return '';
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerLetter':
      return letters(value);
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(value, DIGITS.replace('〇', '零'));
    case 'chineseLegalSimplified':
      return chineseCounting(value, CAPITAL, '拾', '佰');
    case 'ideographDigital':
      return [...String(value)].map((d) => DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(value - 1) % 10] ?? String(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[value - 1] ?? String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(value)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    default:
      return String(value);
  }
}

// 1 → A, 26 → Z, 27 → AA (Word repeats the letter).
function letters(value: number): string {
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [n, s] of table) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

// 十一, not 一十一; 二十, 一百零五 — how Chinese documents count chapters and items.
export function chineseCounting(value: number, digits = '零一二三四五六七八九', ten = '十', hundred = '百'): string {
  if (value <= 0 || value >= 1000) return String(value);
  const h = Math.floor(value / 100);
  const t = Math.floor((value % 100) / 10);
  const u = value % 10;
  let out = h ? `${digits[h]}${hundred}` : '';
  if (t) out += `${h || t > 1 ? digits[t] : ''}${ten}`;
  else if (h && u) out += digits[0];
  if (u) out += digits[u];
  return out;
}

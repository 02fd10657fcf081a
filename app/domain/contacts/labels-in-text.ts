import { maskEmail, maskName, maskPhone, maskUnit } from './mask.ts';
import { isBlank, isDigit, isLatinLetter, isLineBreak, linesOf, type ContactSpan } from './text-spans.ts';

// Labelled contact details anywhere in a text: 「姓名：张三」, 「电话 88889999」,
// 「联系人：李四，手机/微信：138…」, and quoted mail headers at the start of a
// line (「From: 张三 <zhang@…>」, 「> 发件人：…」). The value runs to the end of
// the line, a clause mark (，；。|), a tab or two blanks, or the next label.

type Field = 'name' | 'unit' | 'maybe_unit' | 'phone' | 'email' | 'id' | 'im' | 'address' | 'contact' | 'sender';

const LABELS: [string, Field][] = [
  ...(['姓名', '名字', '署名', '签名', '联系人', '建议人', '提议人', '投稿人', '反映人', 'Name'] as const).map(
    (l) => [l, 'name'] as [string, Field],
  ),
  ...[
    '工作单位',
    '所在单位',
    '单位名称',
    '单位及职务',
    '工作单位及职务',
    'Organization',
    'Organisation',
    'Company',
  ].map((l) => [l, 'unit'] as [string, Field]),
  // 「单位：万元」 heads every table of a plan: a bare 单位 counts only before an organisation's name.
  ['单位', 'maybe_unit'],
  ...[
    '联系电话',
    '手机号码',
    '手机号',
    '手机',
    '电话号码',
    '电话',
    '座机',
    '固话',
    '传真',
    '办公电话',
    'Tel',
    'Phone',
    'Mobile',
    'Fax',
  ].map((l) => [l, 'phone'] as [string, Field]),
  ...['电子邮箱', '电子邮件', '邮箱', '电邮', '邮件地址', 'E-mail', 'Email'].map(
    (l) => [l, 'email'] as [string, Field],
  ),
  // Student and staff numbers identify a person at a university as surely as an ID number.
  ...['身份证号码', '身份证号', '身份证', '证件号码', '证件号', '学号', '工号', '学生证号'].map(
    (l) => [l, 'id'] as [string, Field],
  ),
  ...['QQ号', 'QQ', '微信号', '微信', 'WeChat'].map((l) => [l, 'im'] as [string, Field]),
  ...['通讯地址', '联系地址', '家庭住址', '住址', '地址', 'Address'].map((l) => [l, 'address'] as [string, Field]),
  ...['联系方式', '联系信息', 'Contact'].map((l) => [l, 'contact'] as [string, Field]),
  ...['From', 'Sender', 'Reply-To', 'To', 'Cc', '发件人', '寄件人', '寄件者', '收件人', '抄送', '抄送人'].map(
    (l) => [l, 'sender'] as [string, Field],
  ),
];
// Longest first, grouped by first character: at most a handful of comparisons per position.
const BY_FIRST = new Map<string, [string, Field][]>();
for (const label of [...LABELS].sort((a, b) => b[0].length - a[0].length)) {
  const key = label[0][0]!.toLowerCase();
  BY_FIRST.set(key, [...(BY_FIRST.get(key) ?? []), label]);
}
const ORGANISATION =
  /大学|学院|学校|中学|小学|公司|集团|银行|医院|中心|协会|学会|委员会|局|厅|委|院|所|办|处|科|街道|社区|村/;
const STOPS = new Set(['，', ',', '；', ';', '。', '|', '\t']);
const MAX_VALUE = 80;

/** The label starting at `at`, if any: the longest one, whole-word for Latin labels. */
function labelAt(text: string, at: number): [string, Field] | undefined {
  const candidates = BY_FIRST.get(text[at]?.toLowerCase() ?? '');
  if (!candidates) return undefined;
  for (const label of candidates) {
    const word = label[0];
    if (text.slice(at, at + word.length).toLowerCase() !== word.toLowerCase()) continue;
    if (isLatinLetter(word[0]) && (isLatinLetter(text[at - 1]) || isLatinLetter(text[at + word.length]))) continue;
    return label;
  }
  return undefined;
}

/**
 * The line a mail client writes above a quoted reply names its author:
 * 「张三 <zhang@…> 于2026年12月1日 写道：」, 「Alistair Riddell 寫道：」,
 * 「On Mon, 8 Oct 2001 raid@… wrote:」. Masked as a name, whole; a line that
 * names only the reader (「在 … 您写道：」) stays.
 */
export function attributionSpans(text: string): ContactSpan[] {
  const spans: ContactSpan[] = [];
  for (const { start, end } of linesOf(text)) {
    let to = end;
    while (to > start && isBlank(text[to - 1])) to -= 1;
    const marker = ATTRIBUTION_MARKERS.find((m) => text.slice(Math.max(start, to - m.length), to).toLowerCase() === m);
    if (!marker) continue;
    let from = start;
    while (from < to && (isBlank(text[from]) || text[from] === '>')) from += 1;
    const author = text.slice(from, to - marker.length).trim();
    if (!author || author.includes('您') || /\byou\b/i.test(author)) continue;
    spans.push({ start: from, end: to - marker.length, kind: 'sender', masked: maskName(author) + ' ' });
  }
  return spans;
}

const ATTRIBUTION_MARKERS = ['写道：', '写道:', '寫道：', '寫道:', 'wrote:'];

export function labelledSpans(text: string): ContactSpan[] {
  const spans: ContactSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const found = labelledValueAt(text, i);
    if (!found) {
      i += 1;
      continue;
    }
    if (found.span) spans.push(found.span);
    i = found.next;
  }
  return spans;
}

function labelledValueAt(text: string, at: number): { span?: ContactSpan; next: number } | undefined {
  let label = labelAt(text, at);
  if (!label) return undefined;
  let field = label[1];
  if (field === 'sender' && !atLineStart(text, at)) return undefined;
  let i = at + label[0].length;
  // 「手机/微信：」: one value for several labels, masked whole unless they are all of one kind.
  while ((text[i] === '/' || text[i] === '、') && labelAt(text, i + 1)) {
    label = labelAt(text, i + 1)!;
    if (label[1] !== field) field = 'contact';
    i += 1 + label[0].length;
  }
  while (isBlank(text[i])) i += 1;
  const colon = text[i] === ':' || text[i] === '：';
  // Without a colon, only a number right after a phone, ID or IM label is a value (「电话 88889999」).
  if (!colon && !((field === 'phone' || field === 'id' || field === 'im') && isDigit(text[i]))) return undefined;
  if (colon) i += 1;
  while (isBlank(text[i])) i += 1;
  const start = i;
  let end = i;
  // A phone number ends where its digits do (「手机 138 1234 5678 谢谢」); so does an ID or IM number given
  // without a colon. After a colon an ID may hold letters (「工号：T2009087」).
  const numeric = field === 'phone' || ((field === 'id' || field === 'im') && !colon);
  while (end < text.length && end - start < MAX_VALUE && !isLineBreak(text[end]) && !STOPS.has(text[end]!)) {
    if (isBlank(text[end]) && (isBlank(text[end + 1]) || labelAfterBlanks(text, end))) break;
    if (numeric && !isNumberChar(text[end]!)) break;
    end += 1;
  }
  while (end > start && isBlank(text[end - 1])) end -= 1;
  // 「（联系电话 0371-63912345）」: the closing bracket is not part of the number.
  if (numeric)
    while (end > start && !isDigit(text[end - 1]) && text[end - 1] !== 'X' && text[end - 1] !== 'x') end -= 1;
  const value = text.slice(start, end);
  const masked = value ? maskValue(field, value) : undefined;
  return {
    span: masked === undefined ? undefined : { start, end, kind: field === 'sender' ? 'sender' : 'labelled', masked },
    next: Math.max(end, at + 1),
  };
}

const isNumberChar = (c: string) => isDigit(c) || isBlank(c) || '-+()（）Xx\uff0d'.includes(c);

function labelAfterBlanks(text: string, at: number): boolean {
  let i = at;
  while (isBlank(text[i])) i += 1;
  return labelAt(text, i) !== undefined;
}

// Quoted headers are taken only at the start of a line (after quote marks), not "to:" in a sentence.
function atLineStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (isBlank(text[i]) || text[i] === '>' || text[i] === '*')) i -= 1;
  return i < 0 || isLineBreak(text[i]);
}

function maskValue(field: Field, value: string): string | undefined {
  switch (field) {
    case 'name':
      return maskName(value);
    case 'unit':
    case 'address':
      return maskUnit(value);
    case 'maybe_unit':
      return ORGANISATION.test(value) ? maskUnit(value) : undefined;
    case 'phone':
      return [...value].some(isDigit) ? maskPhone(value) || '***' : undefined;
    case 'email':
      return value.includes('@') ? maskEmail(value) : '***';
    case 'id':
      return '*'.repeat(Math.min(18, value.length));
    case 'im':
    case 'contact':
      return '***';
    case 'sender':
      return maskSender(value);
  }
}

// 「张三 <zhang@example.com>」, 「"张三"[mailto:zhang@…]」, a bare address or a bare name.
function maskSender(value: string): string {
  const at = value.indexOf('@');
  const open = [value.indexOf('<'), value.indexOf('['), value.indexOf('(')].filter((k) => k >= 0);
  const displayEnd = open.length > 0 ? Math.min(...open) : at >= 0 ? 0 : value.length;
  const display = value
    .slice(0, displayEnd)
    .replace(/["'“”]/g, '')
    .trim();
  const address =
    at >= 0
      ? maskEmail(
          value
            .slice(displayEnd)
            .replace(/^[<[(]|[>\])]$/g, '')
            .replace(/^mailto:/i, '')
            .trim(),
        )
      : '';
  return [display && maskName(display), address && `<${address}>`].filter(Boolean).join(' ');
}

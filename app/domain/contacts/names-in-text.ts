import { maskName } from './mask.ts';
import { isBlank, isLineBreak, type ContactSpan } from './text-spans.ts';

// A name given in prose, without a label: 「本人王建国，」「我是李晓梅，」「我叫张伟，」
// 「联系人 赵丽华」, and a short line at the end signed with a role
// (「陈志强老师」「——周敏女士」). A candidate is a common surname (single or
// compound) and one to three more Han characters, ending at a mark, a blank,
// the end, or a role word; characters that do not occur in given names
// (numbers, 学/生/院/校/级…) reject it, so 「我是一名学生」「本人认为」 stay.
// Limit (named in decision 057): a name with no cue at all («王建国建议…»)
// cannot be told from other words by rules.

const CUES = ['本人', '我是', '我叫', '联系人'];
const ROLES = ['同学', '老师', '先生', '女士', '教授', '博士'];
// The most common Chinese surnames, without those that are also everyday
// words at the start of a phrase (和, 向, 时, 全, 应, 成, 解, 常, 文, 明, 安, 路, 万, 于, 同, 高).
const SURNAMES = new Set(
  [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞柳甘祝包宁符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍喻祁蒲房滕屈饶牟艾尤穆卓缪褚娄窦戚岑景宫费卜冷晏席卫柏宗瞿桂佟臧闵苟邬卞姬栾隋刁巫寇桑郎甄丛仲虞敖巩佘池邝',
  ].filter((c) => c.trim()),
);
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '司徒',
  '夏侯',
  '西门',
  '长孙',
  '宇文',
];
// Characters that end a name or show the run is not one.
const NOT_IN_NAMES = new Set([
  ...'一二三四五六七八九十学生院校级部处系班年人们的是在了和与及对从来向也都就认为想要把被这那个名位些同意议觉得代表退休职工',
]);
const MAX_NAME = 4;
const SIGNATURE_LINES = 3;

const isHan = (c: string | undefined) => c !== undefined && c >= '\u4e00' && c <= '\u9fff';

export function nameSpans(text: string): ContactSpan[] {
  const spans: ContactSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    // Every cue starts with one of three characters: the common case costs one comparison.
    const first = text[i];
    if (first !== '本' && first !== '我' && first !== '联') continue;
    const cue = CUES.find((c) => text.startsWith(c, i));
    if (!cue) continue;
    let from = i + cue.length;
    while (isBlank(text[from]) || text[from] === '：' || text[from] === ':') from += 1;
    const end = nameEnd(text, from);
    if (end !== undefined) {
      spans.push({ start: from, end, kind: 'name', masked: maskName(text.slice(from, end)) });
      i = end - 1;
    }
  }
  return [...spans, ...signedLines(text, spans)].sort((a, b) => a.start - b.start);
}

/** Where a name that starts at `from` ends, or undefined when none starts there. */
function nameEnd(text: string, from: number): number | undefined {
  const compound = COMPOUND_SURNAMES.some((s) => text.startsWith(s, from));
  if (!compound && !SURNAMES.has(text[from]!)) return undefined;
  let end = from + (compound ? 2 : 1);
  while (end - from < MAX_NAME && isHan(text[end]) && !ROLES.some((r) => text.startsWith(r, end))) {
    if (NOT_IN_NAMES.has(text[end]!)) return undefined;
    end += 1;
  }
  if (end - from < 2) return undefined;
  const next = text[end];
  const ended = next === undefined || !isHan(next) || ROLES.some((r) => text.startsWith(r, end));
  return ended ? end : undefined;
}

// 「陈志强老师」「——周敏女士」 as one of the last lines: a signature with no closing.
function signedLines(text: string, found: ContactSpan[]): ContactSpan[] {
  const spans: ContactSpan[] = [];
  for (const { start, end } of lastLines(text, SIGNATURE_LINES)) {
    let from = start;
    while (from < end && (isBlank(text[from]) || text[from] === '—' || text[from] === '-')) from += 1;
    const dashed = from > start && text.slice(start, from).includes('—');
    const nameTo = nameEnd(text, from);
    if (nameTo === undefined || found.some((s) => s.start === from)) continue;
    const role = ROLES.find((r) => text.startsWith(r, nameTo));
    let rest = nameTo + (role?.length ?? 0);
    while (rest < end && (isBlank(text[rest]) || '，。！,.!'.includes(text[rest]!))) rest += 1;
    if (rest !== end || (!role && !dashed)) continue;
    spans.push({ start: from, end: nameTo, kind: 'name', masked: maskName(text.slice(from, nameTo)) });
  }
  return spans;
}

/** The last `count` lines that are not blank, read backwards from the end: a long text costs nothing more. */
function lastLines(text: string, count: number): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let end = text.length;
  while (end > 0 && lines.length < count) {
    let start = end;
    while (start > 0 && !isLineBreak(text[start - 1])) start -= 1;
    let blank = true;
    for (let k = start; k < end && blank; k++) if (!isBlank(text[k])) blank = false;
    if (!blank) lines.unshift({ start, end });
    end = start - 1;
    // A CRLF's \r belongs to the break, not to the line before it.
    if (end > 0 && text[end] === '\n' && text[end - 1] === '\r') end -= 1;
  }
  return lines;
}

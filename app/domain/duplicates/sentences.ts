import { taggedTokens } from '../search/segment.ts';
import { ACTION_CONCEPTS, fold } from './synonyms.ts';

// A letter as sentence alignment sees it (decision 031): its sentences, each
// as the set of its folded content words, its stance (for, against, none), and
// its actions (the verbs a stance is about).

/** -1: asks that something not happen; 1: asks for it; 0: says no stance. */
export type Stance = -1 | 0 | 1;
export type LetterSentence = { words: string[]; stance: Stance; actions: string[] };

// Sentence ends in normalized text (NFKC turns ！？； into !?;). A full stop is
// a sentence end only before a space or the end, so 3.5 stays one number.
const SENTENCE_END = /[。!?;\n]+|\.(?=\s|$)/u;

export function splitSentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

// Stance cues, longest first so that 不同意 is read as one cue, not as 同意.
// An odd number of "against" cues makes a sentence against (反对取消 asks to keep).
const AGAINST = [
  '没有必要',
  '无法接受',
  '不能接受',
  '不同意',
  '不赞成',
  '不支持',
  '不应该',
  '不应当',
  '没必要',
  '不应',
  '不该',
  '不要',
  '不能',
  '不宜',
  '不必',
  // 「改为校史馆，而不是拆除」 asks against the removal.
  '不是',
  '反对',
  '取消',
  '停止',
  '拒绝',
  '收回',
];
const FOR = ['支持', '赞成', '同意', '建议', '希望', '恳请', '应当', '应该', '必须', '尽快', '请', '应'];
const CUES = [...AGAINST.map((c) => ({ c, against: true })), ...FOR.map((c) => ({ c, against: false }))].sort(
  (a, b) => b.c.length - a.c.length,
);

// Words that carry no point of their own: function words, greetings and sign-offs, and the stance cues (read separately).
const STOP = new Set([
  ...'的 了 不 没 没有 和 与 及 是 在 我 我们 你 您 他 她 它 们 这 那 这样 也 都 就 还 要 把 被 让 对 对此 从 到 为 以 而 或 等 之 其 所 着 过 很 非常 更 最 一 个 一个 些 一些 大家 本人 听说 表示 坚决 强烈 格外 尤其 根本 完全 基本 本来 已经 可以 能 会 得 地 再 又 并 同时 此外 另外 如果 以后 之后 后 那里 这一 这个 一处 一份 比如 学校 我校 各位 领导 尊敬 您好 老师好 谢谢 以上 意见 参考 此致 敬礼 认真 研究 采纳 这么 做 即可 就够 够 只 只能 不得不 不如 与其 而是 而 不是 但 虽然 可 就是 为了'.split(
    ' ',
  ),
  ...AGAINST,
  ...FOR,
]);

// jieba's verb tags: a stance is about doing something (撤并, 恢复, 收取), and
// two sentences that only share the thing acted on (老图书馆) may ask
// different things about it without opposing each other.
const VERB_TAGS = new Set(['v', 'vn', 'vd', 'vi']);

function stanceOf(sentence: string, flips: number, imperative: boolean): Stance {
  let rest = sentence;
  let against = 0;
  let any = imperative;
  for (const { c, against: isAgainst } of CUES) {
    if (!rest.includes(c)) continue;
    const parts = rest.split(c);
    any = true;
    if (isAgainst) against += parts.length - 1;
    rest = parts.join('　');
  }
  if (!any) return 0;
  return (against + flips) % 2 === 1 ? -1 : 1;
}

/**
 * The sentences of an already normalized text (title first, on its own line),
 * with their folded content words and stance. A title that starts with a
 * verb and has no cue is an ask (「恢复校医院周末门诊」, 「保留北区食堂」).
 */
export function letterSentences(normalized: string): LetterSentence[] {
  const titled = !/^[^\n]*[。!?;]/.test(normalized);
  return splitSentences(normalized).flatMap((sentence, index) => {
    let flips = 0;
    const words = new Set<string>();
    const actions = new Set<string>();
    const tokens = taggedTokens(sentence);
    const imperative = titled && index === 0 && VERB_TAGS.has(tokens[0]?.tag ?? '');
    for (const { word, tag } of tokens) {
      if (STOP.has(word)) continue;
      const folded = fold(word);
      if (folded.flips) flips++;
      for (const w of folded.words) {
        words.add(w);
        if (VERB_TAGS.has(tag) || ACTION_CONCEPTS.has(w)) actions.add(w);
      }
    }
    const stance = stanceOf(sentence, flips, imperative);
    return words.size === 0 ? [] : [{ words: [...words], stance, actions: [...actions] }];
  });
}

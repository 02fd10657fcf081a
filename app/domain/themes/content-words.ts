import { queryTokens } from '../search/segment.ts';

// Content words for themes: jieba's precise tokens of two characters or more,
// without the words every suggestion uses (建议, 学校, 希望…). A theme made of
// 建议 + 学校 would gather everything and say nothing.

const STOPWORDS = new Set(
  (
    '建议 希望 学校 我们 他们 你们 大家 自己 一个 一些 这个 那个 这些 那些 没有 可以 就是 还是 但是 因为 所以 如果 ' +
    '以及 或者 并且 而且 对于 关于 进行 开展 加强 提高 提升 增加 推进 推动 完善 建立 建设 设立 实行 实施 落实 ' +
    '问题 情况 工作 方面 目前 现在 已经 非常 比较 很多 不少 太少 太多 每年 同学 同学们 老师们 领导 各位 尊敬 ' +
    '您好 谢谢 意见 规划 十四五 学生 时间 需要 应该 能够 不能 不够 不便 一下 一次 之一 之间 以上 以下 其中 ' +
    '作为 通过 根据 按照 为了 由于 还有 只有 只能 经常 不断 真正 切实 认真 积极 有效 相关 有关 一定 一直 本人 ' +
    '恳请 采纳 此致 敬礼 参考 研究 学院 老师 部分 不是 以后 一名 在读 详见 附件 面向 允许 开设 计划 听说 坚决 ' +
    '唯一 最有 一批 比较 特别 同时 其他 方式 一样 这样 那样 怎么 什么 为什么 多年 几年 今年 明年 去年 ' +
    '以来 之后 之前 以后 尽快 及时 不要 不会 觉得 认为 知道 看到 发现 出现 存在 造成 导致 影响'
  ).split(' '),
);

export function contentWords(normalized: string): string[] {
  return [
    ...new Set(
      queryTokens(normalized).filter((t) => [...t].length >= 2 && !/^[\p{N}\p{P}]+$/u.test(t) && !STOPWORDS.has(t)),
    ),
  ];
}

/** The sentences of a text (for a theme's representative sentence). */
export const sentencesOf = (text: string) =>
  (text.match(/[^。！？!?\n]+[。！？!?]?/g) ?? []).map((s) => s.trim()).filter(Boolean);

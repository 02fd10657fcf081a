// Synonym folding for sentence alignment (decision 031). A small hand-written
// table, not a public thesaurus: the 哈工大同义词词林扩展版 was considered, but
// its licence is unclear (distributed for research by HIT-SCIR) and its broad
// 「=」 groups fold words a moderator would keep apart. The table covers words
// of consultation letters in general (people, places of a campus, asking,
// keeping, closing); some entries were added while measuring the campaign
// corpus, so the measured recall is optimistic for other topics (named in
// decision 031). Every word maps to the first word of its group.

const GROUPS: string[][] = [
  ['学生', '同学', '同学们', '学子', '本科生', '大学生'],
  ['教职工', '职工', '老师', '老师们', '教师', '教工'],
  ['校友', '毕业生', '老校友'],
  ['就餐', '吃饭', '用餐', '三餐', '一日三餐', '吃'],
  ['夜宵', '宵夜'],
  ['早饭', '早餐'],
  ['步行', '走', '走路', '步行要', '路上'],
  ['冬天', '寒冬', '冬季', '冬天早上', '雨雪', '雨天', '下雨', '下雪'],
  ['不便', '不方便', '辛苦', '难受', '困难', '不易'],
  ['翻新', '改造', '装修', '升级', '修缮', '翻修', '改造一新', '改建'],
  ['考研', '备考'],
  ['自习', '晚自习'],
  ['居住', '住着', '住', '住了', '住在'],
  ['唯一', '只有', '仅有'],
  ['去处', '地方', '场所'],
  ['历史', '古老', '年代', '历史悠久'],
  ['记忆', '回忆', '见证', '象征'],
  ['校史馆', '校史陈列馆', '校史展览馆', '校史'],
  ['阅览', '阅读', '自习室', '阅览室'],
  ['综合楼', '综合大楼'],
  ['空地', '场地'],
  ['选址', '地址', '位置'],
  ['周末', '双休日', '周六', '周日', '周六周日'],
  ['门诊', '坐诊', '看病', '就医', '就诊', '看急诊'],
  ['恢复', '重新'],
  ['停诊', '不开门', '关门'],
  ['市区', '市里', '城里'],
  ['生病', '发烧', '生了病'],
  ['家属', '老人', '小孩'],
  ['轮班', '值班', '轮值', '排班', '轮流', '轮休'],
  ['收取', '收', '交', '承担', '缴纳', '收费'],
  ['机动车', '车辆', '汽车', '车', '开车', '驾车'],
  ['上班', '工作', '上课'],
  ['不合理', '说不过去', '不公平'],
  ['郊区', '偏远', '离市区远'],
  ['公交', '地铁', '公共交通'],
  ['削减', '压缩', '减少'],
  ['建制', '独立建制'],
  ['接受', '容忍'],
  ['计划', '方案', '规划', '打算'],
];

// Words that say "close or remove it" and words that say "keep it": folded to
// one concept, the keeping words with their polarity flipped, so that
// 「请保留北区食堂」 and 「反对撤并北区食堂」 align and agree.
const REMOVE = ['撤并', '合并', '并入', '并到', '撤销', '关闭', '撤掉', '撤', '拆除', '拆掉', '拆', '撤并掉', '合并掉'];
const KEEP = ['保留', '保住', '保存', '保护', '留下'];
export const REMOVE_CONCEPT = '撤并';
/** Folded words that are actions whatever jieba tags them (收费 is tagged a noun). */
export const ACTION_CONCEPTS = new Set([REMOVE_CONCEPT, '收取', '恢复', '翻新', '削减']);

const canonical = new Map<string, string>();
for (const group of GROUPS) for (const word of group) canonical.set(word, group[0]!);
for (const word of REMOVE) canonical.set(word, REMOVE_CONCEPT);

// Compounds that say two points at once: 停车费 is parking and paying.
const COMPOUNDS = new Map<string, string[]>([
  ['停车费', ['停车', '收取']],
  ['停车费用', ['停车', '收取']],
  ['停车收费', ['停车', '收取']],
]);

/** The words a token folds to, and whether it flips the sentence's stance (a "keep" word). */
export function fold(token: string): { words: string[]; flips: boolean } {
  if (KEEP.includes(token)) return { words: [REMOVE_CONCEPT], flips: true };
  return { words: COMPOUNDS.get(token) ?? [canonical.get(token) ?? token], flips: false };
}

// Synthetic suggestion text for the bench corpus: deterministic per row (a
// seeded PRNG), so the seeder can regenerate a row instead of holding a
// million texts in memory. Phrases are the vocabulary of a university's
// 「十四五」 call for suggestions; about 5% of texts are in Traditional script
// (as from Hong Kong, Macao and Taiwan alumni), lengths run from 20 to 3,000
// characters with most below 400, as in the evaluation set.

export function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export type Random = ReturnType<typeof prng>;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const SIMPLIFIED = [
  '建议学校进一步完善本科生培养方案，增加实践教学的学分比例',
  '图书馆自习座位长期不足，期末期间尤其紧张，希望延长开放时间',
  '食堂饭菜价格上涨较快，建议增加平价窗口并公开成本核算',
  '研究生宿舍热水供应不稳定，冬季经常中断，影响正常生活',
  '校园网在晚高峰时段速度很慢，建议扩容出口带宽并改善无线覆盖',
  '青年教师科研启动经费偏少，职称评审对教学工作的认可度不够',
  '建议加强与地方企业的合作，共建产业学院和联合培养基地',
  '一网通办系统的审批流程仍然繁琐，很多事项需要线下重复提交材料',
  '实验室设备老化，维护经费不足，希望纳入十四五基建规划统筹解决',
  '建议扩大国际交流项目规模，为本科生提供更多短期出国访学机会',
  '停车位严重不足，建议在新校区规划立体停车场并实行错峰收费',
  '学科专业设置应当对接国家战略需求，适当压缩就业率偏低的专业',
  '希望学校重视心理健康教育，增加专职心理咨询师的配备数量',
  '继续教育和社会培训是服务地方的重要途径，建议给予政策支持',
  '考核评价体系过于看重论文数量，建议推行代表作评价制度',
  '后勤服务社会化改革后快递点管理混乱，希望统一规划收发场所',
  '绿化养护应当注重生态效益，减少不必要的草坪更换和景观工程',
  '建议设立本科生科研训练专项，鼓励低年级学生进入实验室',
  '博士点和硕士点建设需要更多高水平师资，人才引进政策应更灵活',
  '校医院医疗服务时间太短，夜间急诊需要去市区，非常不方便',
  '建议推进管理体制改革，向学院放权，减少职能部门的重复检查',
  '数字化校园建设要保护师生个人信息，不能随意采集人脸数据',
  '辅修和双学位的课程安排经常冲突，希望教务系统能够统筹排课',
  '科技成果转化收益分配比例应当向科研团队倾斜，激发创新活力',
];
const TRADITIONAL = [
  '建議學校進一步完善本科生培養方案，增加實踐教學的學分比例',
  '圖書館自習座位長期不足，期末期間尤其緊張，希望延長開放時間',
  '校園網在晚高峰時段速度很慢，建議擴容出口帶寬並改善無線覆蓋',
  '青年教師科研啟動經費偏少，職稱評審對教學工作的認可度不夠',
  '建議擴大國際交流項目規模，為本科生提供更多短期出國訪學機會',
  '校友會希望學校加強與港澳台高校的合作辦學和聯合培養',
];
const CONNECTIVES = ['。', '；', '，同时', '。另外，', '。我认为', '。具体而言，', '，并且', '。'];
const OPENERS = ['关于', '对', '针对', '建议改进', '有关'];
const TOPICS = [
  '实践教学',
  '图书馆开放时间',
  '食堂价格',
  '宿舍热水',
  '校园网',
  '青年教师',
  '产业学院',
  '一网通办',
  '实验室设备',
  '国际交流',
  '停车',
  '学科设置',
  '心理健康',
  '继续教育',
  '评价体系',
  '快递管理',
  '校园绿化',
  '本科生科研',
  '人才引进',
  '校医院',
  '管理体制',
  '个人信息保护',
  '辅修排课',
  '成果转化',
];

/** Length in characters: log-uniform-ish, most under 400, a few up to 3,000. */
export function bodyLength(random: Random): number {
  const r = random();
  if (r < 0.6) return 20 + Math.floor(random() * 180);
  if (r < 0.9) return 200 + Math.floor(random() * 600);
  return 800 + Math.floor(random() * 2200);
}

export function suggestionText(random: Random, traditional: boolean) {
  const phrases = traditional ? TRADITIONAL : SIMPLIFIED;
  const target = bodyLength(random);
  let body = pick(random, phrases);
  while ([...body].length < target) body += pick(random, CONNECTIVES) + pick(random, phrases);
  body = [...body].slice(0, target).join('') + '。';
  const title = `${pick(random, OPENERS)}${pick(random, TOPICS)}的建议`;
  return { title, body };
}

/** A campaign's copy: the template with a few words changed, as a signature drive produces. */
export function campaignCopy(random: Random, template: { title: string; body: string }) {
  const edits = ['我也支持', '强烈呼吁', '附议', '同意以上意见', '本人是2023级学生'];
  return {
    title: template.title,
    body: `${pick(random, edits)}：${template.body}${random() < 0.5 ? pick(random, edits) : ''}`,
  };
}

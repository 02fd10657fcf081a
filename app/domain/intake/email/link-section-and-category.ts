// Until the classifier exists (issue 8), suggest a category from keywords and
// link a section when the mail names exactly one (「第三章」, or a heading's words).

type Section = { id: number; number: string; heading: string };
type Category = { id: number; name: string };

// Words that point to the seed notice's ten topic areas beyond their names.
const KEYWORDS: Record<string, string[]> = {
  人才培养: ['课程', '教学', '培养方案', '辅修', '学分', '实践教学', '就业'],
  科学研究: ['科研', '论文', '课题', '实验室', '科技成果'],
  社会服务: ['服务地方', '成果转化', '继续教育', '培训'],
  学科专业建设: ['学科', '专业设置', '博士点', '硕士点', '一流专业'],
  师资队伍建设: ['师资', '教师', '人才引进', '职称', '青年教师'],
  校园建设: ['教学楼', '实验楼', '停车', '绿化', '基建'],
  信息化建设: ['信息化', '校园网', '网络', '数字化', '一网通办', '系统'],
  合作办学: ['合作', '国际交流', '企业', '联合培养', '产业学院'],
  后勤保障: ['后勤', '食堂', '宿舍', '热水', '暖气', '医疗', '快递'],
  综合改革: ['改革', '管理体制', '治理', '放权', '考核'],
};

function countOccurrences(text: string, word: string): number {
  return word ? text.split(word).length - 1 : 0;
}

export function suggestCategory(text: string, categories: Category[]): number | undefined {
  const scored = categories.map((category) => ({
    id: category.id,
    score: [category.name, ...(KEYWORDS[category.name] ?? [])].reduce((sum, word) => sum + countOccurrences(text, word), 0),
  }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  const winners = scored.filter((s) => s.score === best);
  return best > 0 && winners.length === 1 ? winners[0]!.id : undefined;
}

export function linkSection(text: string, sections: Section[]): number | undefined {
  const folded = text.normalize('NFKC');
  const matches = new Set<number>();
  for (const section of sections) {
    // Chapter numbers are unique in a plan; 「一、」 repeats in every chapter.
    const byNumber = /^第.+[章节篇]$/.test(section.number) && folded.includes(section.number);
    const byHeading = [...section.heading].length >= 4 && folded.includes(section.heading.normalize('NFKC'));
    if (byNumber || byHeading) matches.add(section.id);
  }
  return matches.size === 1 ? [...matches][0] : undefined;
}

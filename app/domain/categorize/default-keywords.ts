// Built-in keyword rules for the topic areas of a typical 「十四五」 call for
// suggestions, used for a plan whose admins have written no rules of their own
// (category_rules), matched by category name. Admin rules replace them.
export const DEFAULT_KEYWORDS: Record<string, string[]> = {
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

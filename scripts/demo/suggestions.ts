// Demo suggestions for the open consultation: a spread of channels, submitter
// types and decisions, so that triage, exports and the report have something
// to show. Every person here is fictional.

export type DemoSuggestion = {
  code: string;
  category: string;
  section?: string;
  title: string;
  body: string;
  channel: 'web' | 'email' | 'letter' | 'phone' | 'visit' | 'symposium';
  submitterType: string;
  contact: { name?: string; unit?: string; phone?: string; email?: string };
  status: 'received' | 'in_review' | 'adopted' | 'partially_adopted' | 'not_adopted';
  reason?: string;
  reply?: string;
  summary?: string;
  tags?: string[];
  /** 署名公开 only where the (fictional) submitter chose it; published summaries are 匿名公开 otherwise. */
  consent?: 'named' | 'anonymous';
  /** The submitter's satisfaction with the handling, as rated from /track. */
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  daysAgo: number;
};

export const demoSuggestions: DemoSuggestion[] = [
  {
    code: 'JY-DEM2-2A3B',
    category: '人才培养',
    section: '深化人才培养模式改革',
    title: '建议增设跨学科辅修专业',
    body: '建议在“十四五”期间增设人工智能与教育、数据科学等跨学科辅修专业，扩大学生的选择空间，并允许辅修学分计入毕业要求。',
    channel: 'web',
    submitterType: '在校学生',
    contact: { name: '陈思远', unit: '计算机学院 2022 级', email: 'chen.siyuan@example.edu.cn' },
    status: 'adopted',
    reason: '与新工科建设方向一致，已纳入第三章第一节。',
    reply: '感谢您的建议。规划修改稿已增加“建设 10 个左右跨学科辅修专业”的表述。',
    summary: '增设跨学科辅修专业，扩大学生选择空间。',
    tags: ['辅修', '新工科'],
    daysAgo: 6,
  },
  {
    code: 'JY-DEM2-4C5D',
    category: '师资队伍建设',
    section: '加强师资队伍建设',
    title: '青年教师科研启动经费应提高',
    body: '目前青年教师科研启动经费偏低，难以支撑实验室建设。建议按学科类别分档，理工科不低于 20 万元，并延长考核周期至 5 年。',
    channel: 'email',
    submitterType: '教职工',
    contact: { name: '刘海峰', unit: '物理与电子工程学院', email: 'liu.haifeng@example.edu.cn', phone: '13903761234' },
    status: 'partially_adopted',
    reason: '分档设置启动经费可行；考核周期延长至 5 年与现行人事制度冲突，暂不采纳。',
    reply: '规划已明确“按学科分类设置青年教师科研启动基金”，考核周期问题将在人事制度改革中研究。',
    summary: '按学科分档设置青年教师科研启动经费。',
    tags: ['青年教师', '科研经费'],
    daysAgo: 5,
  },
  {
    code: 'JY-DEM2-6E7F',
    category: '后勤保障',
    title: '食堂夜宵供应时间太短',
    body: '北区食堂夜宵只供应到晚上九点半，晚自习结束后很多同学吃不上饭，建议延长到十点半。',
    channel: 'web',
    submitterType: '在校学生',
    contact: { name: '王雨晴', unit: '文学院 2023 级', phone: '13812345678' },
    status: 'in_review',
    tags: ['食堂'],
    daysAgo: 4,
  },
  {
    code: 'JY-DEM2-8G9H',
    category: '信息化建设',
    section: '推进校园建设与信息化建设',
    title: '统一身份认证和“一网通办”',
    body: '各部门系统账号不统一，办事要登录多个平台。建议建设统一身份认证，所有事项在一个入口办理，并开放移动端。',
    channel: 'symposium',
    submitterType: '教职工',
    contact: { name: '赵敏', unit: '信息化办公室' },
    status: 'adopted',
    reason: '与智慧校园建设任务一致。',
    reply: '规划已将“统一身份认证、一网通办”列为重点任务。',
    summary: '建设统一身份认证和一网通办平台。',
    tags: ['智慧校园'],
    daysAgo: 3,
  },
  {
    code: 'JY-DEM2-JKMN',
    category: '校园建设',
    title: '建议新建地下停车场',
    body: '南门附近停车困难，建议在新建实验楼时同步建设地下停车场。',
    channel: 'phone',
    submitterType: '社会人士',
    contact: { name: '孙先生', phone: '0376-6391234' },
    status: 'not_adopted',
    reason: '该区域地质条件不适合建设地下停车场，校园总体规划已另行安排停车位。',
    reply: '感谢关注。经论证该地块不具备建设条件，学校将在北门新增地面停车位。',
    tags: ['停车'],
    daysAgo: 3,
  },
  {
    code: 'JY-DEM2-PQRS',
    category: '合作办学',
    title: '加强与地方企业的联合培养',
    body: '建议与本地龙头企业共建产业学院，开展订单式培养，毕业生留在本地就业。',
    channel: 'letter',
    submitterType: '校友',
    contact: { name: '周建国', unit: '南湖市某科技有限公司', phone: '13598765432' },
    status: 'received',
    daysAgo: 2,
  },
  {
    code: 'JY-DEM2-TVWX',
    category: '科学研究',
    section: '提升科学研究与创新能力',
    title: '完善科研评价办法',
    body: '建议减少论文数量考核，突出代表作和实际贡献；对基础研究给予更长的评价周期。',
    channel: 'visit',
    submitterType: '教职工',
    contact: { name: '吴教授', unit: '化学化工学院' },
    status: 'received',
    tags: ['科研评价'],
    daysAgo: 1,
  },
  {
    code: 'JY-DEM2-YZ23',
    category: '综合改革',
    title: '扩大学院办学自主权',
    body: '建议推进校院两级管理改革，下放人事、经费和招生等方面的自主权，激发学院活力。',
    channel: 'email',
    submitterType: '单位或团体',
    contact: { unit: '经济与管理学院党政联席会', email: 'jgxy@example.edu.cn' },
    status: 'received',
    daysAgo: 0,
  },
];

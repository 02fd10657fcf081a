// The closed consultation as a finished one looks: every suggestion decided
// and answered, the 采纳情况 published, a revised version whose changes cite
// the adopted suggestions, and ratings from submitters. Every person here is
// fictional; names are public only where the submitter chose 署名公开.
import type { DemoSuggestion } from './suggestions.ts';

export const campusSuggestions: DemoSuggestion[] = [
  {
    code: 'JY-CAM3-2B4D', category: '交通与停车', section: '交通组织',
    title: '地下停车场造价太高，建议改为地面停车', body: '规划在校门附近集中建设地下停车场，造价高、工期长，且南门一带地下水位较高。建议在北门和东门外侧设置地面停车场，把核心区留给步行和自行车。',
    channel: 'web', submitterType: '教职工', contact: { name: '郑卫东', unit: '土木工程学院', email: 'zheng.weidong@example.edu.cn' },
    status: 'adopted', reason: '经地质勘察，南门地块不宜建设地下车库；地面停车场可分期实施。', reply: '感谢您的建议。修订稿第三部分已改为“在北门和东门外侧设置地面停车场”。',
    summary: '以北门、东门外侧地面停车场替代校门附近地下停车场。', consent: 'named', rating: 'satisfied', daysAgo: 190,
  },
  {
    code: 'JY-CAM3-6F8H', category: '交通与停车', section: '交通组织',
    title: '教学楼旁增设自行车停车棚', body: '核心区以步行和自行车为主后，教学楼周边需要足够的自行车和电动车停车位，最好有顶棚和充电设施。',
    channel: 'email', submitterType: '在校学生', contact: { name: '林晓', unit: '机械工程学院 2020 级', email: 'lin.xiao@example.edu.cn' },
    status: 'partially_adopted', reason: '增设停车棚可行；充电设施涉及消防要求，另行研究。', reply: '修订稿已增加“结合教学楼建设设置非机动车停车棚”。电动车充电将按消防规定另行布置。',
    summary: '教学楼周边增设非机动车停车棚。', consent: 'anonymous', rating: 'basically_satisfied', daysAgo: 188,
  },
  {
    code: 'JY-CAM3-9K2M', category: '绿化与景观', section: '空间结构',
    title: '保留南湖湿地，增加东西向绿廊', body: '建议保留校园西侧的南湖湿地，不作建设用地，并沿湖增加一条东西向绿廊，连接生活区和教学区。',
    channel: 'symposium', submitterType: '教职工', contact: { name: '何静', unit: '生命科学学院' },
    status: 'adopted', reason: '与生态优先的规划原则一致。', reply: '修订稿空间结构中已增加“沿南湖形成东西向生态绿廊”。',
    summary: '保留南湖湿地并增加东西向生态绿廊。', consent: 'anonymous', daysAgo: 185,
  },
  {
    code: 'JY-CAM3-4P6R', category: '学生生活区', section: '空间结构',
    title: '新建学生宿舍应配独立卫浴', body: '北山校区新建宿舍建议按四人间、独立卫浴和阳台设计，同时预留洗衣房和自习室。',
    channel: 'letter', submitterType: '学生家长', contact: { name: '马女士', phone: '13707351122' },
    status: 'not_adopted', reason: '宿舍户型属于单体建筑设计，不在总体规划层面确定。', reply: '感谢关注。宿舍户型将在单体设计阶段征求学生意见，本规划不作规定。',
    rating: 'basically_satisfied', daysAgo: 182,
  },
  {
    code: 'JY-CAM3-7T9V', category: '教学科研用房', section: '规划范围与期限',
    title: '北山校区应预留科研用地', body: '北山校区的规划用地几乎全部用于教学和生活，建议预留 15 公顷左右的科研用地，用于建设重点实验室和中试基地。',
    channel: 'visit', submitterType: '教职工', contact: { name: '黄研究员', unit: '新材料研究院' },
    status: 'not_adopted', reason: '北山校区用地指标已全部落实，科研用地在南湖校区西区统筹安排。', reply: '科研用地已在南湖校区西区安排，不再在北山校区预留。',
    daysAgo: 180,
  },
];

/** The sections of the closed plan as revised after the consultation (version 2), and the adopted suggestions behind each change. */
export const campusRevisions: { heading: string; body: string; reason: string; codes: string[] }[] = [
  {
    heading: '空间结构',
    body: '形成“一轴两心四区”的空间结构：一条南北向校园文化轴，教学科研中心和生活服务中心，以及教学区、科研区、生活区和运动区。保留南湖湿地，沿南湖形成东西向生态绿廊，连接生活区和教学区。',
    reason: '采纳关于保留湿地、增加绿廊的意见。',
    codes: ['JY-CAM3-9K2M'],
  },
  {
    heading: '交通组织',
    body: '实行人车分流，外围设置环形车行道，核心区以步行和自行车交通为主；在北门和东门外侧设置地面停车场，结合教学楼建设设置非机动车停车棚。',
    reason: '南门地块不宜建设地下车库，改为地面停车场；增设非机动车停车棚。',
    codes: ['JY-CAM3-2B4D', 'JY-CAM3-6F8H'],
  },
];

// A form letter mailed in by several students with small edits of their own:
// the demo's open consultation shows how the queue groups such a campaign
// (批量雷同来信). Every person here is fictional.
import type { DemoSuggestion } from './suggestions.ts';

const letter = (opening: string, extra: string) =>
  `${opening}我们建议学校在“十四五”期间延长图书馆开放时间，考试周期间二十四小时开放自习区，并增加座位预约系统，杜绝占座现象。` +
  `目前图书馆晚上十点闭馆，期末复习时很多同学只能去教室或者宿舍走廊学习，条件很差。${extra}`;

const students = [
  {
    code: 'JY-TSG4-2C3D',
    name: '杨帆',
    unit: '数学学院 2022 级',
    opening: '尊敬的发展规划处老师：',
    extra: '',
    daysAgo: 6,
  },
  {
    code: 'JY-TSG4-4E5F',
    name: '徐佳怡',
    unit: '外国语学院 2023 级',
    opening: '老师您好：',
    extra: '希望学校认真考虑。',
    daysAgo: 5,
  },
  {
    code: 'JY-TSG4-6G7H',
    name: '黄子轩',
    unit: '土木工程学院 2021 级',
    opening: '尊敬的老师：',
    extra: '另外建议自习区增加插座。',
    daysAgo: 5,
  },
  { code: 'JY-TSG4-8J9K', name: '李欣然', unit: '新闻学院 2022 级', opening: '发展规划处：', extra: '', daysAgo: 4 },
  {
    code: 'JY-TSG4-MN2P',
    name: '张昊天',
    unit: '物理与电子工程学院 2023 级',
    opening: '尊敬的发展规划处老师：',
    extra: '谢谢！',
    daysAgo: 3,
  },
];

export const campaignLetters: DemoSuggestion[] = students.map((s) => ({
  code: s.code,
  category: '后勤保障',
  title: '关于延长图书馆开放时间的建议',
  body: letter(s.opening, s.extra),
  channel: 'email',
  submitterType: '在校学生',
  contact: { name: s.name, unit: s.unit, email: `${s.code.slice(3).toLowerCase()}@student.example.edu.cn` },
  status: 'received',
  daysAgo: s.daysAgo,
}));

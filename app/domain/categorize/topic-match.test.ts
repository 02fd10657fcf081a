import { expect, test } from 'vitest';
import { applyRules, builtInRules } from './apply-rules.ts';
import { areaForCategory, matchedEntries, textTokens } from './topic-match.ts';
import { CITY_AREAS, UNIVERSITY_AREAS } from './topic-areas.ts';
import { normalizeText } from '../text/normalize.ts';

const text = (title: string, body: string) => normalizeText(`${title}\n${body}`);

test('a plan category takes the words of the area its name stands for, exactly or by the longest name it contains', () => {
  expect(areaForCategory('后勤保障')).toBe(UNIVERSITY_AREAS.find((a) => a.names.includes('后勤保障')));
  expect(areaForCategory('国际交流与合作')).toBe(UNIVERSITY_AREAS.find((a) => a.names.includes('合作办学')));
  expect(areaForCategory('交通')).toBe(CITY_AREAS.find((a) => a.names.includes('交通出行')));
  expect(areaForCategory('宠物')).toBeUndefined();
});

test('a synonym counts as its entry and is shown with the word it stands for', () => {
  const found = matchedEntries(textTokens(text('饭堂', '二饭堂的饭菜太贵')), ['食堂|饭堂|饭菜', '宿舍']);
  expect(found.map((f) => f.label)).toEqual(['饭堂（食堂）']);
  expect(found[0]!.inTitle).toBe(true);
});

test('words match whole tokens: 论文 does not fire inside 毕业论文', () => {
  const tokens = textTokens(text('毕业论文', '毕业论文查重后简单改写'));
  expect(matchedEntries(tokens, ['论文'])).toEqual([]);
  expect(matchedEntries(tokens, ['毕业论文']).map((f) => f.label)).toEqual(['毕业论文']);
});

test('a word of several tokens matches as a run of tokens', () => {
  expect(matchedEntries(textTokens(text('住房', '建议多建保障性租赁住房')), ['保障性租赁住房'])).toHaveLength(1);
});

test('the built-in rules propose the category with the words that made it, in the order they occur', () => {
  const rules = builtInRules([
    { id: 1, name: '后勤保障' },
    { id: 2, name: '信息化建设' },
  ]);
  const result = applyRules(rules, text('食堂和宿舍', '北区食堂饭菜太贵，宿舍没有空调，校园网也很慢。'));
  expect(result.category?.id).toBe(1);
  expect(result.category?.words).toEqual(['食堂', '宿舍', '空调']);
});

test('a tie goes to the category whose words come first; nothing matched proposes nothing', () => {
  const rules = builtInRules([
    { id: 1, name: '后勤保障' },
    { id: 2, name: '信息化建设' },
  ]);
  expect(applyRules(rules, text('意见', '校园网太慢，食堂太贵。')).category?.id).toBe(2);
  expect(applyRules(rules, text('意见', '希望学校越办越好。')).category).toBeUndefined();
});

test('Traditional script is matched after normalization', () => {
  const rules = builtInRules([
    { id: 1, name: '师资队伍建设' },
    { id: 2, name: '后勤保障' },
  ]);
  expect(applyRules(rules, text('師資', '青年教師的職稱評審太難')).category?.id).toBe(1);
});

test('a longer word of the same list counts for the shorter words inside it, not for another list', () => {
  const tokens = textTokens(text('青年教师', '加强青年教师培养'));
  expect(matchedEntries(tokens, ['教师|老师', '青年教师']).map((f) => f.label)).toEqual(['教师', '青年教师']);
  expect(matchedEntries(tokens, ['教师|老师'])).toEqual([]);
});

import { expect, test } from 'vitest';
import { normalizeText } from '../text/normalize.ts';
import { alignLetters, linksBySentences } from './align.ts';
import { letterSentences, splitSentences } from './sentences.ts';

// Equal weights: what alignment does before a plan has letters to weigh words by.
const flat = () => 1;
const letter = (title: string, body: string) => letterSentences(normalizeText(`${title}\n${body}`));

test('sentences end at 。！？； and line breaks, and a decimal point is not an end', () => {
  expect(splitSentences(normalizeText('第一句。第二句！第三句？\n经费增加3.5倍. 最后'))).toEqual([
    '第一句',
    '第二句',
    '第三句',
    '经费增加3.5倍',
    '最后',
  ]);
});

test('stance: against cues, 不同意 read as one cue, a keep word flipping the ask', () => {
  const [against, notAgree, keep, none] = letterSentences(
    normalizeText('我们坚决反对撤并北区食堂。我们不同意合并北区食堂。建议保留北区食堂。北区住着六千多名学生。'),
  );
  expect(against!.stance).toBe(-1);
  expect(notAgree!.stance).toBe(-1);
  // 保留 is "not removing": the same ask as 反对撤并.
  expect(keep!.stance).toBe(-1);
  expect(keep!.words).toContain('撤并');
  expect(none!.stance).toBe(0);
});

test('a paraphrased copy, with other words for each point, links by sentences', () => {
  const a = letter(
    '反对撤并北区食堂',
    '我们坚决反对学校在新规划中撤并北区食堂。北区住着六千多名学生，北区食堂是大家吃早饭和夜宵的唯一去处。撤并以后同学们要步行二十分钟去南区就餐，冬天非常不便。',
  );
  const b = letter(
    '保留北区食堂',
    '六千多名住在北区的学生，一日三餐基本都在北区食堂解决。去南区吃饭单程就要二十分钟，寒冬和雨天格外辛苦。恳请学校不要撤并北区食堂。',
  );
  const alignment = alignLetters(a, b, flat);
  expect(alignment.conflicts).toBe(0);
  expect(linksBySentences(alignment)).toBe(true);
});

test('an opposing letter reusing the campaign words does not link', () => {
  const campaign = letter(
    '反对撤并北区食堂',
    '我们坚决反对学校在新规划中撤并北区食堂。北区住着六千多名学生，北区食堂是大家吃早饭和夜宵的唯一去处。撤并以后同学们要步行二十分钟去南区就餐，冬天非常不便。',
  );
  const opposing = letter(
    '支持撤并北区食堂',
    '我们支持学校在新规划中撤并北区食堂。北区住着六千多名学生，北区食堂设施老化。南区新食堂条件好，步行二十分钟去南区就餐也可以接受。',
  );
  const alignment = alignLetters(campaign, opposing, flat);
  expect(alignment.aligned).toBeGreaterThanOrEqual(2);
  expect(alignment.conflicts).toBeGreaterThan(0);
  expect(linksBySentences(alignment)).toBe(false);
});

test('a copy adding a request about the same building is not an opposing letter', () => {
  const a = letter('反对拆除老图书馆', '我反对在规划中拆除老图书馆改建综合大楼。老图书馆是学校最有历史的建筑。');
  const b = letter(
    '请保留老图书馆',
    '听说学校准备拆掉老图书馆盖综合楼，我们无法接受。老图书馆见证了学校七十年的发展。建议同时整理一份老图书馆的口述校史。',
  );
  expect(alignLetters(a, b, flat).conflicts).toBe(0);
});

test('letters on the same topic asking different things do not link', () => {
  const a = letter(
    '北区食堂饭菜价格',
    '北区食堂这学期饭菜价格上涨明显。建议学校对北区食堂的价格进行监管，增加平价窗口。',
  );
  const b = letter(
    '北区食堂卫生',
    '北区食堂的餐桌经常没人擦，地面油腻。建议后勤处加强北区食堂的卫生检查，并公布检查结果。',
  );
  expect(linksBySentences(alignLetters(a, b, flat))).toBe(false);
});

test('two letters with as many sentences each are judged the same whichever is passed first', () => {
  // The same first sentence; second sentences that share nothing, one long and one short.
  const long = [
    { words: ['图书馆', '开放'], stance: 0 as const, actions: [] },
    { words: ['座位', '预约', '系统', '故障', '频繁', '排队'], stance: 0 as const, actions: [] },
  ];
  const short = [
    { words: ['图书馆', '开放'], stance: 0 as const, actions: [] },
    { words: ['空调', '温度'], stance: 0 as const, actions: [] },
  ];
  // Before decision 044 the first letter passed was taken as the shorter: 0.37 one way, 0.5 the other.
  expect(alignLetters(long, short, flat)).toEqual(alignLetters(short, long, flat));
  expect(alignLetters(long, short, flat).coverage).toBeCloseTo(0.5, 3);
});

import { expect, test } from 'vitest';
import { predict, train } from './naive-bayes.ts';

const examples = [
  { tokens: ['食堂', '饭菜', '价格'], label: 'logistics' },
  { tokens: ['宿舍', '热水', '食堂'], label: 'logistics' },
  { tokens: ['宿舍', '空调'], label: 'logistics' },
  { tokens: ['教师', '职称', '评审'], label: 'faculty' },
  { tokens: ['人才', '引进', '教师'], label: 'faculty' },
];

test('predicts the label whose words the text shares, with a probability', () => {
  const model = train(examples);
  const [best, second] = predict(model, ['食堂', '夜宵', '窗口']);
  expect(best).toMatchObject({ label: 'logistics' });
  expect(best!.confidence).toBeGreaterThan(0.7);
  expect(best!.confidence + second!.confidence).toBeCloseTo(1);
  expect(predict(model, ['青年', '教师', '引进'])[0]!.label).toBe('faculty');
});

test('unknown words leave the prior; an empty model predicts nothing', () => {
  const model = train(examples);
  expect(predict(model, ['完全', '无关'])[0]).toMatchObject({ label: 'logistics', confidence: 0.6 });
  expect(predict(train([]), ['食堂'])).toEqual([]);
});

import { expect, test } from 'vitest';
import { normalizeText } from '../text/normalize.ts';
import { buildSnippet } from './snippet.ts';

test('marks every match in the window around the first, across scripts and widths', () => {
  const text = '前面是一段很长的说明文字。建議學校加強師資隊伍建設，師資是根本。ＡＢＣ課程';
  const snippet = buildSnippet(text, [normalizeText('师资')], 10)!;
  expect(snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['師資', '師資']);
  expect(snippet[0]).toEqual({ text: '…', hit: false });
  expect(buildSnippet(text, [normalizeText('abc')])!.find((p) => p.hit)!.text).toBe('ＡＢＣ');
});

test('no match, no snippet', () => {
  expect(buildSnippet('关于食堂的意见', ['宿舍'])).toBeUndefined();
  expect(buildSnippet('', ['宿舍'])).toBeUndefined();
});

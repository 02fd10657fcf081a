import { expect, test } from 'vitest';
import { evalSet } from '../../../tests/fixtures/eval/eval-set.ts';
import { normalizeText } from '../text/normalize.ts';
import { belongsTo, discoverThemes, representativeSentence } from './discover-themes.ts';

const docs = evalSet.map((e, id) => ({ id, text: normalizeText(`${e.title}\n${e.body}\n${e.attachmentText ?? ''}`) }));

test('the evaluation set yields word groups; the 30-copy canteen campaign is one of them, labelled by its words', () => {
  const themes = discoverThemes(docs);
  console.info(themes.map((t) => `${t.terms.join('/')} (${t.members.length}): ${t.representative}`).join('\n'));
  const canteen = themes.find((t) => t.terms.includes('北区'));
  expect(canteen?.terms).toContain('食堂');
  const campaign = evalSet.flatMap((e, id) => (e.group === 'campaign-canteen' ? [id] : []));
  expect(campaign.every((id) => canteen!.members.includes(id))).toBe(true);
  expect(canteen!.representative).toMatch(/北区食堂/);
  // A word joins at most one group.
  const words = themes.flatMap((t) => t.terms);
  expect(new Set(words).size).toBe(words.length);
});

test('a suggestion belongs to a theme when it has the first word and one other', () => {
  expect(belongsTo('北区食堂的夜宵窗口关得太早', ['食堂', '北区', '夜宵'])).toBe(true);
  expect(belongsTo('北区宿舍没有热水', ['食堂', '北区', '夜宵'])).toBe(false);
  expect(belongsTo('食堂太贵', ['食堂', '北区', '夜宵'])).toBe(false);
});

test('too few suggestions make no theme; the representative sentence carries most of the words', () => {
  expect(discoverThemes(docs.slice(0, 2))).toEqual([]);
  expect(representativeSentence(['食堂很好。北区食堂夜宵太少。'], ['食堂', '北区', '夜宵'])).toBe('北区食堂夜宵太少。');
});

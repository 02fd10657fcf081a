import { expect, test } from 'vitest';
import { publicLinkedSuggestion } from './public-suggestion.ts';

test('a publishable adopted suggestion shows its public summary and decision only', () => {
  const shown = publicLinkedSuggestion({ status: 'adopted', publicSummary: ' 增设跨学科辅修专业。 ', publishable: true, title: '原标题', name: '陈思远' } as never);
  expect(shown).toEqual({ status: 'adopted', summary: '增设跨学科辅修专业。' });
});

test('without publishable or a summary the suggestion is counted but not described', () => {
  expect(publicLinkedSuggestion({ status: 'partially_adopted', publicSummary: '摘要', publishable: false })).toEqual({ status: 'partially_adopted', summary: null });
  expect(publicLinkedSuggestion({ status: 'adopted', publicSummary: '  ', publishable: true })).toEqual({ status: 'adopted', summary: null });
});

test('a suggestion reopened or not adopted since it was linked is not shown', () => {
  expect(publicLinkedSuggestion({ status: 'in_review', publicSummary: '摘要', publishable: true })).toBeNull();
  expect(publicLinkedSuggestion({ status: 'not_adopted', publicSummary: '摘要', publishable: true })).toBeNull();
});

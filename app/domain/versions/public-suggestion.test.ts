import { expect, test } from 'vitest';
import { publicLinkedSuggestion } from './public-suggestion.ts';

const adopted = { status: 'adopted', publicSummary: ' 增设跨学科辅修专业。 ', publishable: true } as const;

test('匿名公开: the public summary and decision only, never the title or a name', () => {
  const shown = publicLinkedSuggestion({ ...adopted, consent: 'anonymous', name: '陈思远', title: '原标题' } as never);
  expect(shown).toEqual({ status: 'adopted', summary: '增设跨学科辅修专业。', name: null });
});

test('署名公开: the summary with the name given by publicNames', () => {
  expect(publicLinkedSuggestion({ ...adopted, consent: 'named', name: '陈思远' })).toEqual({
    status: 'adopted',
    summary: '增设跨学科辅修专业。',
    name: '陈思远',
  });
});

test('不公开: counted with its decision, not described', () => {
  expect(publicLinkedSuggestion({ ...adopted, consent: 'none', name: '陈思远' })).toEqual({
    status: 'adopted',
    summary: null,
    name: null,
  });
});

test('without publishable or a summary the suggestion is counted but not described', () => {
  expect(
    publicLinkedSuggestion({
      status: 'partially_adopted',
      publicSummary: '摘要',
      publishable: false,
      consent: 'named',
      name: '陈思远',
    }),
  ).toEqual({ status: 'partially_adopted', summary: null, name: null });
  expect(
    publicLinkedSuggestion({ status: 'adopted', publicSummary: '  ', publishable: true, consent: 'anonymous' }),
  ).toEqual({ status: 'adopted', summary: null, name: null });
});

test('a suggestion reopened or not adopted since it was linked is not shown', () => {
  expect(
    publicLinkedSuggestion({ status: 'in_review', publicSummary: '摘要', publishable: true, consent: 'anonymous' }),
  ).toBeNull();
  expect(
    publicLinkedSuggestion({ status: 'not_adopted', publicSummary: '摘要', publishable: true, consent: 'anonymous' }),
  ).toBeNull();
});

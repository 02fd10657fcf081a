import { expect, test } from 'vitest';
import { parseExportRequest } from './export-filter.ts';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

test('the form’s filters and options are parsed; empty selects mean "any"', () => {
  const parsed = parseExportRequest(
    form([
      ['planId', '3'],
      ['status', 'received'],
      ['status', 'in_review'],
      ['categoryId', ''],
      ['sectionId', '7'],
      ['channel', 'email'],
      ['submitterType', '校友'],
      ['tagId', ''],
      ['from', '2026-01-01'],
      ['to', '2026-01-31'],
      ['format', 'csv'],
      ['encoding', 'gb18030'],
      ['includeContacts', 'on'],
    ]),
  );
  expect(parsed).toEqual({
    ok: true,
    value: {
      filter: {
        planId: 3,
        statuses: ['received', 'in_review'],
        sectionId: 7,
        channel: 'email',
        submitterType: '校友',
        hasAttachments: false,
        from: '2026-01-01',
        to: '2026-01-31',
      },
      options: { format: 'csv', encoding: 'gb18030', sheetPerCategory: false, includeContacts: true },
    },
  });
});

test('the one-click preset replaces the statuses with adopted + partially adopted', () => {
  const parsed = parseExportRequest(
    form([
      ['planId', '1'],
      ['status', 'received'],
      ['intent', 'adopted'],
      ['format', 'docx'],
    ]),
  );
  expect(parsed.ok && parsed.value.filter.statuses).toEqual(['adopted', 'partially_adopted']);
  expect(parsed.ok && parsed.value.options.includeContacts).toBe(false);
});

test('unknown statuses, formats, bad dates and reversed ranges are refused', () => {
  expect(
    parseExportRequest(
      form([
        ['planId', '1'],
        ['status', 'deleted'],
      ]),
    ).ok,
  ).toBe(false);
  expect(
    parseExportRequest(
      form([
        ['planId', '1'],
        ['format', 'pdf'],
      ]),
    ).ok,
  ).toBe(false);
  expect(
    parseExportRequest(
      form([
        ['planId', '1'],
        ['from', '1/2/2026'],
      ]),
    ).ok,
  ).toBe(false);
  expect(
    parseExportRequest(
      form([
        ['planId', '1'],
        ['from', '2026-02-01'],
        ['to', '2026-01-01'],
      ]),
    ).ok,
  ).toBe(false);
  expect(parseExportRequest(form([])).ok).toBe(false);
  expect(
    parseExportRequest(
      form([
        ['planId', '1'],
        ['assignee', 'someone'],
      ]),
    ).ok,
  ).toBe(false);
});

test('the queue filters carried over: an assignee (or none) and has-attachments', () => {
  const parsed = parseExportRequest(
    form([
      ['planId', '1'],
      ['assignee', '12'],
      ['hasAttachments', 'on'],
    ]),
  );
  expect(parsed.ok && parsed.value.filter).toMatchObject({ assignee: 12, hasAttachments: true });
  const unassigned = parseExportRequest(
    form([
      ['planId', '1'],
      ['assignee', 'none'],
    ]),
  );
  expect(unassigned.ok && unassigned.value.filter.assignee).toBe('none');
});

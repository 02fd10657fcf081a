import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { readDocxDraft } from '../../app/domain/plans/import-docx.server.ts';
import { parseDraft } from '../../app/domain/plans/parse-draft.ts';
import { buildDocx } from '../fixtures/build-docx.ts';
import { mutationOf, runs } from './fuzz-runs.ts';

// Word import: mutations of every .docx fixture (except the zip bombs, which
// the attachment caps cover) must resolve or reject, never hang or crash; the
// route turns a rejection into "not a Word document". parseDraft takes any paragraphs.

function docxFixtures(dir = path.resolve('tests/fixtures')): Buffer[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'zip-bombs' ? [] : docxFixtures(full);
    return entry.name.endsWith('.docx') ? [fs.readFileSync(full)] : [];
  });
}

const draft = buildDocx([
  '南湖大学“十四五”发展规划（征求意见稿）',
  '第一章 发展基础',
  '一、主要成就',
  '第二章 总体要求',
  '（一）指导思想',
  '1. 坚持立德树人',
]);
const originals = [draft, ...docxFixtures()];

test(`readDocxDraft on mutations of ${originals.length} Word files: resolves or rejects, within a time bound`, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...originals.map((_, i) => i)).chain((i) => mutationOf(originals[i]!)),
      async (bytes) => {
        const started = Date.now();
        const outcome = await readDocxDraft(bytes).then(
          (parsed) => ({ ok: true, parsed }),
          (error: unknown) => ({ ok: false, error }),
        );
        expect(Date.now() - started).toBeLessThan(10_000);
        if (outcome.ok)
          expect(Array.isArray((outcome as { parsed: { sections: unknown } }).parsed.sections)).toBe(true);
      },
    ),
    runs(150),
  );
}, 300_000);

test('parseDraft takes any paragraphs without throwing', () => {
  const heading = fc.constantFrom('第一章', '第十二章', '一、', '（一）', '1.', '1．', '第一节', '附件', '　', '');
  const paragraph = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.tuple(heading, fc.string({ maxLength: 50 })).map(([h, s]) => `${h}${s}`),
  );
  fc.assert(
    fc.property(fc.array(paragraph, { maxLength: 80 }), (paragraphs) => {
      const parsed = parseDraft(paragraphs);
      expect(Array.isArray(parsed.sections)).toBe(true);
    }),
    runs(1000),
  );
});

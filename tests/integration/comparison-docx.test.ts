import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { expect, test } from 'vitest';
import { permissionsOf } from '../../app/domain/authorization/permissions.ts';
import { addSection, updateSection } from '../../app/domain/plans/manage-sections.server.ts';
import { saveChangeNote } from '../../app/domain/versions/change-notes.server.ts';
import { publishVersion } from '../../app/domain/versions/publish-version.server.ts';
import { getComparison, getVersionedPlan } from '../../app/domain/versions/queries.server.ts';
import { writeComparisonDocx } from '../../app/domain/versions/write-comparison-docx.server.ts';
import { planSections, suggestions } from '../../db/schema/index.ts';
import { addSections, createPlan } from '../factories/plans.ts';
import { createStaff } from '../factories/staff.ts';
import { createSuggestion } from '../factories/suggestions.ts';
import { setupTestDatabase } from '../setup/test-database.ts';

const database = setupTestDatabase();
const ip = '192.0.2.61';

type Cell = { text: string; xml: string };
/** The table of a document.xml as rows of cells, each cell's paragraphs joined by new lines. */
function tableRows(xml: string): Cell[][] {
  const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) =>
    [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => ({
      xml: cell,
      text: [...cell.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
        .map(([p]) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
        .join('\n'),
    })),
  );
}

/** The runs of a cell carrying a given mark (w:strike or w:u), as text. */
function markedRuns(cell: Cell, mark: 'w:strike' | 'w:u'): string[] {
  return [...cell.xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
    .filter(([, run]) => run!.includes(`<${mark}`))
    .map(([run]) => /<w:t[^>]*>([^<]*)<\/w:t>/.exec(run)![1]!);
}

test('the Word comparison table has the three columns 原文 / 修改后 / 修改理由, cell by cell, with the marks and no personal data', async () => {
  const staff = await createStaff(database.db, { role: 'admin', totp: true });
  const viewer = { id: staff.id, permissions: permissionsOf('admin', []) };
  const plan = await createPlan(database.db, { title: '某市卫生健康事业发展“十四五”规划' });
  const [section] = await addSections(database.db, plan.id, ['医疗资源配置']);
  await database.db
    .update(planSections)
    .set({ number: '一、', bodyMarkdown: '每千人口床位数不低于6张。\n\n加强基层医疗。' })
    .where(eq(planSections.id, section!.id));
  const adopted = await createSuggestion(database.db, plan.id, {
    contact: { name: '王建国', email: 'wang.jianguo@example.cn' },
    publicationConsent: 'anonymous',
  });
  await database.db
    .update(suggestions)
    .set({ status: 'adopted', publicSummary: '提高每千人口床位数标准。', publishable: true, decidedAt: new Date() })
    .where(eq(suggestions.id, adopted.id));

  await updateSection(database.db, {
    planId: plan.id,
    sectionId: section!.id,
    fields: {
      level: 1,
      number: '一、',
      heading: '医疗资源配置',
      bodyMarkdown: '每千人口床位数不低于7张。\n\n加强基层医疗。',
    },
    viewer,
    ip,
  });
  await addSection(database.db, {
    planId: plan.id,
    fields: { level: 1, number: '二、', heading: '中医药发展', bodyMarkdown: '建设中医医院。' },
    viewer,
    ip,
  });
  await publishVersion(database.db, { planId: plan.id, note: '', viewer, ip });
  expect(
    await saveChangeNote(database.db, {
      planId: plan.id,
      number: 2,
      sectionKey: section!.id,
      reason: '根据意见提高配置标准。',
      codes: adopted.trackingCode,
      viewer,
      ip,
    }),
  ).toEqual({ ok: true });

  const { versions } = (await getVersionedPlan(database.db, plan.slug))!;
  const { rows } = await getComparison(database.db, { planId: plan.id, from: versions[0]!, to: versions[1]! });
  const bytes = await writeComparisonDocx(rows, {
    planTitle: plan.title,
    from: 1,
    to: 2,
    fromDate: '2026年11月1日',
    toDate: '2026年12月5日',
    today: '2026年12月5日',
  });
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');

  const table = tableRows(xml);
  expect(table.map((row) => row.map((cell) => cell.text))).toEqual([
    ['原文', '修改后', '修改理由（采纳的意见建议）'],
    ['一、 医疗资源配置（修改）'],
    [
      '每千人口床位数不低于6张。\n加强基层医疗。',
      '每千人口床位数不低于7张。\n加强基层医疗。',
      '根据意见提高配置标准。\n采纳的意见建议：\n1. 提高每千人口床位数标准。（采纳）',
    ],
    ['二、 中医药发展（新增）'],
    ['（无）', '建设中医医院。', '（未填写修改理由）'],
  ]);
  expect(table[1]![0]!.xml).toContain('<w:gridSpan w:val="3"/>');
  // Deleted text struck through in 原文, inserted text underlined in 修改后.
  expect(markedRuns(table[2]![0]!, 'w:strike')).toEqual(['6']);
  expect(markedRuns(table[2]![1]!, 'w:u')).toEqual(['7']);
  expect(markedRuns(table[4]![1]!, 'w:u')).toEqual(['建设中医医院。']);
  expect(xml).toContain('对照版本：第1版（2026年11月1日）→ 第2版（2026年12月5日）');
  for (const secret of ['王建国', 'wang.jianguo', adopted.trackingCode]) expect(xml).not.toContain(secret);
  // The fonts of the adoption summary: 方正小标宋简体 title, 仿宋_GB2312 body, A4 landscape.
  expect(xml).toContain('w:eastAsia="方正小标宋简体"');
  expect(await zip.file('word/styles.xml')!.async('string')).toContain('仿宋_GB2312');
  expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
});

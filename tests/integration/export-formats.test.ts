import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { beforeAll, expect, test } from 'vitest';
import { seedDemoData } from '../../scripts/seed.server.ts';
import { suggestionSupports, suggestions } from '../../db/schema/index.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import {
  BASE_URL,
  demoPersonalData,
  demoPlanId,
  exportRequest,
  parseCsv,
  readDocxWithPython,
  readXlsx,
  runExport,
  zipText,
} from './helpers/exports.ts';

const database = setupTestDatabase();
let planId = '';

beforeAll(async () => {
  await seedDemoData(database.db);
  planId = String(await demoPlanId(database.db));
});

const headers = [
  '序号',
  '跟踪编号',
  '章节',
  '类别',
  '标题',
  '内容',
  '提出人类型',
  '渠道',
  '提交时间',
  '处理状态',
  '采纳理由',
  '标签',
  '附议人数',
];

test('XLSX: Chinese headers, frozen header row, wrapped text, a link back to each suggestion, every row', async () => {
  const { bytes, contentType, filename } = await runExport(database.db, exportRequest({ planId, format: 'xlsx' }));
  expect(contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(filename).toMatch(/^南湖大学.*-意见建议-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = await readXlsx(bytes);
  const sheet = workbook.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...headers, '链接']);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.getColumn(6).width).toBeGreaterThan(40);
  expect(sheet.rowCount).toBe(1 + 13); // the demo's 8 suggestions and its 5 form letters
  const first = sheet.getRow(2);
  expect(first.getCell(1).value).toBe(1);
  expect(first.getCell(2).value).toBe('JY-DEM2-2A3B');
  expect(first.getCell(3).value).toBe('一、深化人才培养模式改革');
  expect(first.getCell(4).value).toBe('人才培养');
  expect(first.getCell(8).value).toBe('网页');
  expect(first.getCell(9).value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(first.getCell(10).value).toBe('采纳');
  expect(first.getCell(12).value).toBe('新工科、辅修');
  expect(first.getCell(6).alignment).toMatchObject({ wrapText: true });
  const link = first.getCell(14).value as { formula: string; result: string };
  expect(link.formula).toMatch(new RegExp(`^HYPERLINK\\("${BASE_URL}/admin/suggestions/\\d+","查看"\\)$`));
  expect(sheet.getRow(4).getCell(3).value).toBeNull();
  const unzipped = await zipText(bytes);
  expect(unzipped).toContain('建议增设跨学科辅修专业');
  for (const text of demoPersonalData) expect(unzipped, text).not.toContain(text);
});

test('XLSX: one sheet per category, in the plan’s category order', async () => {
  const { bytes } = await runExport(database.db, exportRequest({ planId, format: 'xlsx', sheetPerCategory: 'on' }));
  const workbook = await readXlsx(bytes);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
    '人才培养',
    '科学研究',
    '师资队伍建设',
    '校园建设',
    '信息化建设',
    '合作办学',
    '后勤保障',
    '综合改革',
  ]);
  expect(workbook.worksheets.map((s) => s.rowCount - 1)).toEqual([1, 1, 1, 1, 1, 1, 6, 1]);
  expect(workbook.worksheets[1]!.getRow(2).getCell(1).value).toBe(2);
});

test('CSV: UTF-8 BOM, CRLF records, the same columns and Chinese labels', async () => {
  const { bytes, contentType } = await runExport(database.db, exportRequest({ planId, format: 'csv' }));
  expect(contentType).toBe('text/csv; charset=utf-8');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parseCsv(bytes.subarray(3).toString('utf8'));
  expect(records[0]).toEqual([...headers, '链接']);
  expect(records).toHaveLength(1 + 13);
  expect(records[2]!.slice(1, 4)).toEqual(['JY-DEM2-4C5D', '三、加强师资队伍建设', '师资队伍建设']);
  expect(records[2]![7]).toBe('电子邮件');
  expect(records[2]![9]).toBe('部分采纳');
  expect(records[2]![13]).toMatch(new RegExp(`^${BASE_URL}/admin/suggestions/\\d+$`));
  for (const text of demoPersonalData) expect(bytes.includes(Buffer.from(text)), text).toBe(false);
});

test("XLSX and CSV: each suggestion's 附议 count, 0 where no one supported it", async () => {
  const [target] = await database.db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(eq(suggestions.trackingCode, 'JY-DEM2-4C5D'));
  await database.db
    .insert(suggestionSupports)
    .values(['a', 'b', 'c'].map((s) => ({ suggestionId: target!.id, supporterHash: `export-test-${s}` })));
  try {
    const xlsx = (await readXlsx((await runExport(database.db, exportRequest({ planId, format: 'xlsx' }))).bytes))
      .worksheets[0]!;
    const column = headers.indexOf('附议人数') + 1;
    const byCode = new Map(
      Array.from({ length: xlsx.rowCount - 1 }, (_, i) => xlsx.getRow(i + 2)).map((r) => [
        r.getCell(2).value,
        r.getCell(column).value,
      ]),
    );
    expect(byCode.get('JY-DEM2-4C5D')).toBe(3);
    expect(byCode.get('JY-DEM2-2A3B')).toBe(0);
    const csv = parseCsv(
      (await runExport(database.db, exportRequest({ planId, format: 'csv' }))).bytes.subarray(3).toString('utf8'),
    );
    const csvByCode = new Map(csv.slice(1).map((r) => [r[1], r[column - 1]]));
    expect(csvByCode.get('JY-DEM2-4C5D')).toBe('3');
    expect(csvByCode.get('JY-DEM2-2A3B')).toBe('0');
  } finally {
    await database.db.delete(suggestionSupports).where(eq(suggestionSupports.suggestionId, target!.id));
  }
});

test('CSV: GB18030 on request, which round-trips every character', async () => {
  const { bytes, contentType } = await runExport(
    database.db,
    exportRequest({ planId, format: 'csv', encoding: 'gb18030' }),
  );
  expect(contentType).toBe('text/csv; charset=gb18030');
  expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
  const text = iconv.decode(bytes, 'gb18030');
  const utf8 = (await runExport(database.db, exportRequest({ planId, format: 'csv' }))).bytes
    .subarray(3)
    .toString('utf8');
  expect(text).toBe(utf8);
  expect(iconv.encode(text, 'gb18030').equals(bytes)).toBe(true);
  expect(parseCsv(text)[1]![4]).toBe('建议增设跨学科辅修专业');
});

test('JSON: one array of raw values for integrations, without contact details', async () => {
  const { bytes, contentType } = await runExport(database.db, exportRequest({ planId, format: 'json' }));
  expect(contentType).toBe('application/json; charset=utf-8');
  const rows = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>[];
  expect(rows).toHaveLength(13);
  expect(rows[0]).toMatchObject({
    trackingCode: 'JY-DEM2-2A3B',
    status: 'adopted',
    channel: 'web',
    categoryName: '人才培养',
    tags: ['新工科', '辅修'],
  });
  expect(rows[0]!.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(rows[0]).not.toHaveProperty('contact');
  for (const text of demoPersonalData) expect(bytes.includes(Buffer.from(text)), text).toBe(false);
});

test('DOCX: the 汇总表 with title, plan, period, groups by section, totals and page numbers', async () => {
  const { bytes, contentType, filename } = await runExport(
    database.db,
    exportRequest({ planId, format: 'docx', intent: 'adopted' }),
  );
  expect(contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(filename).toMatch(/-意见建议采纳情况汇总表-\d{4}-\d{2}-\d{2}\.docx$/);
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  expect(text).toContain('意见建议采纳情况汇总表');
  expect(text).toContain('规划名称：南湖大学');
  expect(text).toMatch(/意见征集时间：\d{4}年\d+月\d+日 至 \d{4}年\d+月\d+日/);
  for (const column of ['序号', '章节', '意见建议摘要', '提出人（单位）', '采纳情况', '理由'])
    expect(text).toContain(column);
  // Groups in the plan's order of sections.
  const order = ['一、深化人才培养模式改革', '三、加强师资队伍建设', '四、推进校园建设与信息化建设'].map((s) =>
    text.indexOf(s),
  );
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(text).toContain('增设跨学科辅修专业，扩大学生选择空间。');
  expect(text).toContain('合计：共 3 条，其中采纳 2 条，部分采纳 1 条，不予采纳 0 条，其他 0 条。');
  expect(text).not.toContain('不予采纳。');
  expect(xml).toContain('w:orient="landscape"');
  expect(xml).toMatch(/w:w="16838"/);
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /word\/footer\d*\.xml/.test(n))
      .map((n) => zip.file(n)!.async('string')),
  );
  expect(footers.join('')).toContain('PAGE');
  expect(await zip.file('word/fontTable.xml')!.async('string')).toContain('<w:altName w:val="黑体"/>');
  const unzipped = await zipText(bytes);
  for (const personal of demoPersonalData) expect(unzipped, personal).not.toContain(personal);
  expect(text).toContain('在校学生');
});

test('DOCX opens in a reader that is not ours, with every selected suggestion listed in section order', async () => {
  const { bytes } = await runExport(database.db, exportRequest({ planId, format: 'docx', intent: 'adopted' }));
  const read = readDocxWithPython(bytes);
  const suggestionsListed = read.rows.filter((cells) => cells.length === 6).slice(1);
  expect(suggestionsListed.map((cells) => cells[0])).toEqual(['1', '2', '3']);
  const sections = read.rows.filter((cells) => cells.length === 1).map((cells) => cells[0]);
  expect(sections).toEqual(['一、深化人才培养模式改革', '三、加强师资队伍建设', '四、推进校园建设与信息化建设']);
  expect(read.paragraphs.at(-1)).toBe('合计：共 3 条，其中采纳 2 条，部分采纳 1 条，不予采纳 0 条，其他 0 条。');
});

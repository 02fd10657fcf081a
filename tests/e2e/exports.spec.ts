import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, loginAs } from './staff.ts';

test.afterAll(closeStaffDatabase);

const demoPlan = '南湖大学“十四五”事业发展规划（征求意见稿）';

const personal = [
  '陈思远',
  'chen.siyuan@example.edu.cn',
  '刘海峰',
  '13903761234',
  '赵敏',
  '信息化办公室',
  '物理与电子工程学院',
];

test('a planner switches to the demo plan and downloads its adopted suggestions as XLSX in one click', async ({
  page,
  context,
  baseURL,
}) => {
  const planner = await createE2eStaff({ role: 'planner' });
  await loginAs(context, baseURL!, planner.id);
  await page.goto('/admin/exports');
  await expect(page.getByRole('heading', { level: 1, name: '导出意见建议' })).toBeVisible();
  // The page opens on the newest open plan; other journeys open plans of their own, so choose.
  await page.getByLabel('规划').selectOption({ label: demoPlan });
  await page.getByRole('button', { name: '切换规划' }).click();
  await expect(page).toHaveURL(/planId=\d+/);
  await expect(page.getByLabel('规划').locator('option:checked')).toHaveText(demoPlan);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '一键导出“采纳 + 部分采纳”' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^南湖大学.*-采纳意见建议-\d{4}-\d{2}-\d{2}\.xlsx$/);
  // With JavaScript the page reports the export's progress, then its end.
  await expect(
    page.getByRole('status').filter({ hasText: /^导出完成：南湖大学.*\.xlsx（\d+(\.\d)? (B|KB|MB)）$/ }),
  ).toBeVisible();

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(2).value).toBe('跟踪编号');
  const rows = [2, 3, 4].map((n) => sheet.getRow(n));
  expect(rows.map((row) => row.getCell(2).value)).toEqual(['JY-DEM2-2A3B', 'JY-DEM2-4C5D', 'JY-DEM2-8G9H']);
  expect(rows.map((row) => row.getCell(10).value)).toEqual(['采纳', '部分采纳', '采纳']);
  expect(sheet.rowCount).toBe(4);
  const cells = rows.flatMap((row) => (row.values as unknown[]).map((v) => JSON.stringify(v ?? '')));
  for (const text of personal) expect(cells.join(' ')).not.toContain(text);
});

test('the published adoption report shows no personal data, prints, and passes axe', async ({ page }) => {
  await page.goto('/plans/nanhu-14th-five-year-plan/report');
  await expect(page.getByRole('heading', { level: 1, name: '意见建议采纳情况公示' })).toBeVisible();
  const counts = page.getByRole('table', { name: '各类别意见建议数量（条）' });
  await expect(counts.getByRole('rowheader', { name: '人才培养' })).toBeVisible();
  const adopted = page.getByRole('table', { name: '采纳和部分采纳的意见建议及答复' });
  await expect(adopted.getByRole('rowheader', { name: '增设跨学科辅修专业，扩大学生选择空间。' })).toBeVisible();
  await expect(page.getByRole('button', { name: '打印本页' })).toBeVisible();
  const text = await page.locator('body').innerText();
  for (const value of personal) expect(text).not.toContain(value);
  await expectNoAxeViolations(page);
});

test('the export page and the dashboard pass axe', async ({ page, context, baseURL }) => {
  const planner = await createE2eStaff({ role: 'planner' });
  await loginAs(context, baseURL!, planner.id);
  await page.goto('/admin/exports');
  await expect(page.getByRole('heading', { level: 1, name: '导出意见建议' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/admin/plans/nanhu-14th-five-year-plan/dashboard');
  await expect(page.getByRole('heading', { level: 2, name: '按处理状态' })).toBeVisible();
  // Other journeys add suggestions to the demo plan on this shared server: count any.
  await expect(page.getByText(/^意见建议总数：\d+ 条$/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Each chart saves as a PNG image.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^下载图片（PNG）\s*：按类别$/ }).click();
  const png = await downloading;
  expect(png.suggestedFilename()).toBe('南湖大学“十四五”事业发展规划（征求意见稿）-按类别.png');
  const bytes = await fs.readFile((await png.path())!);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(400); // width from the IHDR chunk
});

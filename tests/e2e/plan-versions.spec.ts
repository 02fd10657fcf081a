import JSZip from 'jszip';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { closeStaffDatabase, createE2eStaff, loginAs } from './staff.ts';

test.afterAll(closeStaffDatabase);

const planTitle = '南湖大学“十四五”事业发展规划（征求意见稿）';
const slug = 'nanhu-14th-five-year-plan';
const section = '深化人才培养模式改革';
const personal = ['陈思远', 'chen.siyuan@example.edu.cn', '计算机学院', 'JY-DEM2-2A3B'];

// Both projects (desktop, phone) run against one server: each publishes its own
// version with its own insertion, so each comparison shows exactly one change.
const insertions: Record<string, { after: string; text: string }> = {
  desktop: { after: '完善学分制和主辅修制度，', text: '建设10个左右跨学科辅修专业，' },
  phone: { after: '推进新工科、新文科、新师范建设；', text: '试点本研贯通培养；' },
};

test('an admin publishes a revised version linked to an adopted suggestion; the public comparison and /track show it', async ({
  page,
  context,
  baseURL,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(90_000); // a long journey, through admin, public pages and /track
  consoleErrors.allow(/status of 400/); // the refused tracking code, on purpose
  const insertion = insertions[testInfo.project.name]!;
  const admin = await createE2eStaff({ role: 'admin', totp: true });
  await loginAs(context, baseURL!, admin.id);

  // Edit one section's text, as admins do, then publish the text as a new version.
  await page.goto('/admin/plans');
  await page.getByRole('link', { name: planTitle }).click();
  await page.getByRole('link', { name: '章节', exact: true }).click();
  await page.getByRole('link', { name: `一、 ${section}` }).click();
  const body = page.getByLabel('正文（Markdown）');
  await body.fill((await body.inputValue()).replace(insertion.after, insertion.after + insertion.text));
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('已保存。');

  await page.goto('/admin/plans');
  await page.getByRole('link', { name: planTitle }).click();
  await page.getByRole('link', { name: '版本与修改对照表' }).click();
  await expect(page.getByText('章节有尚未发布为新版本的修改。')).toBeVisible();
  await page.getByLabel('修订说明（公开，可不填）').fill('根据征求意见情况修改第三章。');
  const publish = page.getByRole('button', { name: /^发布为第\d+版$/ });
  const version = Number(/第(\d+)版/.exec((await publish.textContent())!)![1]);
  await publish.click();
  await expect(page.getByRole('heading', { level: 1, name: `第${version}版的修改理由` })).toBeVisible();

  // Reasons and links: a suggestion still in review is refused, by name; the adopted one is linked.
  const change = page.getByRole('region', { name: new RegExp(section) });
  await change.getByLabel('修改理由').fill('采纳意见，增加具体措施。');
  await change.getByLabel('采纳的意见建议（跟踪编号）').fill('JY-DEM2-6E7F');
  await change.getByRole('button', { name: `保存：一、${section}` }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'JY-DEM2-6E7F 未被采纳或部分采纳，不能关联。' }),
  ).toBeVisible();
  await expect(change.getByLabel('修改理由')).toHaveValue('采纳意见，增加具体措施。');
  await change.getByLabel('采纳的意见建议（跟踪编号）').fill('jy-dem2-2a3b');
  await change.getByRole('button', { name: `保存：一、${section}` }).click();
  await expect(page.getByRole('region', { name: new RegExp(section) }).getByRole('status')).toHaveText('已保存。');
  await expect(
    page.getByRole('region', { name: new RegExp(section) }).getByLabel('采纳的意见建议（跟踪编号）'),
  ).toHaveValue('JY-DEM2-2A3B');

  // The public comparison: the insertion highlighted, the reason, the suggestion's summary, no name.
  await context.clearCookies();
  await page.goto(`/plans/${slug}`);
  await expect(page.getByRole('link', { name: new RegExp(`现行版本：第${version}版`) })).toBeVisible();
  await page.getByRole('link', { name: '修改对照表' }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${slug}/compare\\?from=${version - 1}&to=${version}$`));
  const table = page.getByRole('table', { name: `第${version - 1}版与第${version}版修改对照表` });
  await expect(table.locator('thead th')).toHaveText(['原文', '修改后', '修改理由（采纳的意见建议）']);
  await expect(table.locator('ins')).toHaveText(`［新增：${insertion.text}］`);
  await expect(table.locator('del')).toHaveCount(0);
  await expect(table.getByText('采纳意见，增加具体措施。')).toBeVisible();
  await expect(table.getByText('增设跨学科辅修专业，扩大学生选择空间。（采纳）')).toBeVisible();
  const text = await page.locator('body').innerText();
  for (const value of personal) expect(text).not.toContain(value);
  await expectNoAxeViolations(page);

  // The Word table carries the same three columns.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 Word 修改对照表' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${planTitle}-修改对照表-第${version - 1}版至第${version}版.docx`);
  const xml = await (
    await JSZip.loadAsync(await readAll(await download.createReadStream()))
  )
    .file('word/document.xml')!
    .async('string');
  expect(xml).toContain(insertion.text);
  for (const value of personal) expect(xml).not.toContain(value);

  // Earlier versions stay readable at their own addresses.
  await page.goto(`/plans/${slug}/versions/${version - 1}`);
  await expect(page.getByRole('heading', { level: 1, name: `${planTitle}（第${version - 1}版）` })).toBeVisible();
  await expect(page.getByText(`这是历史版本。现行版本为第${version}版。`)).toBeVisible();
  await expect(page.locator('main')).not.toContainText(insertion.text);
  await expectNoAxeViolations(page);
  await page.goto(`/plans/${slug}/versions/${version}`);
  await expect(page.getByText('根据征求意见情况修改第三章。')).toBeVisible();
  await expect(page.locator('main')).toContainText(insertion.text);
  await expectNoAxeViolations(page);

  // The submitter follows the suggestion from /track to the changed sentence.
  await page.goto('/track');
  await page.getByLabel('跟踪编号').fill('JY-DEM2-2A3B');
  await page.getByLabel('电子邮箱或电话后四位').fill('chen.siyuan@example.edu.cn');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: `第${version}版 · ${section}` }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${slug}/compare\\?from=${version - 1}&to=${version}#change-\\d+$`));
  const target = page.locator(':target');
  await expect(target).toContainText(section);
  await expect(page.locator(':target + tr ins')).toHaveText(`［新增：${insertion.text}］`);
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { waitForMail } from './mailbox.ts';

const planPath = '/plans/nanhu-14th-five-year-plan';
const pdfFile = {
  name: '关于自习室的建议.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
};

test('a student comments on a section with a file, gets a receipt and an email, and tracks it', async ({ page }) => {
  await page.goto(planPath);
  await page.getByRole('link', { name: '对本节提意见：一、深化人才培养模式改革' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '提出意见建议' })).toBeVisible();
  await expect(page.getByLabel('针对章节')).toHaveValue(/\d+/);
  await expect(page.getByLabel('针对章节').locator('option:checked')).toHaveText(/深化人才培养模式改革/);

  await page.getByLabel('意见类别').selectOption({ label: '人才培养' });
  await page.getByLabel('标题').fill('建议增设跨学科辅修专业');
  const body = page.getByLabel('意见建议内容');
  await body.fill('建议学校在“十四五”期间增设人工智能与教育、数据科学等跨学科辅修专业，扩大学生选择空间。');
  await expect(page.getByText(/已输入 \d+ \/ 5000 字/)).toBeVisible();
  await page.getByRole('radio', { name: '在校学生' }).check();
  await page.getByLabel('姓名').fill('陈同学');
  await page.getByLabel('工作单位或班级').fill('计算机学院 2024 级');
  await page.getByLabel('电子邮箱').fill('chen.student@example.edu.cn');
  await page.getByLabel('附件').setInputFiles(pdfFile);
  await page.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' }).check();
  await page.getByTestId('fake-hcaptcha').check();
  await page.getByRole('button', { name: '提交意见建议' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '提交成功' })).toBeVisible();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  expect(code).toMatch(/^JY-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expect(page.getByText('建议增设跨学科辅修专业')).toBeVisible();
  await expect(page.getByText('深化人才培养模式改革')).toBeVisible();
  await expectNoAxeViolations(page);

  const mail = await waitForMail((m) => Boolean(m.subject?.includes(code)));
  expect(mail.to).toMatchObject({ text: 'chen.student@example.edu.cn' });
  expect(mail.text).toContain(code);
  expect(mail.text).toContain('南湖大学“十四五”事业发展规划（征求意见稿）');

  await page.getByRole('link', { name: '查询办理进度' }).click();
  await page.getByLabel('跟踪编号').fill(code.toLowerCase());
  await page.getByLabel('电子邮箱或电话后四位').fill('chen.student@example.edu.cn');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('heading', { name: '办理情况' })).toBeVisible();
  await expect(page.getByRole('status').getByText('已收到', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').getByText('建议增设跨学科辅修专业')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('with JavaScript the form validates as the user types; errors are accessible', async ({ page }) => {
  await page.goto(`${planPath}/suggest`);
  const body = page.getByLabel('意见建议内容');
  await body.fill('太短');
  await body.blur();
  await expect(page.getByText('内容至少需要 10 字。')).toBeVisible();
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await body.fill('现在这段内容已经足够长了，满足最少字数。');
  await expect(page.getByText('内容至少需要 10 字。')).toBeHidden();

  await page.getByRole('button', { name: '提交意见建议' }).click();
  await expect(page.getByText('请选择意见类别。')).toBeVisible();
  await expect(page.getByText('请至少填写电话或电子邮箱中的一项。')).toBeVisible();
  await expect(body).toHaveValue('现在这段内容已经足够长了，满足最少字数。');
  await expectNoAxeViolations(page);
});

test('without JavaScript the form still works: errors keep the text, and the suggestion is kept for verification', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${planPath}/suggest`);
  const longText =
    '关于后勤保障：建议学生宿舍热水供应时间延长到夜间十二点，并在冬季提前开放暖气，同时改善食堂夜宵供应。'.repeat(3);
  await page.getByLabel('意见建议内容').fill(longText);
  await page.getByLabel('标题').fill('宿舍热水与暖气');
  await page.getByRole('button', { name: '提交意见建议' }).click();
  await expect(page.getByRole('alert')).toContainText('提交未成功');
  await expect(page.getByLabel('意见建议内容')).toHaveValue(longText);
  await expect(page.getByLabel('标题')).toHaveValue('宿舍热水与暖气');

  await page.getByLabel('意见类别').selectOption({ label: '后勤保障' });
  await page.getByRole('radio', { name: '教职工' }).check();
  await page.getByLabel('电话').fill('0376-6390000');
  await page.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' }).check();
  await page.getByRole('button', { name: '提交意见建议' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '提交成功' })).toBeVisible();
  await expect(page.getByText('将由工作人员人工核验后进入办理流程')).toBeVisible();
  await context.close();
});

test('a keyboard-only user can fill in and submit the form', async ({ page }) => {
  await page.goto(`${planPath}/suggest`);
  const category = page.getByLabel('意见类别');
  await category.focus();
  await page.keyboard.press('ArrowDown'); // 人才培养
  await page.keyboard.press('ArrowDown'); // 科学研究
  await expect(category.locator('option:checked')).toHaveText('科学研究');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('针对章节')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('标题')).toBeFocused();
  await page.keyboard.type('完善科研评价办法');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('意见建议内容')).toBeFocused();
  await page.keyboard.type('建议减少论文数量考核，突出代表作和实际贡献，给青年教师更长的考核周期。');
  // The body is followed by 查找相似建议 (decision 048), then the submitter's type.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '查找相似建议' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: '在校学生' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '教职工' })).toBeChecked();
  for (const [label, text] of [
    ['姓名', '周老师'],
    ['工作单位或班级', '物理学院'],
    ['电话', '13912345678'],
    ['电子邮箱', 'zhou@example.edu.cn'],
  ] as const) {
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(label)).toBeFocused();
    await page.keyboard.type(text);
  }
  // The publication choice: Tab lands on the preselected 不公开, arrows would change it.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: /^不公开/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('附件')).toBeFocused();
  await page.keyboard.press('Tab');
  const consent = page.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' });
  await expect(consent).toBeFocused();
  await page.keyboard.press('Space');
  await expect(consent).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '个人信息保护说明', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('fake-hcaptcha')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '提交意见建议' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '提交成功' })).toBeVisible();
  await expect(page.getByText('完善科研评价办法')).toBeVisible();
});

test('/track answers "not found" the same way for any mismatch, and has no accessibility violations', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 404/);
  await page.goto('/track');
  await expectNoAxeViolations(page);
  await page.getByLabel('跟踪编号').fill('JY-2222-3333');
  await page.getByLabel('电子邮箱或电话后四位').fill('nobody@example.com');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('alert')).toHaveText('未找到匹配的意见建议。请核对跟踪编号和联系方式后重试。');
  await expectNoAxeViolations(page);
});

test('a closed consultation shows the form closed with its dates', async ({ page }) => {
  await page.goto('/plans/nanhu-campus-master-plan/suggest');
  await expect(page.getByText('本次意见征集不在征集时间内，暂不接受意见建议。')).toBeVisible();
  await expect(page.getByRole('button', { name: '提交意见建议' })).toHaveCount(0);
});

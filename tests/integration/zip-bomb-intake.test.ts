import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { attachments, suggestions } from '../../db/schema/index.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { messages } from '../../app/i18n/messages.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { fixture } from './helpers/email.ts';
import { openForm, passToken, postSuggestion, setupTestPortal } from './helpers/test-portal.ts';

// The zip bomb (80 MB of XML in 82 kB, made by python3's zipfile; see
// tests/fixtures/zip-bombs/README.md) arrives by mail and by the web form.
// Intake survives, the suggestion and the file are kept, and staff see a
// sentence saying why the file's text was not extracted.

const database = setupTestDatabase();
const portal = setupTestPortal(database);
const slug = 'nanhu-14th-five-year-plan';
const bomb = fs.readFileSync(path.resolve('tests/fixtures/zip-bombs/spaces-80mb.docx'));

beforeAll(async () => {
  await seedIfEmpty(database.db);
});

/** docx-attachment.eml (the plan's marker in the subject) with the bomb as its attachment. */
function bombMail(): Buffer {
  const original = fixture('docx-attachment.eml').toString('latin1');
  const [head, rest] = original.split(/\r?\nContent-Transfer-Encoding: base64\r?\n\r?\n(?=UEsDB)/);
  const tail = rest!.slice(rest!.indexOf('--MIX'));
  const encoded = bomb.toString('base64').replace(/.{76}/g, '$&\n');
  return Buffer.from(
    `${head}\nContent-Transfer-Encoding: base64\n\n${encoded}\n${tail}`.replace('docx-010@', 'zip-bomb-010@'),
    'latin1',
  );
}

function runIntake(file: string) {
  // A small heap for the intake process itself: the bomb must never be inflated there.
  return spawnSync(process.execPath, ['--max-old-space-size=192', '--import', 'tsx', 'scripts/cli/intake.ts', file], {
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

test('a zip-bombed .docx by mail: `npm run intake` survives, keeps the suggestion and the file, and says why there is no text', async () => {
  const file = path.resolve('.tmp', `zip-bomb-${process.pid}.eml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bombMail());

  const before = await database.db.$count(suggestions);
  const first = runIntake(file);
  expect(first.status, first.stderr).toBe(0);
  const code = /\tingested\t(JY-\S+)/.exec(first.stdout)?.[1];
  expect(code, first.stdout).toBeDefined();
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.trackingCode, code!));
  const [file0] = await database.db.select().from(attachments).where(eq(attachments.suggestionId, row!.id));
  expect(file0).toMatchObject({
    filename: '学科建设建议.docx',
    sizeBytes: bomb.length,
    extractedText: null,
    textNote: 'zip_limits',
  });
  expect(file0!.content.equals(bomb)).toBe(true);

  // Started again on the same mail (what a restart does): no crash, no second suggestion.
  const second = runIntake(file);
  expect(second.status, second.stderr).toBe(0);
  expect(second.stdout).toMatch(/\tduplicate ingested/);
  expect(await database.db.$count(suggestions)).toBe(before + 1);
}, 240_000);

test('a zip-bombed .docx by the web form: a receipt, the file kept, and the note in both languages', async () => {
  const form = await openForm(portal, slug);
  const response = await postSuggestion(portal, slug, {
    fields: {
      intakeKey: form.intakeKey,
      categoryId: form.categoryId,
      title: '附件里是我的完整意见',
      body: '我的完整意见写在附件里，主要是关于学科建设和研究生培养的几点建议，请查阅。',
      submitterType: '在校学生',
      name: '李同学',
      email: 'li@example.edu.cn',
      consent: 'on',
      'captcha-token': passToken(),
    },
    files: [new File([bomb], '完整意见.docx')],
  });
  expect(response.status, await response.clone().text()).toBe(303);
  const code = response.headers.get('location')!.split('/').pop()!;
  const [row] = await database.db.select().from(suggestions).where(eq(suggestions.trackingCode, code));
  const [file] = await database.db.select().from(attachments).where(eq(attachments.suggestionId, row!.id));
  expect(file).toMatchObject({
    filename: '完整意见.docx',
    sizeBytes: bomb.length,
    extractedText: null,
    textNote: 'zip_limits',
  });
  expect(messages['zh-CN']['files.textNote.zip_limits']).toContain('原文件已完整保存');
  expect(messages.en['files.textNote.zip_limits']).toContain('kept in full');
}, 120_000);

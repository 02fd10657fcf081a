import { beforeAll, expect, test } from 'vitest';
import { readConfig } from '../../app/server/config.ts';
import { seedIfEmpty } from '../../scripts/seed.server.ts';
import { setupTestDatabase } from '../setup/test-database.ts';
import { ingest, suggestionView } from './helpers/email.ts';

// The seed's open plan asks for 「'十四五'规划意见建议」 in the subject.
const database = setupTestDatabase();
let config: ReturnType<typeof readConfig>;

beforeAll(async () => {
  await seedIfEmpty(database.db);
  config = readConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://jianyan.example.edu.cn' });
});

const hex = (h: string) => Buffer.from(h, 'hex');
const message = (id: string, label: string, body: Buffer) =>
  Buffer.concat([
    Buffer.from(
      `From: reader@example.org\r\nTo: ghy@example.edu.cn\r\nSubject: =?UTF-8?B?${Buffer.from("'十四五'规划意见建议——图书馆", 'utf8').toString('base64')}?=\r\nMessage-ID: <${id}@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=${label}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`,
      'latin1',
    ),
    body,
    Buffer.from('\r\n', 'latin1'),
  ]);

test('Big5 bytes labelled iso-8859-1 are stored as the sender wrote them, not flagged', async () => {
  // 圖書館應延長開放時間 in Big5 (Python's codec), labelled Latin-1 as Netscape [zh_TW] did.
  const { outcome } = await ingest(
    database.db,
    config,
    message('big5-latin1', 'iso-8859-1', hex('b9cfaed1c05dc0b3a9b5aaf8b67da9f1aec9b6a1')),
  );
  expect(outcome.status).toBe('ingested');
  const s = await suggestionView(database.db, outcome.suggestionId!);
  expect(s.row.body).toBe('圖書館應延長開放時間');
  expect(s.row.intakeMeta).toMatchObject({ undecodableText: false });
});

test('text no charset decodes cleanly is kept as well as it reads, and the suggestion is flagged for staff', async () => {
  // 意见 in GBK, then 0xFF bytes that UTF-8, GB18030 and Big5 all reject.
  const { outcome } = await ingest(database.db, config, message('undecodable', 'gb2312', hex('d2e2bcfb20ffff')));
  expect(outcome.status).toBe('ingested');
  const s = await suggestionView(database.db, outcome.suggestionId!);
  expect(s.row.body).toContain('意见');
  expect(s.row.intakeMeta).toMatchObject({ undecodableText: true });
});

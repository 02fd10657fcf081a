import { expect, test } from 'vitest';
import { attachmentVerdicts, inboundReasons } from '../domain/intake/email/inbound-reasons.ts';
import { suggestionHeldReasons } from '../domain/suggestions/held-reasons.ts';
import { translator } from './index.ts';
import { messages, type MessageKey } from './messages.ts';
import { heldReasonText, inboundReasonText } from './reason-text.ts';

const statuses = ['pending', 'ingested', 'unmatched', 'held', 'auto_reply', 'bounce', 'discarded'];
const allCodes = [...inboundReasons, ...suggestionHeldReasons, ...attachmentVerdicts, ...statuses];

test('every reason, status and verdict the code base can store has a sentence in both languages', () => {
  const keys = [
    ...inboundReasons.map((code) => `mail.reason.${code}`),
    ...suggestionHeldReasons.map((code) => `held.reason.${code}`),
    ...attachmentVerdicts.map((code) => `mail.attachment.${code}`),
    ...statuses.map((status) => `mail.status.${status}`),
  ];
  for (const key of keys) {
    for (const locale of ['zh-CN', 'en'] as const) {
      const sentence = messages[locale][key as MessageKey];
      expect(sentence, `${locale} ${key}`).toBeTruthy();
      // A sentence, not a code: no underscores, and more than a word.
      expect(sentence, `${locale} ${key}`).not.toMatch(/_/);
    }
  }
});

test('the statuses listed here are the database enum', async () => {
  const { inboundEmailStatus } = await import('../../db/schema/intake.ts');
  expect([...inboundEmailStatus.enumValues].sort()).toEqual([...statuses].sort());
});

test('a stored reason is shown as a sentence, never as its code, in either language', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    const t = translator(locale);
    for (const code of inboundReasons) {
      const text = inboundReasonText(t, {
        status: 'held',
        statusReason: code,
        statusDetail: {
          sizeBytes: 50 * 1024 * 1024,
          maxBytes: 40 * 1024 * 1024,
          attempts: 3,
          parts: 300,
          depth: 2,
          maxParts: 250,
          maxDepth: 16,
        },
      });
      for (const raw of allCodes.filter((c) => c.includes('_'))) expect(text, `${locale} ${code}`).not.toContain(raw);
      expect(text).not.toMatch(/\{\w+\}/);
    }
    for (const code of suggestionHeldReasons) expect(heldReasonText(t, code)).not.toContain(code);
  }
});

test('legacy and unknown values become sentences too', () => {
  const t = translator('zh-CN');
  expect(inboundReasonText(t, { status: 'held', statusReason: 'parse_error: Unexpected end of input' })).toBe(
    t('mail.reason.parse_error'),
  );
  expect(inboundReasonText(t, { status: 'held', statusReason: 'something_new' })).toBe(t('mail.reason.unknown'));
  expect(heldReasonText(t, 'weird_code')).toBe(t('held.reason.unspecified'));
  expect(
    inboundReasonText(t, {
      status: 'held',
      statusReason: 'message_too_large',
      statusDetail: { sizeBytes: 52_428_800, maxBytes: 41_943_040, downloaded: 'headers' },
    }),
  ).toBe(
    '邮件大小为 50 MB，超过系统上限 40 MB，为保护系统没有解析。原件没有下载，仍在意见邮箱中（已加星标），请在邮件客户端中查看。发件人已收到说明。',
  );
});

import iconv from 'iconv-lite';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { pick, prng, suggestionText } from '../corpus/texts.ts';
import { INTAKE_TOKEN } from '../setup/server.ts';
import { round } from './stats.ts';

// Figure 5: generated mail through the product's pipeline (POST
// /api/intake/email: stored, parsed, turned into a suggestion, committed
// before the 202) against mailparser alone on the same bytes. The messages
// are composed by nodemailer's MailComposer (UTF-8, some with an HTML
// alternative or a small attachment) or by hand with iconv-lite (GBK and Big5
// bodies, RFC 2047 subjects), never by the code under test.

export const EMAIL_MARKER = '十四五';

function legacyMessage(i: number, charset: 'GBK' | 'Big5', subject: string, body: string): Buffer {
  const b64 = (text: string) => iconv.encode(text, charset).toString('base64');
  const head = [
    `From: =?${charset}?B?${b64('校友')}?= <alumni${i}@example.com.hk>`,
    'To: jianyan@example.edu.cn',
    `Subject: =?${charset}?B?${b64(subject)}?=`,
    `Message-ID: <bench-${i}-${charset}@example.com.hk>`,
    'Date: Mon, 07 Dec 2026 09:00:00 +0800',
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${charset}`,
    'Content-Transfer-Encoding: base64',
  ].join('\r\n');
  const encoded = iconv.encode(body, charset).toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(`${head}\r\n\r\n${encoded}\r\n`, 'latin1');
}

export async function generateMessages(count: number): Promise<Buffer[]> {
  const random = prng(99);
  const messages: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random();
    const traditional = kind >= 0.85 && kind < 0.9;
    const text = suggestionText(random, traditional);
    const subject = `${EMAIL_MARKER}规划意见建议：${text.title}`;
    if (kind >= 0.75 && kind < 0.85) {
      messages.push(legacyMessage(i, 'GBK', subject, text.body));
      continue;
    }
    if (traditional) {
      messages.push(legacyMessage(i, 'Big5', subject.replace('规划意见建议', '規劃意見建議'), text.body));
      continue;
    }
    const mail = new MailComposer({
      from: `学生${i} <student${i}@example.edu.cn>`,
      to: 'jianyan@example.edu.cn',
      subject,
      messageId: `<bench-${i}@example.edu.cn>`,
      date: new Date('2026-12-07T01:00:00Z'),
      text: `${text.body}\n\n联系电话：138${String(i).padStart(8, '0')}`,
      html: kind < 0.15 ? `<p>${text.body}</p>` : undefined,
      attachments:
        kind >= 0.9
          ? [{ filename: pick(random, ['意见.txt', 'suggestion.csv']), content: `附件：${text.body.slice(0, 200)}` }]
          : undefined,
    });
    messages.push(await mail.compile().build());
  }
  return messages;
}

export async function mailparserCeiling(messages: Buffer[]) {
  const started = performance.now();
  for (const raw of messages) await simpleParser(raw);
  const seconds = (performance.now() - started) / 1000;
  return { messages: messages.length, seconds: round(seconds, 2), perSecond: round(messages.length / seconds) };
}

export async function intakeOverHttp(base: string, messages: Buffer[], concurrency = 4) {
  const outcomes: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < messages.length) {
      const raw = messages[next++]!;
      const response = await fetch(`${base}/api/intake/email`, {
        method: 'POST',
        headers: { authorization: `Bearer ${INTAKE_TOKEN}`, 'content-type': 'message/rfc822' },
        body: new Uint8Array(raw),
      });
      const answer = (await response.json().catch(() => ({}))) as { status?: string; reason?: string };
      const key =
        response.status === 202
          ? `${answer.status}${answer.reason ? `:${answer.reason}` : ''}`
          : `http ${response.status}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    messages: messages.length,
    seconds: round(seconds, 2),
    perSecond: round(messages.length / seconds),
    outcomes,
  };
}

import { simpleParser } from 'mailparser';
import { parseEmail } from './parse-email.server.ts';
import { type Probe } from './real-mail-probes.ts';

// Scores a decoder on real mail: how many probes (text each sender wrote, read
// by a person) appear in the decoded field. Shared by the committed real mails'
// test and the third-party suite (tests/third-party/mail-decoding.test.ts).

export type Fields = Record<Probe['field'], string>;

/** mailparser on the raw bytes, as the baseline the pipeline must beat. */
export async function mailparserAlone(raw: Buffer): Promise<Fields> {
  const parsed = await simpleParser(raw);
  const html = typeof parsed.html === 'string' ? parsed.html.replace(/<[^<>]*>/g, '') : '';
  return {
    subject: parsed.subject ?? '',
    fromName: parsed.from?.value[0]?.name ?? '',
    text: (parsed.text ?? html).replace(/\r\n?/g, '\n'),
    attachment: parsed.attachments.map((a) => a.filename ?? '').join('\n'),
  };
}

/** Jianyan's pipeline: candidate decoding, then mailparser. */
export async function pipeline(raw: Buffer): Promise<Fields> {
  const parsed = await parseEmail(raw);
  return {
    subject: parsed.subject,
    fromName: parsed.from.name ?? '',
    text: parsed.text,
    attachment: parsed.attachments.map((a) => a.filename).join('\n'),
  };
}

export async function probeAccuracy(
  probesByFile: Record<string, Probe[]>,
  read: (file: string) => Buffer,
  decode: (raw: Buffer) => Promise<Fields>,
) {
  let hits = 0;
  let total = 0;
  const misses: string[] = [];
  for (const [file, probes] of Object.entries(probesByFile)) {
    const fields = await decode(read(file));
    for (const probe of probes) {
      total++;
      if (fields[probe.field].includes(probe.contains)) hits++;
      else misses.push(`${file} ${probe.field}: ${probe.contains}`);
    }
  }
  return { hits, total, share: hits / total, misses };
}

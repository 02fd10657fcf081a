import http from 'node:http';
import postgres from 'postgres';
import { sealContactRow } from '../../app/domain/contacts/sealed-contact.ts';
import { contactKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { suggestionFormSchema } from '../../app/domain/suggestions/suggestion-form.ts';
import { generateTrackingCode } from '../../app/domain/suggestions/tracking-code.ts';
import '../../tests/setup/contact-keyring.ts';

// The ceiling for web submissions (figure 1): a bare node:http handler that
// does the same validated insert through the same driver, with nothing else:
// read the urlencoded form, validate it with the product's own schema, and in
// one transaction insert the suggestion and its sealed contact, then 302 to
// the receipt. Run as its own process: BENCH_DATABASE_URL, BENCH_PORT, BENCH_SETTINGS (JSON).

const sql = postgres(process.env.BENCH_DATABASE_URL!, { max: 10, onnotice: () => {} });
const settings = JSON.parse(process.env.BENCH_SETTINGS!) as Parameters<typeof suggestionFormSchema>[0] & {
  planId: number;
};
const schema = suggestionFormSchema(settings);
const keyring = contactKeyring();

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
    const parsed = schema.safeParse({
      ...form,
      categoryId: form.categoryId ? Number(form.categoryId) : undefined,
      sectionId: form.sectionId ? Number(form.sectionId) : undefined,
    });
    if (!parsed.success) {
      res.writeHead(400).end();
      return;
    }
    const v = parsed.data;
    sql
      .begin(async (tx) => {
        const [row] = await tx<{ id: string; tracking_code: string }[]>`
          insert into suggestions (tracking_code, plan_id, section_id, category_id, title, body, channel, submitter_type, intake_key)
          values (${generateTrackingCode()}, ${settings.planId}, ${v.sectionId ?? null}, ${v.categoryId}, ${v.title}, ${v.body}, 'web', ${v.submitterType}, ${`web:${v.intakeKey}`})
          returning id, tracking_code`;
        const s = sealContactRow(keyring, { name: v.name, unit: v.unit, phone: v.phone, email: v.email });
        await tx`insert into suggestion_contacts (suggestion_id, name, unit, phone, email, email_index, phone_index, phone_last4_index, key_id)
          values (${row!.id}, ${s.name}, ${s.unit}, ${s.phone}, ${s.email}, ${s.emailIndex}, ${s.phoneIndex}, ${s.phoneLast4Index}, ${s.keyId})`;
        return row!.tracking_code;
      })
      .then(
        (code) => res.writeHead(302, { Location: `/receipt/${code}` }).end(),
        () => res.writeHead(500).end(),
      );
  });
});
server.listen(Number(process.env.BENCH_PORT), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => server.close(() => sql.end().then(() => process.exit(0))));

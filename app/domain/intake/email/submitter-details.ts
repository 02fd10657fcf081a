import type { ContactDetails } from '../../contacts/contacts.server.ts';

// The notice asks for 「姓名、工作单位、联系方式」. People write them as
// labelled lines anywhere in the body or signature, with full-width or
// half-width colons, sometimes several on one line. Lines made only of such
// details move to the confidential contact record and leave the text.

const LABELS: [RegExp, keyof ContactDetails | 'contact'][] = [
  [/^(姓\s*名|名\s*字|署\s*名|Name)$/i, 'name'],
  [
    /^(工作[单單]位|所在[单單]位|[单單]\s*位|部\s*[门門]|[学學]院|班\s*[级級]|[单單]位及[职職]务|Unit|Organi[sz]ation)$/i,
    'unit',
  ],
  [/^(手\s*[机機]|[电電]\s*[话話]|[联聯][系繫][电電][话話]|手[机機][号號]?[码碼]?|Tel|Phone|Mobile)$/i, 'phone'],
  [/^([邮郵]\s*箱|[电電]子[邮郵]箱|[电電]子[邮郵]件|[电電][邮郵]|E-?mail)$/i, 'email'],
  [/^([联聯][系繫络絡]方式|[联聯][系繫][信资資]息|Contact)$/i, 'contact'],
];

// Linear on any input: the lookbehind lets a match start only where a run of
// address characters starts, so "aaaa…" with no @ is scanned once, not once
// per letter (quadratic without it).
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /\+?\d[\d\s()-]{5,}\d/;

export type Extracted = { contact: ContactDetails; text: string };

export function extractSubmitterDetails(text: string): Extracted {
  const contact: ContactDetails = {};
  const kept: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const segments = line
      .normalize('NFKC')
      .split(/\s{2,}|[，,；;|]\s*|\t/)
      .filter((s) => s.trim());
    const pairs = segments.map(labelledValue);
    if (segments.length === 0 || pairs.some((pair) => pair === null)) {
      kept.push(line);
      continue;
    }
    for (const pair of pairs) assign(contact, pair!.field, pair!.value);
  }
  return {
    contact,
    text: kept
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  };
}

function labelledValue(segment: string): { field: keyof ContactDetails | 'contact'; value: string } | null {
  const match = /^\s*([^:：]{1,12}?)\s*[:：]\s*(.*)$/.exec(segment);
  if (!match) return null;
  const field = LABELS.find(([pattern]) => pattern.test(match[1]!.trim()))?.[1];
  return field ? { field, value: match[2]!.trim() } : null;
}

function assign(contact: ContactDetails, field: keyof ContactDetails | 'contact', value: string) {
  if (!value) return;
  if (field === 'contact' || field === 'phone' || field === 'email') {
    const email = EMAIL.exec(value)?.[0];
    const phone = PHONE.exec(value.replace(EMAIL, ''))?.[0];
    if (email && !contact.email) contact.email = email;
    if (phone && !contact.phone) contact.phone = phone.trim();
    return;
  }
  if (!contact[field]) contact[field] = value.slice(0, field === 'name' ? 50 : 100);
}

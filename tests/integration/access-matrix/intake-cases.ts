import crypto from 'node:crypto';
import { inboundEmails } from '../../../db/schema/index.ts';
import { createPlan } from '../../factories/plans.ts';
import { sealedInboundEmail } from '../../factories/sealed.ts';
import { createSuggestion } from '../../factories/suggestions.ts';
import { eventually, holds, unique, type Case, type Harness } from './harness.ts';

// Mail waiting for a person, staff's manual entry, revealing a submitter's
// contact details, and exports (whose contact columns need read:contact:any
// however the form spells "yes").

const MODERATE: Case['needs'] = ['moderate:suggestion:any'];

async function mailWaiting(h: Harness, status: 'unmatched' | 'held') {
  const plan = await createPlan(h.db);
  const subject = unique('关于食堂的建议');
  const raw = Buffer.from(
    [
      'From: =?UTF-8?B?5p2O5Zub?= <li.si@example.edu.cn>',
      'To: ghy@example.edu.cn',
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      `Message-ID: <${crypto.randomUUID()}@mail.example.edu.cn>`,
      'Date: Mon, 03 Mar 2025 09:00:00 +0800',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      '建议延长食堂晚餐供应时间，方便晚课学生就餐。',
      '',
    ].join('\r\n'),
  );
  const [mail] = await h.db
    .insert(inboundEmails)
    .values({
      dedupeKey: unique('matrix-'),
      source: 'test',
      ...sealedInboundEmail(raw),
      sizeBytes: raw.byteLength,
      status,
      ...(status === 'held' ? { statusReason: 'no_marker', planId: plan.id } : {}),
    })
    .returning();
  return { plan: plan.id, mail: mail!.id };
}

const mailStatus = async (h: Harness, id: number | string) =>
  (await h.sql<{ s: string }[]>`select status::text as s from inbound_emails where id = ${id}`)[0]?.s;

export const intakeCases: Case[] = [
  {
    route: 'inbox.tsx',
    intent: 'assign',
    needs: MODERATE,
    setup: (h) => mailWaiting(h, 'unmatched'),
    path: () => '/admin/inbox',
    body: (c) => ({ intent: 'assign', id: String(c.mail), planId: String(c.plan) }),
    effect: async (h, c) => (await mailStatus(h, c.mail!)) !== 'unmatched',
  },
  {
    route: 'inbox.tsx',
    intent: 'retry',
    needs: MODERATE,
    setup: (h) => mailWaiting(h, 'held'),
    path: () => '/admin/inbox',
    body: (c) => ({ intent: 'retry', id: String(c.mail) }),
    effect: async (h, c) => (await mailStatus(h, c.mail!)) !== 'held',
  },
  {
    route: 'inbox.tsx',
    intent: 'discard',
    needs: MODERATE,
    setup: (h) => mailWaiting(h, 'held'),
    path: () => '/admin/inbox',
    body: (c) => ({ intent: 'discard', id: String(c.mail), reason: '广告邮件' }),
    effect: async (h, c) => (await mailStatus(h, c.mail!)) === 'discarded',
  },
  ...(['save', 'saveAndNext'] as const).map((intent): Case => ({
    route: 'intake-new.tsx',
    intent,
    needs: MODERATE,
    setup: async (h) => ({ plan: (await createPlan(h.db)).id, title: unique('来信：') }),
    path: () => '/admin/intake/new',
    body: (c) => ({
      intent,
      formKey: crypto.randomUUID(),
      planId: String(c.plan),
      channel: 'letter',
      receivedOn: '2026-12-01',
      submitterType: '教职工',
      name: '王五',
      phone: '13700001111',
      title: String(c.title),
      body: '建议增加自习室开放时间。',
    }),
    effect: (h, c) =>
      holds(h)`select exists (select 1 from suggestions where plan_id = ${c.plan} and title = ${c.title}) as ok`,
  })),
  {
    route: 'suggestion-contact.tsx',
    intent: 'form',
    needs: ['read:contact:any'],
    setup: async (h) => {
      const plan = await createPlan(h.db);
      const phone = `139${crypto.randomInt(10_000_000, 99_999_999)}`;
      const saved = await createSuggestion(h.db, plan.id, { contact: { name: '赵六', phone } });
      return { id: saved.id, phone };
    },
    path: (c) => `/admin/suggestions/${c.id}/contact`,
    body: () => ({ reason: '核实来信人身份' }),
    // The details in the answer, and the reveal audited.
    effect: async (h, c, response) =>
      response.includes(String(c.phone)) &&
      holds(
        h,
      )`select exists (select 1 from audit_log where action = 'contact.revealed' and target_id = ${String(c.id)}) as ok`,
  },
];

async function exportPlan(h: Harness) {
  const plan = await createPlan(h.db);
  await createSuggestion(h.db, plan.id);
  return { plan: plan.id };
}

// An export is logged when its stream ends, just after the last byte went out: give it a moment.
const exported = (h: Harness, plan: number | string, contacts: boolean) =>
  eventually(
    () =>
      holds(
        h,
      )`select exists (select 1 from export_log where plan_id = ${plan} and included_contacts = ${contacts}) as ok`,
    1500,
  );

export const exportCases: Case[] = [
  ...(['filter', 'adopted'] as const).map((intent): Case => ({
    route: 'exports-download.ts',
    intent,
    declaredIn: intent === 'adopted' ? ['exports.tsx', 'plan-dashboard.tsx'] : ['exports.tsx'],
    needs: ['export:suggestion:any'],
    setup: exportPlan,
    path: () => '/admin/exports/download',
    body: (c) => ({ intent, planId: String(c.plan), format: intent === 'adopted' ? 'docx' : 'csv' }),
    effect: (h, c) => exported(h, c.plan!, false),
  })),
  // Every spelling of "yes" the export parser accepts asks for the contact columns.
  ...['on', '1', 'true'].map((yes): Case => ({
    route: 'exports-download.ts',
    intent: 'filter',
    variant: `includeContacts=${yes}`,
    needs: ['export:suggestion:any', 'read:contact:any'],
    setup: exportPlan,
    path: () => '/admin/exports/download',
    body: (c) => ({ intent: 'filter', planId: String(c.plan), format: 'csv', includeContacts: yes }),
    effect: (h, c) => exported(h, c.plan!, true),
  })),
];

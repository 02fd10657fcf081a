import type { ComponentProps } from 'react';
import Acknowledgement from './acknowledgement.tsx';
import ConfirmDeletion from './confirm-deletion.tsx';
import ConsentChanged from './consent-changed.tsx';
import DecisionEmail from './decision.tsx';
import HeldNotice from './held-notice.tsx';
import StaffReply from './staff-reply.tsx';
import StaffUnlock from './staff-unlock.tsx';

// Every mail the portal sends, by the name the outbox stores. The outbox keeps
// a template's name and props, not its HTML: the worker renders at delivery,
// so the request that queues a mail never pays for rendering it
// (docs/decisions/089-mail-rendered-at-delivery.md). A name, once used, stays:
// queued rows refer to it.
export const mailTemplates = {
  acknowledgement: Acknowledgement,
  'confirm-deletion': ConfirmDeletion,
  'consent-changed': ConsentChanged,
  decision: DecisionEmail,
  'held-notice': HeldNotice,
  'staff-reply': StaffReply,
  'staff-unlock': StaffUnlock,
} as const;

export type MailTemplateName = keyof typeof mailTemplates;

/** A template and its props, as queued. The props must survive JSON. */
export type MailBody = {
  [Name in MailTemplateName]: { template: Name; props: ComponentProps<(typeof mailTemplates)[Name]> };
}[MailTemplateName];

export function isMailTemplateName(name: string): name is MailTemplateName {
  return Object.hasOwn(mailTemplates, name);
}

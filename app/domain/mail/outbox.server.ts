import { render } from '@react-email/render';
import type { ReactElement } from 'react';
import type { DbExecutor } from '../../../db/client.server.ts';
import { outboxMessages } from '../../../db/schema/index.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { sealOutboxColumns } from './sealed-outbox.ts';

export type OutgoingMail = {
  kind: string;
  to: string;
  subject: string;
  body: ReactElement;
  suggestionId?: number;
  headers?: Record<string, string>;
};

/**
 * Renders a react-email template (HTML and plain text) and queues it in the
 * caller's transaction: it is sent only if that transaction commits.
 */
export async function enqueueMail(tx: DbExecutor, mail: OutgoingMail): Promise<void> {
  const [html, text] = await Promise.all([render(mail.body), render(mail.body, { plainText: true })]);
  await tx.insert(outboxMessages).values({
    kind: mail.kind,
    subject: mail.subject,
    ...sealOutboxColumns(contactKeyring(), { to: mail.to, html, text }),
    suggestionId: mail.suggestionId,
    headers: mail.headers ?? {},
  });
}

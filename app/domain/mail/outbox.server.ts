import { render } from '@react-email/render';
import type { ReactElement } from 'react';
import type { DbExecutor } from '../../../db/client.server.ts';
import { outboxMessages } from '../../../db/schema/index.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { enqueueJob } from '../jobs/enqueue-job.server.ts';
import { QUEUES } from '../jobs/queues.ts';
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
  const [queued] = await tx
    .insert(outboxMessages)
    .values({
      kind: mail.kind,
      subject: mail.subject,
      ...sealOutboxColumns(contactKeyring(), { to: mail.to, html, text }),
      suggestionId: mail.suggestionId,
      headers: mail.headers ?? {},
    })
    .returning({ id: outboxMessages.id });
  // Wakes a sender as soon as this commits; the minutely run of the same
  // queue picks up retries and anything this job missed.
  await enqueueJob(tx, QUEUES.deliverMail, { outboxId: queued!.id });
}

import type { DbExecutor } from '../../../db/client.server.ts';
import { outboxMessages } from '../../../db/schema/index.ts';
import type { MailBody } from '../../../emails/templates.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { enqueueJob } from '../jobs/enqueue-job.server.ts';
import { QUEUES } from '../jobs/queues.ts';
import { sealOutboxColumns } from './sealed-outbox.ts';

export type OutgoingMail = {
  kind: string;
  to: string;
  subject: string;
  body: MailBody;
  suggestionId?: number;
  headers?: Record<string, string>;
};

/**
 * Queues a mail in the caller's transaction: it is sent only if that
 * transaction commits. Only the template's name and props are stored; the
 * worker renders them when it sends (render-mail.server.ts), because
 * rendering (the plain-text part above all) cost more CPU than the rest of a
 * web submission put together, inside its transaction (decision 089).
 */
export async function enqueueMail(tx: DbExecutor, mail: OutgoingMail): Promise<void> {
  const [queued] = await tx
    .insert(outboxMessages)
    .values({
      kind: mail.kind,
      subject: mail.subject,
      template: mail.body.template,
      ...sealOutboxColumns(contactKeyring(), {
        to: mail.to,
        props: JSON.stringify(mail.body.props),
        html: null,
        text: null,
      }),
      suggestionId: mail.suggestionId,
      headers: mail.headers ?? {},
    })
    .returning({ id: outboxMessages.id });
  // Wakes a sender as soon as this commits; the minutely run of the same
  // queue picks up retries and anything this job missed.
  await enqueueJob(tx, QUEUES.deliverMail, { outboxId: queued!.id });
}

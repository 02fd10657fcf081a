import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { from: string; to: string[]; raw: string };

/** A real SMTP server on loopback that keeps what it receives. */
export async function startSmtpSink({
  rejectRecipients = false,
  onMail,
  port: wantedPort = 0,
}: { rejectRecipients?: boolean; onMail?: (mail: ReceivedMail, index: number) => void; port?: number } = {}) {
  const received: ReceivedMail[] = [];
  let rejecting = rejectRecipients;
  let failingData = false;
  let acceptDelayMs = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejecting) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 450 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        // A slow receiving server: the message is in flight for this long.
        if (acceptDelayMs) await new Promise((resolve) => setTimeout(resolve, acceptDelayMs));
        if (failingData) return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(mail);
        onMail?.(mail, received.length);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(wantedPort, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    setRejecting: (value: boolean) => (rejecting = value),
    /** A 451 after DATA: the message is refused, for now, after it was sent. */
    setFailingData: (value: boolean) => (failingData = value),
    /** Holds each message this long after its DATA before accepting it. */
    setAcceptDelay: (ms: number) => (acceptDelayMs = ms),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

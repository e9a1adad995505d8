import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  to: string[];
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
};

/** A real SMTP server on a free local port that keeps what it receives, parsed. */
export async function startSmtpServer(opts: { reject?: (to: string) => boolean } = {}) {
  const received: ReceivedMail[] = [];
  const waiting: { match: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, done) {
      if (opts.reject?.(address.address)) {
        const e = new Error('mailbox unavailable') as Error & { responseCode: number };
        e.responseCode = 550;
        return done(e);
      }
      done();
    },
    onData(stream, session, done) {
      simpleParser(stream)
        .then((m) => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: m.subject ?? '',
            text: m.text ?? '',
            attachments: m.attachments.map((a) => ({
              filename: a.filename ?? '',
              contentType: a.contentType,
              content: a.content,
            })),
          };
          received.push(mail);
          for (const w of waiting.splice(0).filter((x) => (x.match(mail) ? (x.resolve(mail), false) : true)))
            waiting.push(w);
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The first mail (already received or still to come) that matches: an event, not a poll. */
    next: (match: (m: ReceivedMail) => boolean, skip = 0) =>
      new Promise<ReceivedMail>((resolve) => {
        const seen = received.filter(match);
        if (seen.length > skip) return resolve(seen[skip]!);
        let left = skip - seen.length;
        waiting.push({ match: (m) => match(m) && left-- <= 0, resolve });
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

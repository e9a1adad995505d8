import nodemailer from 'nodemailer';

export type MailAttachment = { filename: string; content: Buffer; contentType: string };
export type Mail = { to: string; subject: string; text: string; attachments?: MailAttachment[] };
export type Mailer = { send: (m: Mail) => Promise<void>; close: () => void };

/**
 * An SMTP client from a connection URL (smtp://user:pass@host:587, smtps://… for TLS from the
 * start); null when none is configured, and mail then waits in the outbox for an admin to read.
 */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl, { from });
  return {
    send: async (m) => {
      await transport.sendMail({ to: m.to, subject: m.subject, text: m.text, attachments: m.attachments });
    },
    close: () => transport.close(),
  };
}

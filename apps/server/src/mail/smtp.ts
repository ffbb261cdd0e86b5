/** Sending mail over SMTP (nodemailer), loaded by the mail plugin only when SMTP_URL is set. */
import nodemailer from "nodemailer";
import type { SendMail } from "./queue.js";

/** A nodemailer transport for SMTP_URL, with timeouts well inside the queue's lease. */
export const smtpSender = (smtpUrl: string, from: string): { send: SendMail; close(): void } => {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: (mail) =>
      transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId: mail.messageId,
      }),
    close: () => transport.close(),
  };
};

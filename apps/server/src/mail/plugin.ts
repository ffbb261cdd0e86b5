/**
 * Outgoing mail for the app's lifetime. With `SMTP_URL` set, a sender drains the queue through
 * nodemailer; without it nothing is sent and every message waits in the outbox admins read.
 * `app.mail.wake()` after a commit that queued mail sends it at once instead of at the next tick.
 */
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config.js";
import { type DigestScheduler, startDigestScheduler } from "./digest.js";
import { type MailSender, type SendRoundOptions, startMailSender } from "./queue.js";

declare module "fastify" {
  interface FastifyInstance {
    mail: {
      smtpConfigured: boolean;
      /** Call after a transaction that queued mail has committed. */
      wake(): void;
    };
  }
}

export interface MailPluginOptions {
  config: Config;
  /** Time between rounds; 0 runs no sender on this instance (another one sends). */
  intervalMs?: number;
  round?: SendRoundOptions;
}

export const mailIntervalFromEnv = (env: NodeJS.ProcessEnv = process.env): number => {
  const value = Number(env.MAIL_INTERVAL_MS ?? 5000);
  return Number.isFinite(value) && value >= 0 ? value : 5000;
};

export const mailPlugin = fp(
  async (app: FastifyInstance, opts: MailPluginOptions) => {
    const { smtpUrl, mailFrom, publicUrl } = opts.config;
    const intervalMs = opts.intervalMs ?? mailIntervalFromEnv();
    let sender: MailSender | null = null;
    app.decorate("mail", {
      smtpConfigured: smtpUrl !== null,
      wake: () => sender?.wake(),
    });
    if (!smtpUrl || intervalMs === 0) return;
    // nodemailer is loaded only when mail is sent from here: about 8 MiB of memory otherwise unused.
    const { smtpSender } = await import("./smtp.js");
    const smtp = smtpSender(smtpUrl, mailFrom);
    app.addHook("onReady", async () => {
      sender = startMailSender({
        handle: app.db,
        send: smtp.send,
        intervalMs,
        round: { messageIdHost: new URL(publicUrl).hostname, ...opts.round },
        log: (message, error) => app.log.warn({ err: error }, message),
      });
    });
    app.addHook("onClose", async () => {
      await sender?.stop();
      smtp.close();
    });
  },
  { name: "mail", dependencies: ["mutations"] },
);

/** Builds the daily digests for the app's lifetime (every `DIGEST_INTERVAL_MS`; 0: not here). */
export const digestPlugin = fp(
  async (app: FastifyInstance, opts: { config: Config }) => {
    const { publicUrl, digestHour, digestIntervalMs } = opts.config;
    if (digestIntervalMs === 0) return;
    let scheduler: DigestScheduler | null = null;
    app.addHook("onReady", async () => {
      scheduler = startDigestScheduler({
        handle: app.db,
        options: { publicUrl, digestHour },
        intervalMs: digestIntervalMs,
        onQueued: () => app.mail.wake(),
        log: (message, error) => app.log.warn({ err: error }, message),
      });
    });
    app.addHook("onClose", async () => scheduler?.stop());
  },
  { name: "digest", dependencies: ["mail"] },
);

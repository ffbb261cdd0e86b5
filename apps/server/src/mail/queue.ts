/**
 * The durable mail queue. A message is queued in the transaction of the change that caused it, so a
 * rolled-back change sends nothing and a committed one is never lost. Senders on any number of
 * instances claim due messages with `FOR UPDATE SKIP LOCKED` and a lease, send them outside any
 * transaction (a slow SMTP server holds no database connection), then mark them sent only for the
 * attempt they claimed (`attempts` fences a sender whose lease ran out). A failed send is retried with
 * exponential backoff up to `maxAttempts`, then kept as failed in the outbox.
 *
 * Exactly once: two instances never hold the same message (the claim), and a stopping instance
 * finishes what it claimed before it lets go. The one window left is a process killed between the
 * SMTP server's "250 OK" and the row being marked sent: after its lease the message goes again, with
 * the same Message-ID, so receiving servers can recognise the repeat.
 */
import { type DbHandle, type Executor, tables } from "@lattice/db";
import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { RenderedMail } from "./render.js";

export interface QueuedMail extends RenderedMail {
  kind: "invitation" | "password_reset" | "notification" | "digest";
  to: string;
  workspaceId?: string | null;
  /** Not before this many milliseconds from now (by the database's clock). */
  delayMs?: number;
  /** The notification it announces: read in the app before the message leaves, it is dropped. */
  notificationId?: string;
}

const queueRow = (mail: QueuedMail) => ({
  kind: mail.kind,
  toAddress: mail.to,
  subject: mail.subject,
  textBody: mail.text,
  htmlBody: mail.html,
  headers: mail.headers,
  workspaceId: mail.workspaceId ?? null,
  notificationId: mail.notificationId ?? null,
  ...(mail.delayMs ? { nextAttemptAt: sql`now() + ${`${mail.delayMs} milliseconds`}::interval` } : {}),
});

export const enqueueMail = async (db: Executor, mail: QueuedMail): Promise<string> => {
  const [row] = await db
    .insert(tables.mailMessages)
    .values(queueRow(mail))
    .returning({ id: tables.mailMessages.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
};

/** Several messages in one statement (the digests of a round). */
export const enqueueMails = async (db: Executor, mails: readonly QueuedMail[]): Promise<void> => {
  if (mails.length > 0) await db.insert(tables.mailMessages).values(mails.map(queueRow));
};

/** What a sender hands to SMTP (nodemailer's `sendMail` takes it as it is). */
export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export type SendMail = (mail: OutgoingMail) => Promise<unknown>;

export interface SendRoundOptions {
  batchSize?: number;
  /** How long a claim holds; longer than the SMTP timeouts of a whole batch. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Backoff of the first retry; each next one doubles, up to an hour. */
  retryBaseMs?: number;
  /** The host part of Message-IDs. */
  messageIdHost?: string;
}

export const retryDelayMs = (attempt: number, baseMs: number): number =>
  Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);

const errorText = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** One round: claims due messages, sends them, records each outcome. Returns how many were sent. */
export const sendDueMail = async (
  handle: DbHandle,
  send: SendMail,
  {
    batchSize = 20,
    leaseMs = 5 * 60_000,
    maxAttempts = 8,
    retryBaseMs = 30_000,
    messageIdHost = "lattice.localhost",
  }: SendRoundOptions = {},
): Promise<{ sent: number; claimed: number }> => {
  const m = tables.mailMessages;
  const n = tables.notifications;
  const isDue = and(
    isNull(m.sentAt),
    isNull(m.failedAt),
    isNull(m.cancelledAt),
    lte(m.nextAttemptAt, sql`now()`),
    or(isNull(m.lockedUntil), lte(m.lockedUntil, sql`now()`)),
  );
  const claimed = await handle.db.transaction(async (tx) => {
    // A message about a notification the person has read in the app meanwhile is dropped, not sent.
    const read = tx
      .select({ id: m.id })
      .from(m)
      .innerJoin(n, eq(n.id, m.notificationId))
      .where(and(isDue, isNotNull(n.readAt)))
      .limit(batchSize)
      .for("update", { of: m, skipLocked: true });
    await tx.update(m).set({ cancelledAt: sql`now()` }).where(inArray(m.id, read));
    const due = tx
      .select({ id: m.id })
      .from(m)
      .where(isDue)
      .orderBy(asc(m.nextAttemptAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    return tx
      .update(m)
      .set({
        attempts: sql`${m.attempts} + 1`,
        lockedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
      })
      .where(inArray(m.id, due))
      .returning();
  });
  let sent = 0;
  await Promise.all(
    claimed.map(async (row) => {
      const mine = and(eq(m.id, row.id), eq(m.attempts, row.attempts), isNull(m.sentAt));
      try {
        await send({
          messageId: `<${row.id}@${messageIdHost}>`,
          to: row.toAddress,
          subject: row.subject,
          text: row.textBody,
          html: row.htmlBody,
          headers: row.headers,
        });
      } catch (error) {
        const isLast = row.attempts >= maxAttempts;
        await handle.db
          .update(m)
          .set({
            lockedUntil: null,
            lastError: errorText(error),
            ...(isLast
              ? { failedAt: sql`now()` }
              : {
                  nextAttemptAt: sql`now() + ${`${retryDelayMs(row.attempts, retryBaseMs)} milliseconds`}::interval`,
                }),
          })
          .where(mine);
        return;
      }
      const marked = await handle.db
        .update(m)
        .set({ sentAt: sql`now()`, lockedUntil: null, lastError: null })
        .where(mine)
        .returning({ id: m.id });
      // None marked: the lease ran out and another sender claimed the message meanwhile.
      sent += marked.length;
    }),
  );
  return { sent, claimed: claimed.length };
};

export interface MailSender {
  /** Runs a round soon (after a message was queued), without waiting for the next tick. */
  wake(): void;
  /** One round now, or the one in flight. */
  runOnce(): Promise<number>;
  /** Stops the timer and waits for the round in flight: nothing claimed is left half-sent. */
  stop(): Promise<void>;
}

export const startMailSender = ({
  handle,
  send,
  intervalMs = 5000,
  round = {},
  log = () => {},
}: {
  handle: DbHandle;
  send: SendMail;
  intervalMs?: number;
  round?: SendRoundOptions;
  log?: (message: string, error: unknown) => void;
}): MailSender => {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<number> | null = null;
  let wokenDuringRound = false;

  const runOnce = (): Promise<number> => {
    if (inFlight) return inFlight;
    inFlight = sendDueMail(handle, send, round)
      .then((r) => r.claimed)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const schedule = (delayMs: number): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), delayMs);
  };

  const tick = async (): Promise<void> => {
    timer = null;
    wokenDuringRound = false;
    let claimed = 0;
    try {
      claimed = await runOnce();
    } catch (error) {
      log("sending mail failed; retrying at the next round", error);
    }
    // A full batch or a wake-up during the round: more may be due now.
    schedule(claimed >= (round.batchSize ?? 20) || wokenDuringRound ? 0 : intervalMs);
  };

  schedule(0);

  return {
    wake: () => {
      if (inFlight) wokenDuringRound = true;
      else schedule(0);
    },
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight?.catch(() => {});
    },
  };
};

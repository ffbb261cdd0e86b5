/**
 * A real SMTP server for tests (smtp-server), listening on a free loopback port. Each message is read
 * back with mailparser. It can refuse the next messages with a temporary error, to test retries.
 * Waiting is on state: `waitFor` resolves when the n-th message has arrived.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  url: string;
  messages: ParsedMail[];
  /** How many DATA commands were accepted (a duplicate send counts twice). */
  accepted: () => number;
  /** Refuses the next `count` messages with "451 try again later". */
  refuseNext(count: number): void;
  /** Resolves once at least `count` messages have arrived. */
  waitFor(count: number): Promise<ParsedMail[]>;
  /** Resolves with the first message to `address` (already arrived or still to come). */
  waitForTo(address: string): Promise<ParsedMail>;
  close(): Promise<void>;
}

export const startTestSmtp = async (): Promise<TestSmtp> => {
  const messages: ParsedMail[] = [];
  let refusals = 0;
  let waiters: { count: number; resolve: (m: ParsedMail[]) => void }[] = [];
  let addressWaiters: { address: string; resolve: (m: ParsedMail) => void }[] = [];
  const recipient = (mail: ParsedMail): string => {
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    return to?.value[0]?.address?.toLowerCase() ?? "";
  };
  const settle = () => {
    const ready = waiters.filter((w) => messages.length >= w.count);
    waiters = waiters.filter((w) => messages.length < w.count);
    for (const w of ready) w.resolve(messages);
    addressWaiters = addressWaiters.filter((w) => {
      const mail = messages.find((m) => recipient(m) === w.address);
      if (mail) w.resolve(mail);
      return !mail;
    });
  };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no self-signed STARTTLS for the client to refuse.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      if (refusals > 0) {
        refusals -= 1;
        stream.resume();
        stream.on("end", () =>
          callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 })),
        );
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
          settle();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    accepted: () => messages.length,
    refuseNext: (count) => {
      refusals = count;
    },
    waitFor: (count) =>
      new Promise((resolve) => {
        waiters.push({ count, resolve });
        settle();
      }),
    waitForTo: (address) =>
      new Promise((resolve) => {
        addressWaiters.push({ address: address.toLowerCase(), resolve });
        settle();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** The secret of the first link to `path` (`/invite`, `/reset-password`) in a message's text. */
export const linkToken = (mail: ParsedMail, path: string): string => {
  const match = new RegExp(`${path}#([A-Za-z0-9_-]{43})`).exec(mail.text ?? "");
  if (!match?.[1]) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1];
};

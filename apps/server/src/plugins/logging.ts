/**
 * The server's log options. Every line leaves without secrets: password hashes, session,
 * invitation and calendar-feed tokens (and their hashes) and cookies. Three layers, because a
 * secret can reach a line in three ways:
 * - by a known key (a cookie header, a password field, a failed query's `params`): pino's `redact`
 *   and the error serializer replace the value;
 * - inside an error's text (drizzle's message repeats the query's parameters, PostgreSQL's detail
 *   quotes the failing row): the error serializer cuts the parameters out of message and stack;
 * - anywhere else (a feed URL in the request line): the final line is scrubbed of anything shaped
 *   like a password hash or a token before it is written.
 */
import type { FastifyServerOptions } from "fastify";
import pino, { type DestinationStream, type LoggerOptions, stdSerializers } from "pino";

export const REDACTED = "[redacted]";

/** Where secrets sit under a known name in what the server logs. */
const redactPaths = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "headers.cookie",
  "headers.authorization",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.passwordHash",
  "*.token",
];

/** `scrypt$N$r$p$salt$key`, the stored password format. */
const passwordHashPattern = /scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+/g;
/**
 * Tokens are 32 random bytes and token hashes SHA-256 digests, both 43 characters of base64url; no
 * word, id (a UUID breaks every 12 characters) or path the server logs is that long without a break.
 */
const tokenPattern = /[A-Za-z0-9_-]{43,}/g;

/** Replaces anything shaped like a password hash or a token. */
export const scrubSecrets = (text: string): string =>
  text.replace(passwordHashPattern, REDACTED).replace(tokenPattern, REDACTED);

type SerializedError = ReturnType<typeof stdSerializers.err>;

/** The text of each failed query's parameters along an error and its causes. */
const queryParamTexts = (error: unknown): string[] => {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  let current = error;
  while (current !== null && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if ("params" in current) texts.push(String(current.params));
    current = current instanceof Error ? current.cause : undefined;
  }
  return texts.filter((text) => text !== "");
};

/**
 * A failed query's parameters are the row it tried to write (a new user's password hash, a session's
 * token hash). The standard serializer folds the causes' messages and stacks into the error's own,
 * and drizzle's message repeats the parameters: cut them out of both and drop the field.
 */
export const serializeError = (error: Error): SerializedError => {
  const serialized = stdSerializers.err(error);
  const texts = queryParamTexts(error);
  if (texts.length === 0) return serialized;
  const cut = (text: string) => texts.reduce((result, params) => result.split(params).join(REDACTED), text);
  return {
    ...serialized,
    message: cut(serialized.message),
    stack: cut(serialized.stack),
    ...("params" in serialized ? { params: REDACTED } : {}),
  };
};

/** Pino options for Fastify's logger; `stream` lets tests read the lines. */
export const loggerOptions = (
  level: string,
  stream?: DestinationStream,
): NonNullable<FastifyServerOptions["logger"]> & LoggerOptions => ({
  level,
  redact: { paths: redactPaths, censor: REDACTED },
  serializers: { err: serializeError },
  hooks: { streamWrite: scrubSecrets },
  ...(stream ? { stream } : {}),
});

/** How long a buffered log line may wait for others before it is written anyway. */
const LOG_FLUSH_MS = 250;

/**
 * Standard output for the server's log, written in batches: a synchronous write per line cost a
 * system call per request, a seventh of the server's time on a card move. Lines wait until 4 KiB
 * have gathered or a quarter of a second has passed; pino writes what is left when the process
 * exits.
 */
export const bufferedStdout = (): DestinationStream => {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  let isPending = false;
  let isClosed = false;
  destination.once("close", () => {
    isClosed = true;
  });
  setInterval(() => {
    if (!isPending || isClosed) return;
    isPending = false;
    destination.flush();
  }, LOG_FLUSH_MS).unref();
  return {
    write: (line) => {
      isPending = true;
      destination.write(line);
    },
  };
};

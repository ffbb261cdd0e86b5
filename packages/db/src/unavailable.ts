/**
 * Telling "the database cannot be reached right now" apart from every other failure. Such an error
 * is temporary and says nothing about the request: the server answers 503 with Retry-After and keeps
 * running, and the pool reconnects by itself once PostgreSQL is back.
 */

// SQLSTATE classes and codes of a lost or refused connection: 08 connection exception, 57P01 admin
// shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down), 53300 too
// many connections.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

// Socket-level failures reported by Node.
const UNAVAILABLE_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

// `pg` reports a dropped connection or a pool wait past connectionTimeoutMillis with plain Errors.
const UNAVAILABLE_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
  "Cannot use a pool after calling end on the pool",
];

const isUnavailableItself = (error: object): boolean => {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    if (code.startsWith("08") && code.length === 5) return true;
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code)) return true;
  }
  return typeof message === "string" && UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
};

/** Whether `error` (or what it wraps: drizzle's query error, an AggregateError) is a lost database. */
export const isDatabaseUnavailable = (error: unknown, depth = 0): boolean => {
  if (error === null || typeof error !== "object" || depth > 8) return false;
  if (isUnavailableItself(error)) return true;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (isDatabaseUnavailable(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1));
};

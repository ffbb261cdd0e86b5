/**
 * The one place the browser talks HTTP. Every reply is checked against the shared zod schema, every
 * failure becomes an ApiError parsed from problem+json, and every mutation carries an Idempotency-Key
 * (the client mutation id) so a retried request is applied once, and the X-Lattice-Client header
 * that tells the server the change is not forged by another site.
 */
import type { FieldError } from "@lattice/domain";
import { translate } from "../lib/i18n/i18n";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(init: { status: number; code: string; title: string; detail: string; errors?: FieldError[] }) {
    super(init.detail || init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
  }

  /** Field errors keyed by the last segment of their path (`body.email` → `email`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const error of this.errors) {
      const key = error.field.split(".").pop() ?? error.field;
      if (!(key in out)) out[key] = error.message;
    }
    return out;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const asFieldErrors = (value: unknown): FieldError[] => {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isRecord(item) && typeof item.field === "string" && typeof item.message === "string"
      ? [{ field: item.field, message: item.message }]
      : [],
  );
};

/** Turns any failed response into an ApiError, whether or not the body is problem+json. */
export const parseProblem = async (response: Response): Promise<ApiError> => {
  const fallbackTitle = response.statusText || translate("errors.requestFailed", { status: response.status });
  let body: unknown = null;
  const text = await response.text().catch(() => "");
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!isRecord(body)) {
    return new ApiError({
      status: response.status,
      code: response.status >= 500 ? "internal" : "http_error",
      title: fallbackTitle,
      detail: response.status >= 500 ? translate("errors.serverProblem") : fallbackTitle,
    });
  }
  const title = typeof body.title === "string" ? body.title : fallbackTitle;
  return new ApiError({
    status: typeof body.status === "number" ? body.status : response.status,
    code: typeof body.code === "string" ? body.code : "http_error",
    title,
    detail: typeof body.detail === "string" && body.detail ? body.detail : title,
    errors: asFieldErrors(body.errors),
  });
};

/** The part of a zod schema the client needs (keeps zod itself out of this package's imports). */
export interface ReplySchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/**
 * A reply schema, or a loader of one: the first screen's requests (session, sign-in options) name
 * their schema through `import()` so that zod is not on the first screen; the schema then loads
 * beside the request.
 */
export type ReplySchemaSource<T> = ReplySchema<T> | (() => Promise<ReplySchema<T>>);

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  body?: unknown;
  /** Client mutation id; generated when omitted for a mutation. */
  mutationId?: string;
  signal?: AbortSignal;
}

export const newMutationId = (): string => crypto.randomUUID();

let requestsInFlight = 0;
const settledListeners = new Set<() => void>();

/** Whether a request (or its reply being read and checked) is under way. */
export const hasRequestsInFlight = (): boolean => requestsInFlight > 0;

/**
 * Calls `listener` once no request is in flight (at once if none is): what the page asked for comes
 * first, and background work such as fetching code for later waits for it. Returns a cancel function.
 */
export const whenRequestsSettle = (listener: () => void): (() => void) => {
  if (requestsInFlight === 0) {
    listener();
    return () => undefined;
  }
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
};

/** Counts `work` (a request, its reply read and checked) as in flight until it ends. */
const inFlight = async <T>(work: () => Promise<T>): Promise<T> => {
  requestsInFlight += 1;
  try {
    return await work();
  } finally {
    requestsInFlight -= 1;
    if (requestsInFlight === 0) {
      const listeners = [...settledListeners];
      settledListeners.clear();
      for (const listener of listeners) listener();
    }
  }
};

const send = async (method: Method, path: string, options: RequestOptions = {}): Promise<Response> => {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (method !== "GET") {
    headers["Idempotency-Key"] = options.mutationId ?? newMutationId();
    // The server refuses a change that is neither JSON nor marked as ours: another site's page can
    // send neither without a CORS preflight, so a body-less POST cannot be forged.
    headers["X-Lattice-Client"] = "web";
  }
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  if (options.signal) init.signal = options.signal;
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({
      status: 0,
      code: "network",
      title: translate("errors.noConnectionTitle"),
      detail: translate("errors.noConnection"),
    });
  }
  if (!response.ok) throw await parseProblem(response);
  return response;
};

/**
 * GET replies requested ahead of the code that reads them: a board opened by its address asks for its
 * snapshot while the app checks the session and fetches the board's code, instead of after. The first
 * `request` for the same path takes the reply (and checks it like any other); a failed one is dropped,
 * and so is one left unclaimed for 10 s, so a later visit always asks the server again.
 */
const repliesAhead = new Map<string, Promise<Response>>();
const UNCLAIMED_MS = 10_000;

export const fetchAhead = (path: string): void => {
  const reply = inFlight(() => send("GET", path));
  const forget = () => {
    if (repliesAhead.get(path) === reply) repliesAhead.delete(path);
  };
  reply.catch(forget);
  repliesAhead.set(path, reply);
  window.setTimeout(forget, UNCLAIMED_MS);
};

const takeAhead = (method: Method, path: string, options: RequestOptions): Promise<Response> | null => {
  const reply = method === "GET" && !options.signal ? repliesAhead.get(path) : undefined;
  if (!reply) return null;
  repliesAhead.delete(path);
  return reply;
};

/** A request whose reply body is validated by `schema`. */
export const request = async <T>(
  method: Method,
  path: string,
  schema: ReplySchemaSource<T>,
  options: RequestOptions = {},
): Promise<T> =>
  inFlight(async () => {
    const schemaReady = typeof schema === "function" ? schema() : schema;
    // Not left unhandled while the request is under way; awaited (and its error thrown) below.
    if (schemaReady instanceof Promise) schemaReady.catch(() => undefined);
    const response = await (takeAhead(method, path, options) ?? send(method, path, options));
    const json: unknown = await response.json();
    const parsed = (await schemaReady).safeParse(json);
    if (!parsed.success) {
      throw new ApiError({
        status: response.status,
        code: "bad_reply",
        title: translate("errors.badReplyTitle"),
        detail: translate("errors.badReply"),
      });
    }
    return parsed.data;
  });

/** A request with no reply body (204). */
export const requestEmpty = async (
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<void> =>
  inFlight(async () => {
    await send(method, path, options);
  });

/** A short sentence to show a person, for any thrown value. */
export const describeError = (error: unknown): string => {
  if (error instanceof ApiError) return error.detail || error.title;
  if (error instanceof Error) return error.message;
  return translate("errors.somethingWrong");
};

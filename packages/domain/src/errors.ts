import type { ServerMessageKey } from "./i18n/en.js";

/**
 * The closed set of error codes the API answers with. Each maps to one HTTP status in one table,
 * so a route can never invent an ad-hoc error string or status.
 */
export const ErrorCode = {
  validationFailed: "validation_failed",
  malformedBody: "malformed_body",
  payloadTooLarge: "payload_too_large",
  unauthenticated: "unauthenticated",
  invalidCredentials: "invalid_credentials",
  accountDeactivated: "account_deactivated",
  forbidden: "forbidden",
  notFound: "not_found",
  conflict: "conflict",
  /** Well-formed but not meaningful: a repeat rule that does not read or ends before it starts. */
  unprocessable: "unprocessable",
  emailTaken: "email_taken",
  lastOwner: "last_owner",
  statusNotEmpty: "status_not_empty",
  lastStatus: "last_status",
  cycle: "cycle",
  blocked: "blocked",
  rateLimited: "rate_limited",
  unsupportedMediaType: "unsupported_media_type",
  internal: "internal",
  unavailable: "unavailable",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const httpStatusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_body: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_deactivated: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  email_taken: 409,
  last_owner: 409,
  status_not_empty: 409,
  last_status: 409,
  cycle: 409,
  blocked: 409,
  rate_limited: 429,
  unsupported_media_type: 415,
  internal: 500,
  unavailable: 503,
};

export const titleByCode: Record<ErrorCode, string> = {
  validation_failed: "The request is not valid",
  malformed_body: "The request body is not valid JSON",
  payload_too_large: "The request body is too large",
  unauthenticated: "You need to log in",
  invalid_credentials: "Email or password is wrong",
  account_deactivated: "This account has been deactivated",
  forbidden: "You are not allowed to do this",
  not_found: "Not found",
  conflict: "The request conflicts with the current state",
  unprocessable: "The request is well formed but cannot be carried out",
  email_taken: "An account with this email already exists",
  last_owner: "A workspace needs at least one owner",
  status_not_empty: "The status still holds cards",
  last_status: "A space needs at least one status",
  cycle: "The relation would close a cycle",
  blocked: "The card is blocked",
  rate_limited: "Too many attempts",
  unsupported_media_type: "Send the body as application/json",
  internal: "Something went wrong on our side",
  unavailable: "The service is briefly unavailable; try again shortly",
};

/** A refusal's message in the server catalogs (i18n/en.ts, prefix `refusal.`). */
export type RefusalKey = Extract<ServerMessageKey, `refusal.${string}`>;

/**
 * What a refusal says, as a message key and its values, so a reader gets it in their language
 * (i18n/refusal.ts). A list value (blockers, the cards of a cycle) is written item by item with the
 * item's message and joined with the separator's, both in the reader's language.
 */
export interface Refusal {
  key: RefusalKey;
  values?: Record<string, string | number>;
  lists?: Record<string, { item: RefusalKey; separator: RefusalKey; items: Record<string, string>[] }>;
  /** Values that are sentences of their own (a field's problem inside "{field} {problem}"). */
  parts?: Record<string, RefusalMessage>;
  /** The field problems' messages, in the order of the error's `errors`. */
  fields?: RefusalMessage[];
}

/** One message of the catalogs with its values. */
export interface RefusalMessage {
  key: RefusalKey;
  values?: Record<string, string | number>;
}

export interface FieldError {
  /** Dotted path of the offending field, e.g. `body.name`. */
  field: string;
  message: string;
}

/**
 * A failure a command reports on purpose; the server turns it into problem+json. `message` stays the
 * English sentence (logs, tests); `refusal`, when given, is the same sentence as a message key and
 * values, which the server and the web app write in the reader's language.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  readonly refusal: Refusal | null;
  // The refusal is required so that no refusal reaches a reader in English only.
  constructor(code: ErrorCode, detail: string | undefined, errors: FieldError[], refusal: Refusal | null) {
    super(detail ?? titleByCode[code]);
    this.name = "DomainError";
    this.code = code;
    this.errors = errors;
    this.refusal = refusal;
  }
}

/**
 * 400 for one field: "body.statusId is not a status of this card's space". `message` is the English
 * problem, `problem` the same as a `refusal.field.*` message.
 */
export const invalidFieldRefusal = (field: string, message: string, problem: RefusalMessage): DomainError =>
  new DomainError(ErrorCode.validationFailed, `${field} ${message}`, [{ field, message }], {
    key: "refusal.invalidField",
    values: { field },
    parts: { problem },
    fields: [problem],
  });

/** The things a refusal names by their English noun ("Card not found"), with their message keys. */
const notFoundKeys = {
  Attachment: "refusal.notFound.attachment",
  Blocking: "refusal.notFound.blocking",
  Card: "refusal.notFound.card",
  Column: "refusal.notFound.column",
  Comment: "refusal.notFound.comment",
  Field: "refusal.notFound.field",
  Folder: "refusal.notFound.folder",
  Label: "refusal.notFound.label",
  Relation: "refusal.notFound.relation",
  "Saved view": "refusal.notFound.savedView",
  Space: "refusal.notFound.space",
  Status: "refusal.notFound.status",
  "To-do": "refusal.notFound.todo",
  Workspace: "refusal.notFound.workspace",
} as const satisfies Record<string, RefusalKey>;

/** A thing `notFound` can name: one with a message in the catalogs. */
export type NotFoundNoun = keyof typeof notFoundKeys;

/** "Card not found": 404 for a thing the caller may not know exists. */
export const notFound = (what: NotFoundNoun): DomainError =>
  new DomainError(ErrorCode.notFound, `${what} not found`, [], { key: notFoundKeys[what] });

/** 403 for a role that may see the thing but not do this. */
export const roleRefusal = (role: string): DomainError =>
  role === "visitor"
    ? new DomainError(ErrorCode.forbidden, "Visitors can read and comment but not change this", [], {
        key: "refusal.forbidden.visitor",
      })
    : new DomainError(ErrorCode.forbidden, `Your role (${role}) does not allow this`, [], {
        key: "refusal.forbidden.role",
        values: { role },
      });

/** RFC 9457 problem details as sent on the wire. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
}

export const problemType = (code: ErrorCode): string => `/problems/${code.replaceAll("_", "-")}`;

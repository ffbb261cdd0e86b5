/**
 * One error handler for the whole API: every failure leaves as application/problem+json with a
 * stable `type`, the status from the domain's code table and, for bad input, the offending fields.
 * A 5xx never carries internals; they go to the log only.
 */
import { isDatabaseUnavailable } from "@lattice/db";
import {
  createTranslator,
  DomainError,
  ErrorCode,
  type FieldError,
  httpStatusByCode,
  type Problem,
  problemType,
  type RefusalMessage,
  refusalFieldErrors,
  refusalSentence,
  type ServerLocale,
  serverLocaleOf,
  type Translator,
  titleByCode,
} from "@lattice/domain";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { acceptedLocale } from "../accept-language.js";

/** The first code of each status in the domain's table, for answers that carry only a status. */
const codeByStatus = new Map<number, ErrorCode>(
  (Object.entries(httpStatusByCode) as [ErrorCode, number][])
    .reverse()
    .map(([code, status]) => [status, code]),
);

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = "2";

/**
 * The reader's language: the signed-in person's `users.locale`, else the request's
 * Accept-Language, else English.
 */
const readerLocale = (request: FastifyRequest): ServerLocale =>
  serverLocaleOf(request.user?.locale ?? acceptedLocale(request.headers));

/** The translator for a non-English reader; English answers keep the server's own sentences. */
const readerTranslator = (request: FastifyRequest): Translator | null => {
  const locale = readerLocale(request);
  return locale === "en" ? null : createTranslator(locale);
};

const titleIn = (code: ErrorCode, translator: Translator | null): string =>
  translator ? translator.t(`problem.title.${code}`) : titleByCode[code];

/**
 * A sentence the error handler writes itself: English as given, or the same as a message of the
 * catalogs in the reader's language.
 */
interface Said {
  english: string;
  message: RefusalMessage;
}

const sayIn = (said: Said, translator: Translator | null): string =>
  translator ? translator.t(said.message.key, said.message.values) : said.english;

/** `detail` and `errors` as given are already in the reader's language; the title is put in it here. */
export const sendProblem = (
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
): FastifyReply => {
  const status = httpStatusByCode[code];
  const title = titleIn(code, readerTranslator(reply.request));
  const problem: Problem = {
    type: problemType(code),
    title,
    status,
    detail: detail ?? title,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply.code(status).type("application/problem+json").send(problem);
};

/** A problem whose detail and field problems the handler words itself, in the reader's language. */
const sendSaid = (
  reply: FastifyReply,
  code: ErrorCode,
  detail: Said,
  errors: { field: string; said: Said }[] = [],
): FastifyReply => {
  const translator = readerTranslator(reply.request);
  return sendProblem(
    reply,
    code,
    sayIn(detail, translator),
    errors.map((e) => ({ field: e.field, message: sayIn(e.said, translator) })),
  );
};

/** A DomainError's detail and field problems in the reader's language (English: its own words). */
const sendRefusal = (reply: FastifyReply, error: DomainError): FastifyReply => {
  const translator = readerTranslator(reply.request);
  if (!translator || !error.refusal) return sendProblem(reply, error.code, error.message, error.errors);
  return sendProblem(
    reply,
    error.code,
    refusalSentence(error, translator),
    refusalFieldErrors(error, translator),
  );
};

const inputOf = (request: FastifyRequest, context: string): unknown =>
  context === "querystring"
    ? request.query
    : context === "params"
      ? request.params
      : context === "headers"
        ? request.headers
        : request.body;

const valueAt = (root: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined,
    root,
  );

/** What a zod issue carries besides its code and path (fastify-type-provider-zod's `params`). */
interface IssueParams {
  keys?: unknown;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  format?: unknown;
  values?: unknown;
  divisor?: unknown;
  params?: { refusal?: RefusalMessage };
}

const numberOf = (value: unknown): number =>
  typeof value === "bigint" ? Number(value) : typeof value === "number" ? value : Number(value);

/**
 * A zod issue as a message of the catalogs, from its code and parameters (names and limits stay as
 * the schema has them). A refinement names its own message in `params.refusal`.
 */
const issueMessage = (keyword: string, params: IssueParams): RefusalMessage => {
  const origin = String(params.origin ?? "");
  const isText = origin === "string";
  const isList = origin === "array" || origin === "set";
  switch (keyword) {
    case "invalid_type":
      return { key: "refusal.validation.invalidType", values: { expected: String(params.expected ?? "") } };
    case "too_small": {
      const minimum = numberOf(params.minimum);
      if (isText) return { key: "refusal.validation.tooShort", values: { minimum } };
      if (isList) return { key: "refusal.validation.tooFewItems", values: { minimum } };
      return {
        key: params.inclusive === false ? "refusal.validation.aboveNumber" : "refusal.validation.minNumber",
        values: { minimum },
      };
    }
    case "too_big": {
      const maximum = numberOf(params.maximum);
      if (isText) return { key: "refusal.validation.tooLong", values: { maximum } };
      if (isList) return { key: "refusal.validation.tooManyItems", values: { maximum } };
      return {
        key: params.inclusive === false ? "refusal.validation.belowNumber" : "refusal.validation.maxNumber",
        values: { maximum },
      };
    }
    case "invalid_format":
      return { key: "refusal.validation.format", values: { format: String(params.format ?? "") } };
    case "invalid_value":
      return Array.isArray(params.values)
        ? {
            key: "refusal.validation.oneOf",
            values: { values: params.values.map((v) => String(v)).join(", ") },
          }
        : { key: "refusal.validation.invalid" };
    case "not_multiple_of":
      return { key: "refusal.validation.multipleOf", values: { divisor: numberOf(params.divisor) } };
    case "custom":
      return params.params?.refusal ?? { key: "refusal.validation.invalid" };
    default:
      return { key: "refusal.validation.invalid" };
  }
};

/**
 * A request's field problems from zod's issues: English as zod (or the schema) words them, other
 * languages from the catalogs. Runs only on the error path.
 */
const fieldErrorsFromZod = (
  error: FastifyError,
  request: FastifyRequest,
  translator: Translator | null,
): FieldError[] => {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const context = error.validationContext ?? "body";
  const input = inputOf(request, context);
  const say = (english: string, message: RefusalMessage) =>
    translator ? translator.t(message.key, message.values) : english;
  return error.validation.flatMap((v) => {
    const path = (v.instancePath ?? "").split("/").filter(Boolean);
    const field = (segments: readonly string[]) => [context, ...segments].join(".");
    const params = (v.params ?? {}) as IssueParams;
    // An unknown field is named itself, not its parent object.
    const keys = params.keys;
    if (v.keyword === "unrecognized_keys" && Array.isArray(keys) && keys.length > 0) {
      return keys.map((key) => ({
        field: field([...path, String(key)]),
        message: say("is not a known field", { key: "refusal.validation.unknownField" }),
      }));
    }
    // Zod issues do not carry the input, so look the value up to tell "missing" from "wrong type".
    const isMissing = v.keyword === "invalid_type" && path.length > 0 && valueAt(input, path) === undefined;
    const message = isMissing
      ? say("is required", { key: "refusal.validation.required" })
      : say(v.message ?? "is invalid", issueMessage(v.keyword, params));
    return [{ field: field(path), message }];
  });
};

/**
 * Errors the router raises before any route or hook runs (Fastify's `frameworkErrors`): a path that
 * is not valid percent-encoding, or a path parameter longer than the router accepts. Both are bad
 * input, answered like an id that is not a UUID: 400 naming the path.
 */
export const answerFrameworkError = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply => {
  switch (error.code) {
    case "FST_ERR_BAD_URL":
      return sendSaid(
        reply,
        ErrorCode.validationFailed,
        { english: "The path is not valid percent-encoding", message: { key: "refusal.problem.badPath" } },
        [
          {
            field: "path",
            said: { english: "is not valid percent-encoding", message: { key: "refusal.field.badPath" } },
          },
        ],
      );
    case "FST_ERR_MAX_PARAM_LENGTH":
      return sendSaid(
        reply,
        ErrorCode.validationFailed,
        { english: "A part of the path is too long", message: { key: "refusal.problem.longPath" } },
        [
          {
            field: "path",
            said: { english: "has a part longer than any id", message: { key: "refusal.field.longPath" } },
          },
        ],
      );
  }
  request.log.error({ err: error }, "router error");
  return sendProblem(reply, ErrorCode.internal);
};

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) return sendRefusal(reply, error);
    // A lost database is temporary: say when to retry instead of a 500.
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", DATABASE_RETRY_AFTER_SECONDS);
      return sendSaid(reply, ErrorCode.unavailable, {
        english: "The database cannot be reached; try again shortly",
        message: { key: "refusal.problem.databaseUnavailable" },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const translator = readerTranslator(request);
      const errors = fieldErrorsFromZod(error, request, translator);
      const detail = errors
        .map((e) =>
          translator
            ? translator.t("refusal.invalidField", { field: e.field, problem: e.message })
            : `${e.field} ${e.message}`,
        )
        .join(translator ? translator.t("refusal.separator.semicolon") : "; ");
      return sendProblem(reply, ErrorCode.validationFailed, detail || undefined, errors);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "reply does not match its schema");
      return sendProblem(reply, ErrorCode.internal);
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return sendSaid(
          reply,
          ErrorCode.malformedBody,
          { english: "The request body is not valid JSON", message: { key: "refusal.problem.invalidJson" } },
          [
            {
              field: "body",
              said: { english: "is not valid JSON", message: { key: "refusal.field.invalidJson" } },
            },
          ],
        );
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return sendProblem(reply, ErrorCode.payloadTooLarge);
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return sendProblem(reply, ErrorCode.unsupportedMediaType);
    }
    if (error.statusCode === 429)
      return sendSaid(reply, ErrorCode.rateLimited, {
        english: "Too many attempts; wait a minute",
        message: { key: "refusal.problem.rateLimited" },
      });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, ErrorCode.validationFailed, error.message);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(reply, ErrorCode.internal);
  });

  // A plugin that answers an error its own way (an empty 404 for a plain GET of the WebSocket
  // endpoint) still answers problem+json, with the code that matches its status.
  app.addHook("onSend", async (request, reply, payload) => {
    const contentType = String(reply.getHeader("content-type") ?? "");
    if (reply.statusCode < 400 || contentType.startsWith("application/problem+json")) return payload;
    const code =
      codeByStatus.get(reply.statusCode) ??
      (reply.statusCode >= 500 ? ErrorCode.internal : ErrorCode.validationFailed);
    const title = titleIn(code, readerTranslator(request));
    const problem: Problem = {
      type: problemType(code),
      title,
      status: reply.statusCode,
      detail: `${title}: ${request.method} ${request.url.split("?")[0]}`,
      code,
    };
    reply.type("application/problem+json");
    return JSON.stringify(problem);
  });

  app.setNotFoundHandler((request, reply) =>
    sendSaid(reply, ErrorCode.notFound, {
      english: `No route ${request.method} ${request.url.split("?")[0]}`,
      message: {
        key: "refusal.problem.noRoute",
        values: { method: request.method, path: request.url.split("?")[0] ?? "" },
      },
    }),
  );
});

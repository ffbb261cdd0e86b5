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
  refusalSentence,
  serverLocaleOf,
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

export const sendProblem = (
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
): FastifyReply => {
  const status = httpStatusByCode[code];
  const problem: Problem = {
    type: problemType(code),
    title: titleByCode[code],
    status,
    detail: detail ?? titleByCode[code],
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply.code(status).type("application/problem+json").send(problem);
};

/**
 * A refusal's sentence in the reader's language: the signed-in person's `users.locale`, else the
 * request's Accept-Language, else English (the error's own `message`).
 */
const refusalDetail = (error: DomainError, request: FastifyRequest): string => {
  const locale = serverLocaleOf(request.user?.locale ?? acceptedLocale(request.headers));
  if (!error.refusal || locale === "en") return error.message;
  return refusalSentence(error, createTranslator(locale));
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

const fieldErrorsFromZod = (error: FastifyError, request: FastifyRequest): FieldError[] => {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const context = error.validationContext ?? "body";
  const input = inputOf(request, context);
  return error.validation.flatMap((v) => {
    const path = (v.instancePath ?? "").split("/").filter(Boolean);
    const field = (segments: readonly string[]) => [context, ...segments].join(".");
    // An unknown field is named itself, not its parent object.
    const keys = (v.params as { keys?: unknown } | undefined)?.keys;
    if (v.keyword === "unrecognized_keys" && Array.isArray(keys) && keys.length > 0) {
      return keys.map((key) => ({ field: field([...path, String(key)]), message: "is not a known field" }));
    }
    // Zod issues do not carry the input, so look the value up to tell "missing" from "wrong type".
    const isMissing = v.keyword === "invalid_type" && path.length > 0 && valueAt(input, path) === undefined;
    return [{ field: field(path), message: isMissing ? "is required" : (v.message ?? "is invalid") }];
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
      return sendProblem(reply, ErrorCode.validationFailed, "The path is not valid percent-encoding", [
        { field: "path", message: "is not valid percent-encoding" },
      ]);
    case "FST_ERR_MAX_PARAM_LENGTH":
      return sendProblem(reply, ErrorCode.validationFailed, "A part of the path is too long", [
        { field: "path", message: "has a part longer than any id" },
      ]);
  }
  request.log.error({ err: error }, "router error");
  return sendProblem(reply, ErrorCode.internal);
};

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError)
      return sendProblem(reply, error.code, refusalDetail(error, request), error.errors);
    // A lost database is temporary: say when to retry instead of a 500.
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", DATABASE_RETRY_AFTER_SECONDS);
      return sendProblem(reply, ErrorCode.unavailable, "The database cannot be reached; try again shortly");
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrorsFromZod(error, request);
      const detail = errors.map((e) => `${e.field} ${e.message}`).join("; ");
      return sendProblem(reply, ErrorCode.validationFailed, detail || undefined, errors);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "reply does not match its schema");
      return sendProblem(reply, ErrorCode.internal);
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return sendProblem(reply, ErrorCode.malformedBody, "The request body is not valid JSON", [
          { field: "body", message: "is not valid JSON" },
        ]);
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return sendProblem(reply, ErrorCode.payloadTooLarge);
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return sendProblem(reply, ErrorCode.unsupportedMediaType);
    }
    if (error.statusCode === 429)
      return sendProblem(reply, ErrorCode.rateLimited, "Too many attempts; wait a minute");
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
    const problem: Problem = {
      type: problemType(code),
      title: titleByCode[code],
      status: reply.statusCode,
      detail: `${titleByCode[code]}: ${request.method} ${request.url.split("?")[0]}`,
      code,
    };
    reply.type("application/problem+json");
    return JSON.stringify(problem);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, ErrorCode.notFound, `No route ${request.method} ${request.url.split("?")[0]}`),
  );
});

/**
 * Refuses requests another site makes a browser send (cross-site and same-site request forgery).
 * The session cookie is SameSite=Lax, but "site" is looser than "origin": a page on another port of
 * the same host is same-site and its requests carry the cookie. So, on every /api request that
 * changes something and on the live socket's upgrade:
 *
 * - an Origin header that is not ours is refused with 403 (browsers always send Origin on these);
 * - a mutation must be `application/json` or carry the `X-Lattice-Client` header. Neither can be
 *   sent by a form or a no-cors fetch without a CORS preflight, which this server never grants, so a
 *   body-less POST from another page is refused even where a browser leaves Origin out.
 *
 * Clients that are not browsers (curl, scripts, tests) send no Origin and pass by sending JSON or
 * the header.
 */
import { DomainError, ErrorCode } from "@lattice/domain";
import type { FastifyRequest } from "fastify";
import type { Config } from "../config.js";

/** The header the web app (and any script) sends with a mutation that has no JSON body. */
export const CLIENT_HEADER = "x-lattice-client";

const mutatingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const normalizedOrigin = (value: string): string | null => {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
};

/**
 * The origins this request may come from: the configured ones, or else the server's own as the
 * request names it (Fastify reads X-Forwarded-Proto/-Host only from a trusted proxy).
 */
export const allowedOrigins = (request: FastifyRequest, config: Config): string[] => {
  if (config.allowedOrigins.length > 0) return config.allowedOrigins;
  const own = normalizedOrigin(`${request.protocol}://${request.host}`);
  return own ? [own] : [];
};

export const isWebSocketUpgrade = (request: FastifyRequest): boolean =>
  request.headers.upgrade?.toLowerCase() === "websocket";

const isJson = (contentType: string | undefined): boolean =>
  (contentType ?? "").split(";")[0]?.trim().toLowerCase() === "application/json";

/** Throws a 403 or 415 problem for a request another origin may have forged; returns otherwise. */
export const refuseForgedRequest = (request: FastifyRequest, config: Config): void => {
  const isUpgrade = isWebSocketUpgrade(request);
  if (!isUpgrade && !mutatingMethods.has(request.method)) return;

  const origin = request.headers.origin;
  if (origin !== undefined) {
    const given = normalizedOrigin(origin);
    const allowed = allowedOrigins(request, config);
    // Naming the accepted origins tells an operator behind a proxy what to set (TRUST_PROXY, ORIGIN).
    if (!given || !allowed.includes(given))
      throw new DomainError(
        ErrorCode.forbidden,
        `Requests from ${origin} are not accepted; this server accepts ${allowed.join(", ") || "no browser origin"}`,
        [],
        allowed.length > 0
          ? { key: "refusal.origin.notAccepted", values: { origin, allowed: allowed.join(", ") } }
          : { key: "refusal.origin.noneAccepted", values: { origin } },
      );
  }
  if (isUpgrade) return;

  const header = request.headers[CLIENT_HEADER];
  const hasClientHeader = typeof header === "string" && header.trim() !== "";
  if (!hasClientHeader && !isJson(request.headers["content-type"]))
    throw new DomainError(
      ErrorCode.unsupportedMediaType,
      "Send changes as application/json or with the X-Lattice-Client header",
      [],
      { key: "refusal.origin.clientHeader" },
    );
};

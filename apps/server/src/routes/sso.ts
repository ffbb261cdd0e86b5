/**
 * Ways to sign in (for the login page) and single sign-on's two browser hops: start (to the
 * provider) and callback (back from it). Both answer with redirects, since a browser follows them:
 * success lands in the app, every failure on the login page with `?sso_error=<reason>`, which it
 * puts in a sentence. The routes exist without single sign-on too, and answer 404 there.
 */
import { DomainError, ErrorCode, signInMethodsSchema } from "@lattice/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { acceptedLocale } from "../accept-language.js";
import type { Config } from "../config.js";
import { OidcSignIn, SsoError, type SsoFailure, safeReturnTo } from "../sso/oidc.js";
import { problemResponses } from "./problems.js";

export const SSO_STATE_COOKIE = "lattice_sso_state";
const CALLBACK_PATH = "/api/auth/oidc/callback";
const redirectReply = { 303: z.null().describe("To the provider, the app or the login page") };

export const ssoRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const oidc = config.oidc ? new OidcSignIn(app.db.db, config.oidc, config.signupMode) : null;
  const cookiePath = "/api/auth/oidc";

  const redirectUri = (request: FastifyRequest): string =>
    config.oidc?.redirectUrl ?? `${request.protocol}://${request.host}${CALLBACK_PATH}`;

  const requireOidc = (): OidcSignIn => {
    if (!oidc)
      throw new DomainError(ErrorCode.notFound, "Single sign-on is not configured on this instance", [], {
        key: "refusal.auth.ssoMissing",
      });
    return oidc;
  };

  const toLogin = (reply: FastifyReply, failure: SsoFailure) => {
    reply.clearCookie(SSO_STATE_COOKIE, { path: cookiePath });
    return reply.redirect(`/login?sso_error=${failure}`, 303);
  };

  app.get(
    "/auth/methods",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary: "How people sign in here: password, single sign-on (with its button label), or both.",
        response: { 200: signInMethodsSchema },
      },
    },
    async () => ({
      password: config.passwordSignIn,
      sso: config.oidc ? { label: config.oidc.label } : null,
    }),
  );

  app.get(
    "/auth/oidc/start",
    {
      config: {
        public: true,
        // Each start stores an attempt: bounded per address like signups.
        rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary:
          "Begin single sign-on: redirects to the provider (authorization code with PKCE). `returnTo` is a path of this site to land on.",
        querystring: z.object({ returnTo: z.string().max(500).optional() }),
        response: { ...redirectReply, ...problemResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const sso = requireOidc();
      try {
        const { url, state } = await sso.start(redirectUri(request), safeReturnTo(request.query.returnTo));
        reply.setCookie(SSO_STATE_COOKIE, state, {
          path: cookiePath,
          httpOnly: true,
          // Lax: the provider's redirect back is a top-level navigation, which carries the cookie.
          sameSite: "lax",
          secure: config.secureCookies,
          maxAge: 600,
        });
        return reply.redirect(url.href, 303);
      } catch (error) {
        if (error instanceof SsoError) {
          request.log.warn({ err: error.cause ?? error }, "single sign-on could not start");
          return toLogin(reply, error.failure);
        }
        throw error;
      }
    },
  );

  app.get(
    "/auth/oidc/callback",
    {
      config: { public: true, rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary:
          "The provider's answer: checks state, nonce and tokens, signs the person in (creating or linking the account; a new account starts in the first shipped language of `Accept-Language`) and redirects into the app, or to the login page with the reason.",
        querystring: z.object({
          code: z.string().max(4096).optional(),
          state: z.string().max(512).optional(),
          error: z.string().max(512).optional(),
        }),
        response: { ...redirectReply, ...problemResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const sso = requireOidc();
      // The URL as the provider sent it (its `iss` parameter included), on the registered base.
      const callbackUrl = new URL(redirectUri(request));
      callbackUrl.search = new URL(request.url, "http://callback.invalid").search;
      try {
        const { user, returnTo, events } = await sso.finish(
          callbackUrl,
          request.cookies[SSO_STATE_COOKIE],
          acceptedLocale(request.headers),
        );
        if (events.length > 0) app.bus.published(events);
        await app.startSession(request, reply, user.id);
        reply.clearCookie(SSO_STATE_COOKIE, { path: cookiePath });
        return reply.redirect(returnTo, 303);
      } catch (error) {
        if (error instanceof SsoError) {
          request.log.warn({ err: error.cause ?? error, failure: error.failure }, "single sign-on refused");
          return toLogin(reply, error.failure);
        }
        throw error;
      }
    },
  );
};

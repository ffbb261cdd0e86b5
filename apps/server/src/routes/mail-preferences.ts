/**
 * A person's e-mail choices, and the unsubscribe link every notification message and digest carries.
 *
 * The link is `GET /api/mail/unsubscribe?token=…` (also the `List-Unsubscribe` header). A GET never
 * changes anything, so link scanners cannot unsubscribe anyone: it redirects to the web app's page,
 * which says what the link stops and asks for a click. A POST to the same URL turns it off: that is
 * the RFC 8058 one-click a mail client sends (`List-Unsubscribe=One-Click`, as a form), and what the
 * page's button sends.
 *
 * Departure: this token rides in the URL's query, not in a fragment like invitation links, because
 * RFC 8058 has the mail client POST to the very URL of the header. It can only turn mail off.
 */
import {
  DomainError,
  ErrorCode,
  mailPreferencesSchema,
  unsubscribeBody,
  unsubscribeQuery,
  unsubscribeStateSchema,
  updateMailPreferencesBody,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  readMailPreferences,
  unsubscribe,
  updateMailPreferences,
  verifyUnsubscribeToken,
} from "../mail/notification-mail.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const badLink = () =>
  new DomainError(
    ErrorCode.notFound,
    "This unsubscribe link does not work: it may be cut short or altered. Choose which messages you get in your account settings instead.",
    [],
    { key: "refusal.mail.badUnsubscribe" },
  );

export const mailPreferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  // Mail clients post the one-click form; its fields carry nothing the route needs.
  app.addContentTypeParser(
    ["application/x-www-form-urlencoded", "multipart/form-data"],
    { parseAs: "string", bodyLimit: 4096 },
    (_request, _body, done) => done(null, undefined),
  );

  app.get(
    "/me/mail-preferences",
    {
      schema: {
        tags: ["notifications"],
        summary:
          "Your e-mail choices: per topic instantly, in the daily digest or never, and whether the daily digest comes.",
        response: { 200: mailPreferencesSchema, ...problemResponses(401) },
      },
    },
    async (request) => readMailPreferences(app.db.db, currentUser(request).id),
  );

  app.patch(
    "/me/mail-preferences",
    {
      schema: {
        tags: ["notifications"],
        summary: "Change some of your e-mail choices; what the body leaves out stays as it is.",
        body: updateMailPreferencesBody,
        response: { 200: mailPreferencesSchema, ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateMailPreferences(ctx.tx, user.id, request.body));
    },
  );

  app.get(
    "/mail/unsubscribe",
    {
      config: { public: true },
      schema: {
        tags: ["notifications"],
        summary:
          "An unsubscribe link opened in a browser: redirects to the page that asks to confirm (a GET changes nothing).",
        querystring: unsubscribeQuery,
        response: { 303: z.null(), ...problemResponses(400) },
      },
    },
    async (request, reply) =>
      // The token moves to the fragment: the page's own address never sends it anywhere again.
      reply
        .code(303)
        .header("location", `/unsubscribe#${encodeURIComponent(request.query.token)}`)
        .send(null),
  );

  app.post(
    "/mail/unsubscribe",
    {
      config: { public: true, postableFromAnywhere: true, rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags: ["notifications"],
        summary:
          "One-click unsubscribe (RFC 8058) from the link in the query: turns off that topic, or the daily digest. No sign-in needed.",
        querystring: unsubscribeQuery,
        response: { 200: unsubscribeStateSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const link = await verifyUnsubscribeToken(app.db.db, request.query.token);
      if (!link) throw badLink();
      // Not through app.mutate: whatever session the browser has plays no part here.
      await app.db.db.transaction((tx) => unsubscribe(tx, link.userId, link.scope));
      return { scope: link.scope, isOff: true };
    },
  );

  app.post(
    "/mail/unsubscribe/preview",
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags: ["notifications"],
        summary: "What an unsubscribe link turns off and whether it is off already (changes nothing).",
        body: unsubscribeBody,
        response: { 200: unsubscribeStateSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request) => {
      const link = await verifyUnsubscribeToken(app.db.db, request.body.token);
      if (!link) throw badLink();
      const preferences = await readMailPreferences(app.db.db, link.userId);
      return {
        scope: link.scope,
        isOff:
          link.scope === "digest" ? !preferences.dailyDigest : preferences.topics[link.scope] === "never",
      };
    },
  );
};

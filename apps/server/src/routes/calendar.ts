import { spaceAccess } from "@lattice/db";
import { DomainError, ErrorCode, idParams } from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize } from "../commands/authorize.js";
import { activeFeed, createFeed, renderFeed, revokeFeed } from "../commands/calendar-feeds.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const createdFeed = z.object({
  /** Shown once: only a hash of the token is kept. Regenerating revokes the previous URL. */
  url: z.string(),
  createdAt: z.string(),
});
const feedState = z.object({ isActive: z.boolean(), createdAt: z.string().nullable() });

const baseUrlOf = (request: { protocol: string; host: string }) => `${request.protocol}://${request.host}`;

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const feedUrl = (request: { protocol: string; host: string }, token: string) =>
    `${baseUrlOf(request)}/api/calendar/${token}.ics`;

  app.get(
    "/me/calendar-feed",
    {
      schema: {
        tags: ["calendar"],
        summary: "Whether the caller has an active personal feed.",
        response: { 200: feedState, ...problemResponses(401) },
      },
    },
    async (request) => activeFeed(app.db.db, currentUser(request).id, null),
  );
  app.post(
    "/me/calendar-feed",
    {
      schema: {
        tags: ["calendar"],
        summary: "Make (or regenerate) the secret iCalendar URL of the caller's cards' due dates.",
        response: { 201: createdFeed, ...problemResponses(401) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { token, createdAt } = await app.db.db.transaction((tx) => createFeed(tx, user, null));
      return reply.code(201).send({ url: feedUrl(request, token), createdAt });
    },
  );
  app.delete(
    "/me/calendar-feed",
    {
      schema: {
        tags: ["calendar"],
        summary: "Revoke the personal feed URL.",
        response: { 204: z.null(), ...problemResponses(401) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      await app.db.db.transaction((tx) => revokeFeed(tx, user, null));
      return reply.code(204).send(null);
    },
  );
  app.get(
    "/spaces/:id/calendar-feed",
    {
      schema: {
        tags: ["calendar"],
        summary: "Whether the caller has an active feed of this space.",
        params: idParams,
        response: { 200: feedState, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      authorize(await spaceAccess(app.db.db, user.id, request.params.id), "read", "Space");
      return activeFeed(app.db.db, user.id, request.params.id);
    },
  );
  app.post(
    "/spaces/:id/calendar-feed",
    {
      schema: {
        tags: ["calendar"],
        summary: "Make (or regenerate) a secret iCalendar URL of this space's due dates.",
        params: idParams,
        response: { 201: createdFeed, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      authorize(await spaceAccess(app.db.db, user.id, request.params.id), "read", "Space");
      const { token, createdAt } = await app.db.db.transaction((tx) =>
        createFeed(tx, user, request.params.id),
      );
      return reply.code(201).send({ url: feedUrl(request, token), createdAt });
    },
  );
  app.delete(
    "/spaces/:id/calendar-feed",
    {
      schema: {
        tags: ["calendar"],
        summary: "Revoke this space's feed URL.",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      authorize(await spaceAccess(app.db.db, user.id, request.params.id), "read", "Space");
      await app.db.db.transaction((tx) => revokeFeed(tx, user, request.params.id));
      return reply.code(204).send(null);
    },
  );
  app.get(
    "/calendar/:file",
    {
      config: { public: true },
      schema: {
        tags: ["calendar"],
        summary: "The iCalendar (RFC 5545) feed behind a secret URL; calendar clients subscribe to it.",
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, "must be a feed file name") }),
        response: { 200: z.string(), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const token = request.params.file.slice(0, -".ics".length);
      const text = await renderFeed(app.db.db, token, baseUrlOf(request));
      if (text === null)
        throw new DomainError(ErrorCode.notFound, "No such calendar feed", [], {
          key: "refusal.notFound.calendarFeed",
        });
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .send(text);
    },
  );
};

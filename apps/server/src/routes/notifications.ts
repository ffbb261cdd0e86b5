import { markReadBody, notificationListSchema, unreadCountSchema } from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listNotifications, markRead } from "../commands/notifications.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const listQuery = z.object({
  unread: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/notifications",
    {
      schema: {
        tags: ["notifications"],
        summary: "Your notifications, newest first (`unread=true`: only unread), with the unread count.",
        querystring: listQuery,
        response: { 200: notificationListSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => listNotifications(app.db.db, currentUser(request).id, request.query),
  );
  app.post(
    "/notifications/read",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark some (`ids`) or all (`all: true`) of your notifications read.",
        body: markReadBody,
        response: { 200: unreadCountSchema, ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => markRead(ctx, user.id, request.body));
    },
  );
};

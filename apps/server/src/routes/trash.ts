/**
 * The archive view and the trash (docs/MOVING.md). `DELETE` on a card, a space or a folder is the
 * "move to the trash" action; these routes list, restore and purge, and a sweeper purges what is
 * older than TRASH_DAYS, at start and every hour.
 */
import { runMutation, spaceAccess, workspaceAccess } from "@lattice/db";
import { archiveListSchema, idParams, listQuery, restoredSchema, trashListSchema } from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listArchive } from "../commands/archive.js";
import { authorize } from "../commands/authorize.js";
import { listTrash, purgeFromTrash, restoreFromTrash, sweepTrash } from "../commands/trash.js";
import type { Config } from "../config.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const sweepEveryMs = 60 * 60 * 1000;
const sweepBatch = 100;
const readOnly = { isolationLevel: "repeatable read", accessMode: "read only" } as const;

export const trashRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const retentionDays = config.trashDays;

  /** Purges batch after batch until nothing is older than the retention. */
  const sweep = async (): Promise<void> => {
    try {
      const cutoff = new Date(Date.now() - retentionDays * 24 * 60 * 60 * 1000);
      let total = 0;
      for (;;) {
        const { result, events } = await runMutation(app.db.db, { actorId: null, mutationId: null }, (ctx) =>
          sweepTrash(ctx, cutoff, sweepBatch),
        );
        if (events.length > 0) app.bus.published(events);
        total += result.purged;
        if (result.purged < sweepBatch) break;
      }
      if (total > 0) app.log.info({ purged: total }, "emptied the trash of what is past its retention");
    } catch (error) {
      app.log.warn({ err: error }, "could not empty the trash of old entries");
    }
  };
  let sweeper: NodeJS.Timeout | null = null;
  app.addHook("onReady", async () => {
    await sweep();
    sweeper = setInterval(() => void sweep(), sweepEveryMs).unref();
  });
  app.addHook("onClose", async () => {
    if (sweeper) clearInterval(sweeper);
  });

  app.get(
    "/workspaces/:id/trash",
    {
      schema: {
        tags: ["trash"],
        summary:
          "What was deleted in the workspace and may still be restored, the most recent first (only what the caller may read).",
        params: idParams,
        querystring: listQuery,
        response: { 200: trashListSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const reader = currentUser(request);
      const workspaceId = request.params.id;
      return app.db.db.transaction(async (tx) => {
        authorize(await workspaceAccess(tx, reader.id, workspaceId), "read", "Workspace");
        const { q, limit } = request.query;
        return {
          items: await listTrash(tx, reader, { workspaceId, q, limit }, retentionDays),
          retentionDays,
        };
      }, readOnly);
    },
  );

  app.get(
    "/spaces/:id/trash",
    {
      schema: {
        tags: ["trash"],
        summary: "The cards deleted from this space that may still be restored, the most recent first.",
        params: idParams,
        querystring: listQuery,
        response: { 200: trashListSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const reader = currentUser(request);
      const spaceId = request.params.id;
      return app.db.db.transaction(async (tx) => {
        // Security: a space the caller may not read is a 404, before anything of it is read.
        const { space } = authorize(await spaceAccess(tx, reader.id, spaceId), "read", "Space");
        const { q, limit } = request.query;
        const filter = { workspaceId: space.workspaceId, spaceId, q, limit };
        return { items: await listTrash(tx, reader, filter, retentionDays), retentionDays };
      }, readOnly);
    },
  );

  app.post(
    "/trash/:id/restore",
    {
      schema: {
        tags: ["trash"],
        summary:
          "Put a deleted card, space or folder (by its own id) back where it was, with everything it had. 409 when it is not in the trash or its space is in the trash too.",
        params: idParams,
        response: { 200: restoredSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => restoreFromTrash(ctx, user, request.params.id));
    },
  );

  app.delete(
    "/trash/:id",
    {
      schema: {
        tags: ["trash"],
        summary: "Delete something in the trash for good (owners only).",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => purgeFromTrash(ctx, user, request.params.id), 204);
    },
  );

  app.get(
    "/workspaces/:id/archive",
    {
      schema: {
        tags: ["archive"],
        summary:
          "Archived folders, spaces and cards of the workspace that the caller may read, the most recently archived first.",
        params: idParams,
        querystring: listQuery,
        response: { 200: archiveListSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      const workspaceId = request.params.id;
      return app.db.db.transaction(async (tx) => {
        authorize(await workspaceAccess(tx, userId, workspaceId), "read", "Workspace");
        const { q, limit } = request.query;
        return { items: await listArchive(tx, userId, { workspaceId, q, limit }) };
      }, readOnly);
    },
  );

  app.get(
    "/spaces/:id/archive",
    {
      schema: {
        tags: ["archive"],
        summary: "The space's archived cards with where they are and who archived them.",
        params: idParams,
        querystring: listQuery,
        response: { 200: archiveListSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      const spaceId = request.params.id;
      return app.db.db.transaction(async (tx) => {
        const { space } = authorize(await spaceAccess(tx, userId, spaceId), "read", "Space");
        const { q, limit } = request.query;
        return {
          items: await listArchive(tx, userId, { workspaceId: space.workspaceId, spaceId, q, limit }),
        };
      }, readOnly);
    },
  );
};

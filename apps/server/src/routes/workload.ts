/**
 * The Workload view of a space, a folder (its spaces, at any depth) or a workspace. Read-only: the
 * changes a drag makes go through the card routes (dates, responsible, co-workers), and capacities
 * through PATCH /workspaces/:id/members/:userId. Security: the scope's access check comes first
 * (404 for what the caller may not see), then only the spaces the caller may read are loaded, so a
 * private space's cards never reach a folder's or workspace's workload.
 */
import { folderAccess, spaceAccess, workspaceAccess } from "@lattice/db";
import { idParams, workloadQuery, workloadReplySchema } from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authorize } from "../commands/authorize.js";
import { currentUser } from "../plugins/auth.js";
import { readableSpaceIds } from "../queries/chart-data.js";
import { loadWorkload } from "../queries/workload.js";
import { problemResponses } from "./problems.js";

const windowText =
  "`from` and `to` (YYYY-MM-DD, at most 400 days apart) bound the dates shown; open cards whose start–due span meets them are listed, with the open undated cards (at most 500) and the people who can hold them with their weekly capacities. Compact: a field that is null, empty or false is left out, and a card names its space by its index in `spaces`.";

/** One snapshot: the people, cards and channel seqs agree. */
const snapshot = { isolationLevel: "repeatable read", accessMode: "read only" } as const;

export const workloadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/spaces/:id/workload",
    {
      schema: {
        tags: ["workload"],
        summary: `Workload of a space: one row per person. ${windowText}`,
        params: idParams,
        querystring: workloadQuery,
        response: { 200: workloadReplySchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      return app.db.db.transaction(async (tx) => {
        const { space } = authorize(await spaceAccess(tx, userId, request.params.id), "read", "Space");
        return loadWorkload(tx, space.workspaceId, [space.id], request.query);
      }, snapshot);
    },
  );

  app.get(
    "/folders/:id/workload",
    {
      schema: {
        tags: ["workload"],
        summary: `Workload of a folder's spaces (and its subfolders', at any depth) that the caller may read. ${windowText}`,
        params: idParams,
        querystring: workloadQuery,
        response: { 200: workloadReplySchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      return app.db.db.transaction(async (tx) => {
        const { folder } = authorize(await folderAccess(tx, userId, request.params.id), "read", "Folder");
        const spaceIds = await readableSpaceIds(tx, userId, folder.workspaceId, folder.id);
        return loadWorkload(tx, folder.workspaceId, spaceIds, request.query);
      }, snapshot);
    },
  );

  app.get(
    "/workspaces/:id/workload",
    {
      schema: {
        tags: ["workload"],
        summary: `Workload of every space of the workspace that the caller may read. ${windowText}`,
        params: idParams,
        querystring: workloadQuery,
        response: { 200: workloadReplySchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      return app.db.db.transaction(async (tx) => {
        const { workspace } = authorize(
          await workspaceAccess(tx, userId, request.params.id),
          "read",
          "Workspace",
        );
        const spaceIds = await readableSpaceIds(tx, userId, workspace.id, null);
        return loadWorkload(tx, workspace.id, spaceIds, request.query);
      }, snapshot);
    },
  );
};

import {
  latestSeq,
  spacesWithRoles,
  tables,
  toFolder,
  toSpace,
  toWorkspace,
  workspaceAccess,
  workspacesWithRoles,
} from "@lattice/db";
import {
  addMemberBody,
  calendarDate,
  createWorkspaceBody,
  idParams,
  isoDay,
  memberParams,
  memberSchema,
  type StatusRole,
  spaceOverviewSchema,
  summarizeSpaces,
  treeSchema,
  updateMemberBody,
  updateWorkspaceBody,
  workspaceChannel,
  workspaceSchema,
} from "@lattice/domain";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize } from "../commands/authorize.js";
import { addMember, listMembers, removeMember, updateMember } from "../commands/members.js";
import { createWorkspace, deleteWorkspace, updateWorkspace } from "../commands/workspaces.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

const listQuery = z.object({
  includeArchived: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/workspaces",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Workspaces the caller may see: their own, public and org-wide ones.",
        querystring: listQuery,
        response: { 200: z.array(workspaceSchema), ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const rows = await workspacesWithRoles(app.db.db, user.id, {
        liveOnly: !request.query.includeArchived,
      });
      return rows.map((r) => toWorkspace(r.workspace, r.role));
    },
  );

  app.post(
    "/workspaces",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Create a workspace; the caller becomes its owner.",
        body: createWorkspaceBody,
        response: { 201: workspaceSchema, ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => createWorkspace(ctx, user, request.body), 201);
    },
  );

  app.get(
    "/workspaces/:id",
    {
      schema: {
        tags: ["workspaces"],
        params: idParams,
        response: { 200: workspaceSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = authorize(
        await workspaceAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Workspace",
      );
      return toWorkspace(access.workspace, access.role);
    },
  );

  app.patch(
    "/workspaces/:id",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Rename, describe, change visibility, archive/unarchive or reorder (afterId/beforeId).",
        params: idParams,
        body: updateWorkspaceBody,
        response: { 200: workspaceSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => updateWorkspace(ctx, user, request.params.id, request.body));
    },
  );

  app.delete(
    "/workspaces/:id",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Delete a workspace with everything in it (owners only).",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteWorkspace(ctx, user, request.params.id), 204);
    },
  );

  app.get(
    "/workspaces/:id/tree",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Folders and spaces of a workspace (the spaces the caller may see), with the channel seq.",
        params: idParams,
        response: { 200: treeSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      const workspaceId = request.params.id;
      // One consistent snapshot: the seq and the rows come from the same point in time.
      return app.db.db.transaction(
        async (tx) => {
          const access = authorize(await workspaceAccess(tx, userId, workspaceId), "read", "Workspace");
          const seq = await latestSeq(tx, workspaceChannel(workspaceId));
          const folderRows = await tx
            .select()
            .from(tables.folders)
            .where(eq(tables.folders.workspaceId, workspaceId))
            .orderBy(asc(tables.folders.position));
          const spaces = (await spacesWithRoles(tx, userId, { workspaceId })).map((r) => ({
            ...toSpace(r.space),
            role: r.role,
          }));
          return {
            workspace: toWorkspace(access.workspace, access.role),
            folders: folderRows.map(toFolder),
            spaces,
            seq,
          };
        },
        { isolationLevel: "repeatable read", accessMode: "read only" },
      );
    },
  );

  app.get(
    "/workspaces/:id/overview",
    {
      schema: {
        tags: ["workspaces"],
        summary:
          "Per space the caller may see: cards that are work, completed, late and blocked counts, and the span of planned dates. `today` (YYYY-MM-DD) is the caller's date; it defaults to the server's UTC date.",
        params: idParams,
        querystring: z.object({ today: calendarDate.optional() }),
        response: { 200: z.array(spaceOverviewSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      const workspaceId = request.params.id;
      const today = request.query.today ?? isoDay(new Date());
      return app.db.db.transaction(
        async (tx) => {
          authorize(await workspaceAccess(tx, userId, workspaceId), "read", "Workspace");
          const spaceIds = (await spacesWithRoles(tx, userId, { workspaceId }))
            .filter((r) => r.space.archivedAt === null)
            .map((r) => r.space.id);
          if (spaceIds.length === 0) return [];
          const openBlocking = tx
            .select({ cardId: tables.cardBlockings.cardId })
            .from(tables.cardBlockings)
            .where(
              and(inArray(tables.cardBlockings.spaceId, spaceIds), isNull(tables.cardBlockings.clearedAt)),
            );
          const rows = await tx
            .select({
              id: tables.cards.id,
              spaceId: tables.cards.spaceId,
              role: tables.statuses.role,
              startDate: tables.cards.startDate,
              dueDate: tables.cards.dueDate,
            })
            .from(tables.cards)
            .innerJoin(tables.statuses, eq(tables.statuses.id, tables.cards.statusId))
            .where(and(inArray(tables.cards.spaceId, spaceIds), isNull(tables.cards.archivedAt)));
          const blocked = new Set((await openBlocking).map((r) => r.cardId));
          return summarizeSpaces(
            spaceIds,
            rows.map((r) => ({ ...r, role: r.role as StatusRole, isBlocked: blocked.has(r.id) })),
            today,
          );
        },
        { isolationLevel: "repeatable read", accessMode: "read only" },
      );
    },
  );

  app.get(
    "/workspaces/:id/members",
    {
      schema: {
        tags: ["members"],
        params: idParams,
        response: { 200: z.array(memberSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      authorize(
        await workspaceAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Workspace",
      );
      return listMembers(app.db.db, request.params.id);
    },
  );

  app.post(
    "/workspaces/:id/members",
    {
      schema: {
        tags: ["members"],
        summary:
          "Add someone you already share a workspace with, by email, as owner, member or visitor (owners only). Anyone else is invited by e-mail (POST /workspaces/{id}/invitations); the answer never says whether an address has an account.",
        params: idParams,
        body: addMemberBody,
        response: { 201: memberSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => addMember(ctx, user, request.params.id, request.body), 201);
    },
  );

  app.patch(
    "/workspaces/:id/members/:userId",
    {
      schema: {
        tags: ["members"],
        summary:
          "Change a member's role and/or their weekly capacity of cards for the Workload view, null to clear it (owners only; the last owner cannot be demoted).",
        params: memberParams,
        body: updateMemberBody,
        response: { 200: memberSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) =>
        updateMember(ctx, user, request.params.id, request.params.userId, request.body),
      );
    },
  );

  app.delete(
    "/workspaces/:id/members/:userId",
    {
      schema: {
        tags: ["members"],
        summary: "Remove a member (owners only; anyone may remove themselves; never the last owner).",
        params: memberParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(
        request,
        reply,
        (ctx) => removeMember(ctx, user, request.params.id, request.params.userId),
        204,
      );
    },
  );
};

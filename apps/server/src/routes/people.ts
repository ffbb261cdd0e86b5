/**
 * A person's own settings, the list of public workspaces and joining one. Joining a public
 * workspace makes the person an explicit member with the role its owners chose (visitor unless
 * they allow members), so it appears among their workspaces and its members list names them.
 */
import { runMutation, tables, toMember, toUser, toWorkspace } from "@lattice/db";
import {
  DomainError,
  draft,
  ErrorCode,
  idParams,
  type JoinRole,
  publicWorkspaceListSchema,
  updateSettingsBody,
  userChannel,
  userSchema,
  workspaceChannel,
  workspaceSchema,
} from "@lattice/domain";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    "/me/settings",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Change one's own name, initials colour (one of the palette, or null for the one derived from the id), language, time zone or theme. A new name or colour reaches every workspace of theirs live.",
        body: updateSettingsBody,
        response: { 200: userSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { name, color, locale, timeZone, theme } = request.body;
      const changes: Partial<typeof tables.users.$inferInsert> = {};
      if (name !== undefined) changes.name = name;
      if (color !== undefined) changes.color = color;
      if (locale !== undefined) changes.locale = locale;
      if (timeZone !== undefined) changes.timeZone = timeZone;
      if (theme !== undefined) changes.theme = theme;
      if (Object.keys(changes).length === 0) return user;
      const { result, events } = await runMutation(
        app.db.db,
        { actorId: user.id, mutationId: null },
        async ({ tx, emit }) => {
          const [row] = await tx
            .update(tables.users)
            .set(changes)
            .where(eq(tables.users.id, user.id))
            .returning();
          if (!row)
            throw new DomainError(ErrorCode.unauthenticated, undefined, [], {
              key: "refusal.auth.unauthenticated",
            });
          // Everyone who sees this person (in a members list, on a card, beside a comment) learns their
          // new name or initials colour at once: a member.updated on each of their workspaces.
          if (name !== undefined || color !== undefined) {
            const memberships = await tx
              .select()
              .from(tables.workspaceMembers)
              .where(eq(tables.workspaceMembers.userId, user.id))
              .orderBy(asc(tables.workspaceMembers.workspaceId));
            for (const membership of memberships) {
              const member = toMember({ ...membership, email: row.email, name: row.name, color: row.color });
              emit(draft(workspaceChannel(membership.workspaceId), "member.updated", { member }));
            }
          }
          return toUser(row);
        },
      );
      if (events.length > 0) app.bus.published(events);
      return result;
    },
  );

  app.get(
    "/public-workspaces",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Public workspaces anyone signed in may join, with their member counts.",
        response: { 200: publicWorkspaceListSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { workspaces, workspaceMembers } = tables;
      const rows = await app.db.db
        .select({
          id: workspaces.id,
          name: workspaces.name,
          description: workspaces.description,
          joinRole: workspaces.joinRole,
          memberCount: count(workspaceMembers.userId),
          isMember: sql<boolean>`bool_or(${workspaceMembers.userId} = ${user.id})`,
        })
        .from(workspaces)
        .leftJoin(workspaceMembers, eq(workspaceMembers.workspaceId, workspaces.id))
        .where(and(eq(workspaces.visibility, "public"), isNull(workspaces.archivedAt)))
        .groupBy(workspaces.id)
        .orderBy(asc(workspaces.name));
      return rows.map((r) => ({ ...r, joinRole: r.joinRole as JoinRole, isMember: r.isMember === true }));
    },
  );

  app.post(
    "/workspaces/:id/join",
    {
      schema: {
        tags: ["workspaces"],
        summary:
          "Join a public workspace, as a visitor or (if its owners allow it) as a member. Private workspaces answer 404.",
        params: idParams,
        response: { 200: workspaceSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const workspaceId = request.params.id;
      return app.mutate(request, reply, async ({ tx, emit, lock }) => {
        await lock(workspaceChannel(workspaceId));
        const [workspace] = await tx
          .select()
          .from(tables.workspaces)
          .where(and(eq(tables.workspaces.id, workspaceId), isNull(tables.workspaces.archivedAt)));
        // Security: a private workspace is answered like one that does not exist.
        if (!workspace || workspace.visibility === "private")
          throw new DomainError(ErrorCode.notFound, "Workspace not found", [], {
            key: "refusal.notFound.workspace",
          });
        if (workspace.visibility !== "public")
          throw new DomainError(
            ErrorCode.conflict,
            "Everyone on this instance is already a member of it",
            [],
            { key: "refusal.workspace.everyoneMember" },
          );
        const [row] = await tx
          .insert(tables.workspaceMembers)
          .values({ workspaceId, userId: user.id, role: workspace.joinRole })
          .onConflictDoNothing()
          .returning();
        if (!row)
          throw new DomainError(ErrorCode.conflict, "You are already a member of this workspace", [], {
            key: "refusal.workspace.alreadyMember",
          });
        const member = toMember({ ...row, email: user.email, name: user.name, color: user.color });
        emit(draft(workspaceChannel(workspaceId), "member.added", { member }));
        emit(draft(userChannel(user.id), "member.added", { member }));
        return toWorkspace(workspace, member.role);
      });
    },
  );
};

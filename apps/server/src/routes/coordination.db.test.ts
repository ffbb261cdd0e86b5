/**
 * People and dates on cards, relations, blockers and "my work", on either driver.
 */
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { BlockerType, Blocking, Card, CardRelation, Space, Status, Workspace } from "@lattice/domain";
import { addDays, isoDay } from "@lattice/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const coordinationSuite = (driver: TestDriver) => {
  describe(`card coordination (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let admin: Client;
    let owner: Client;
    let member: Client;
    let visitor: Client;
    let outsider: Client;
    let workspace: Workspace;
    let space: Space;
    let statuses: Status[];

    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      admin = await f.user("Admin"); // the first user of the instance
      owner = await f.user("Olga");
      member = await f.user("Mia");
      visitor = await f.user("Vic");
      outsider = await f.user("Otto");
      workspace = await f.workspace(owner);
      await f.member(owner, workspace.id, member, "member");
      await f.member(owner, workspace.id, visitor, "visitor");
      space = await f.space(owner, workspace.id);
      statuses = await f.statuses(owner, space.id);
    });
    afterAll(async () => h.close());

    describe("people and dates", () => {
      it("sets the responsible person and co-workers among the space's users, who then follow the card", async () => {
        const card = await f.card(member, space.id);
        const res = await member.patch(`/api/cards/${card.id}`, {
          responsibleId: owner.user.id,
          coworkerIds: [member.user.id, visitor.user.id],
        });
        expect(res.statusCode, res.body).toBe(200);
        const updated = res.json<Card>();
        expect(updated.responsibleId).toBe(owner.user.id);
        expect(updated.coworkerIds.sort()).toEqual([member.user.id, visitor.user.id].sort());
        const followers = await h.db.handle.db
          .select({ userId: tables.cardFollowers.userId })
          .from(tables.cardFollowers)
          .where(eq(tables.cardFollowers.cardId, card.id));
        expect(followers.map((r) => r.userId).sort()).toEqual(
          [owner.user.id, member.user.id, visitor.user.id].sort(),
        );
        // Replacing the set removes who is no longer listed.
        const replaced = await member.patch(`/api/cards/${card.id}`, { coworkerIds: [visitor.user.id] });
        expect(replaced.json<Card>().coworkerIds).toEqual([visitor.user.id]);
        const board = boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json());
        expect(board.cards.find((c) => c.id === card.id)?.coworkerIds).toEqual([visitor.user.id]);
      });

      it("refuses a responsible person or co-worker who is not a user of the space, and changes nothing", async () => {
        const card = await f.card(member, space.id);
        expectProblem(
          await member.patch(`/api/cards/${card.id}`, { responsibleId: outsider.user.id }),
          400,
          "validation_failed",
          ["body.responsibleId"],
        );
        expectProblem(
          await member.patch(`/api/cards/${card.id}`, { coworkerIds: [outsider.user.id] }),
          400,
          "validation_failed",
          ["body.coworkerIds"],
        );
        const after = (await member.get(`/api/cards/${card.id}`)).json<Card>();
        expect(after.responsibleId).toBeNull();
        expect(after.version).toBe(card.version);
      });

      it("keeps start and due dates as calendar dates and refuses a due date before the start", async () => {
        const card = await f.card(member, space.id);
        const ok = await member.patch(`/api/cards/${card.id}`, {
          startDate: "2027-03-01",
          dueDate: "2027-03-05",
        });
        expect(ok.json<Card>()).toMatchObject({ startDate: "2027-03-01", dueDate: "2027-03-05" });
        expectProblem(
          await member.patch(`/api/cards/${card.id}`, { startDate: "2027-03-06" }),
          400,
          "validation_failed",
          ["body.startDate"],
        );
        expectProblem(
          await member.patch(`/api/cards/${card.id}`, { dueDate: "2027-02-30" }),
          400,
          "validation_failed",
          ["body.dueDate"],
        );
        const cleared = await member.patch(`/api/cards/${card.id}`, { startDate: null });
        expect(cleared.json<Card>()).toMatchObject({ startDate: null, dueDate: "2027-03-05" });
      });

      it("sets labels of the card's own space only", async () => {
        const [label] = await h.db.handle.db
          .insert(tables.labels)
          .values({ workspaceId: workspace.id, spaceId: space.id, name: "Urgent", color: "#d64545" })
          .returning();
        const other = await f.space(owner, workspace.id, { name: "Elsewhere" });
        const [foreign] = await h.db.handle.db
          .insert(tables.labels)
          .values({ workspaceId: workspace.id, spaceId: other.id, name: "Foreign", color: "#1f8a70" })
          .returning();
        const card = await f.card(member, space.id);
        const res = await member.patch(`/api/cards/${card.id}`, { labelIds: [label?.id] });
        expect(res.json<Card>().labelIds).toEqual([label?.id]);
        expectProblem(
          await member.patch(`/api/cards/${card.id}`, { labelIds: [foreign?.id] }),
          400,
          "validation_failed",
          ["body.labelIds"],
        );
      });

      it("lets a visitor change none of it", async () => {
        const card = await f.card(member, space.id);
        expect((await visitor.patch(`/api/cards/${card.id}`, { dueDate: "2027-01-01" })).statusCode).toBe(
          403,
        );
      });
    });

    describe("relations", () => {
      const relate = (client: Client, cardId: string, type: string, otherId: string) =>
        client.post(`/api/cards/${cardId}/relations`, { type, cardId: otherId });

      it("relates cards as parent/child and previous/next, across spaces of one workspace", async () => {
        const other = await f.space(owner, workspace.id, { name: "Staff training" });
        const parent = await f.card(member, space.id, { name: "Improve triage" });
        const child = await f.card(member, other.id, { name: "Train the night shift" });
        const res = await relate(member, child.id, "parent", parent.id);
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json<CardRelation>()).toMatchObject({
          kind: "parent",
          fromCardId: parent.id,
          toCardId: child.id,
        });
        const listed = (await member.get(`/api/cards/${parent.id}/relations`)).json<{
          children: Array<{ id: string }>;
        }>();
        expect(listed.children.map((c) => c.id)).toEqual([child.id]);
        // Both spaces' boards learn of it.
        for (const s of [space.id, other.id]) {
          const board = boardFromReply((await owner.get(`/api/spaces/${s}/board`)).json());
          expect(board.relations.map((r) => r.id)).toContain(res.json<CardRelation>().id);
        }
      });

      it("lists parents oldest first, so the first is the default parent", async () => {
        const child = await f.card(member, space.id, { name: "Child" });
        const first = await f.card(member, space.id, { name: "First parent" });
        const second = await f.card(member, space.id, { name: "Second parent" });
        await relate(member, child.id, "parent", first.id);
        await relate(member, child.id, "parent", second.id);
        const listed = (await member.get(`/api/cards/${child.id}/relations`)).json<{
          parents: Array<{ id: string }>;
        }>();
        expect(listed.parents.map((p) => p.id)).toEqual([first.id, second.id]);
      });

      it("refuses a relation that would close a cycle with 409 naming the cycle", async () => {
        const a = await f.card(member, space.id, { name: "Plan rota" });
        const b = await f.card(member, space.id, { name: "Consult staff" });
        const c = await f.card(member, space.id, { name: "Publish rota" });
        expect((await relate(member, a.id, "next", b.id)).statusCode).toBe(201);
        expect((await relate(member, b.id, "next", c.id)).statusCode).toBe(201);
        const res = await relate(member, c.id, "next", a.id);
        const problem = expectProblem(res, 409, "cycle");
        expect(problem.code).toBe("cycle");
        expect(problem.detail).toContain(
          "'Publish rota' comes before 'Plan rota' comes before 'Consult staff' comes before 'Publish rota'",
        );
        expect((await relate(member, a.id, "next", a.id)).statusCode).toBe(400);
      });

      it("refuses a duplicate, a card of another workspace, and an outsider", async () => {
        const a = await f.card(member, space.id);
        const b = await f.card(member, space.id);
        expect((await relate(member, a.id, "child", b.id)).statusCode).toBe(201);
        expect((await relate(member, a.id, "child", b.id)).statusCode).toBe(409);
        const elsewhere = await f.workspace(owner, { name: "Other workspace" });
        const foreign = await f.card(owner, (await f.space(owner, elsewhere.id)).id);
        expectProblem(await relate(owner, a.id, "child", foreign.id), 400, "validation_failed", [
          "body.cardId",
        ]);
        expect((await relate(outsider, a.id, "child", b.id)).statusCode).toBe(404);
        expect((await relate(visitor, a.id, "next", b.id)).statusCode).toBe(403);
      });

      it("removes a relation and tells the board", async () => {
        const a = await f.card(member, space.id);
        const b = await f.card(member, space.id);
        const relation = (await relate(member, a.id, "next", b.id)).json<CardRelation>();
        expect((await member.delete(`/api/relations/${relation.id}`)).statusCode).toBe(204);
        const board = boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json());
        expect(board.relations.map((r) => r.id)).not.toContain(relation.id);
      });
    });

    describe("blockers", () => {
      let global: BlockerType;
      beforeAll(async () => {
        const res = await admin.post("/api/blocker-types", { kind: "global", name: "Waiting for supplier" });
        expect(res.statusCode, res.body).toBe(201);
        global = res.json<BlockerType>();
      });

      it("lets only the administrator make global and on-demand types, and only a space owner local ones", async () => {
        expect((await owner.post("/api/blocker-types", { kind: "global", name: "Mine" })).statusCode).toBe(
          403,
        );
        const local = await owner.post(`/api/spaces/${space.id}/blocker-types`, {
          name: "Waiting for the ward",
        });
        expect(local.statusCode).toBe(201);
        expect(local.json<BlockerType>()).toMatchObject({ kind: "local", spaceId: space.id, activeCount: 0 });
        expect((await member.post(`/api/spaces/${space.id}/blocker-types`, { name: "No" })).statusCode).toBe(
          403,
        );
      });

      it("blocks a card: it cannot change status until every blocking is cleared", async () => {
        const card = await f.card(member, space.id, { name: "Order new chairs" });
        const blocked = await member.post(`/api/cards/${card.id}/blockings`, {
          blockerTypeId: global.id,
          reason: "Supplier has not answered",
          responsibleId: owner.user.id,
        });
        expect(blocked.statusCode, blocked.body).toBe(201);
        const blocking = blocked.json<Blocking>();
        expect(blocking).toMatchObject({
          blockedBy: member.user.id,
          responsibleId: owner.user.id,
          clearedAt: null,
        });
        expect((await member.get(`/api/cards/${card.id}`)).json<Card>().isBlocked).toBe(true);
        const refused = await member.post(`/api/cards/${card.id}/move`, { statusId: statuses[1]?.id });
        const problem = expectProblem(refused, 409, "blocked");
        expect(problem.code).toBe("blocked");
        expect(problem.detail).toContain("Waiting for supplier (Supplier has not answered)");
        expect((await member.get(`/api/cards/${card.id}`)).json<Card>().statusId).toBe(statuses[0]?.id);
        // Reordering inside its column is not a status change.
        expect(
          (await member.post(`/api/cards/${card.id}/move`, { statusId: statuses[0]?.id, afterId: null }))
            .statusCode,
        ).toBe(200);
        const listed = (await member.get(`/api/spaces/${space.id}/blocker-types`)).json<BlockerType[]>();
        expect(listed.find((t) => t.id === global.id)?.activeCount).toBe(1);

        const cleared = await owner.post(`/api/blockings/${blocking.id}/clear`);
        expect(cleared.json<Blocking>()).toMatchObject({ clearedBy: owner.user.id });
        expect(cleared.json<Blocking>().clearedAt).not.toBeNull();
        expect((await owner.post(`/api/blockings/${blocking.id}/clear`)).statusCode).toBe(409);
        expect(
          (await member.post(`/api/cards/${card.id}/move`, { statusId: statuses[1]?.id })).statusCode,
        ).toBe(200);
        const history = (await member.get(`/api/cards/${card.id}/blockings`)).json<Blocking[]>();
        expect(history).toHaveLength(1);
        // Blocked time is kept for the charts.
        const [row] = await h.db.handle.db
          .select()
          .from(tables.cardBlockings)
          .where(and(eq(tables.cardBlockings.cardId, card.id)));
        expect(row?.clearedAt?.getTime()).toBeGreaterThanOrEqual(
          row?.blockedAt.getTime() ?? Number.POSITIVE_INFINITY,
        );
      });

      it("uses an on-demand type only where the space owner enabled it", async () => {
        const onDemand = (
          await admin.post("/api/blocker-types", { kind: "on_demand", name: "Budget approval" })
        ).json<BlockerType>();
        const card = await f.card(member, space.id);
        expectProblem(
          await member.post(`/api/cards/${card.id}/blockings`, {
            blockerTypeId: onDemand.id,
            reason: "Awaiting CFO",
          }),
          400,
          "validation_failed",
          ["body.blockerTypeId"],
        );
        const enabled = await owner.request(
          "PUT",
          `/api/spaces/${space.id}/blocker-types/${onDemand.id}/enabled`,
          { enabled: true },
        );
        expect(enabled.json<BlockerType>().isEnabled).toBe(true);
        expect(
          (
            await member.post(`/api/cards/${card.id}/blockings`, {
              blockerTypeId: onDemand.id,
              reason: "Awaiting CFO",
            })
          ).statusCode,
        ).toBe(201);
      });

      it("does not let a local type of another space block this space's cards", async () => {
        const other = await f.space(owner, workspace.id, { name: "Other" });
        const local = (
          await owner.post(`/api/spaces/${other.id}/blocker-types`, { name: "Other's" })
        ).json<BlockerType>();
        const card = await f.card(member, space.id);
        expectProblem(
          await member.post(`/api/cards/${card.id}/blockings`, { blockerTypeId: local.id, reason: "x" }),
          400,
          "validation_failed",
          ["body.blockerTypeId"],
        );
      });
    });

    describe("notifications from card changes", () => {
      const kinds = async (client: Client, cardId: string) =>
        (await client.get("/api/notifications?limit=50"))
          .json<{ items: Array<{ kind: string; cardId: string | null; data: Record<string, unknown> }> }>()
          .items.filter((n) => n.cardId === cardId);

      it("tells people made responsible or co-worker, then followers of status changes, blockings and clearing", async () => {
        const card = await f.card(owner, space.id, { name: "Night rota" });
        await owner.patch(`/api/cards/${card.id}`, {
          responsibleId: member.user.id,
          coworkerIds: [visitor.user.id],
        });
        expect((await kinds(member, card.id)).map((n) => n.kind)).toEqual(["assigned_responsible"]);
        expect((await kinds(visitor, card.id)).map((n) => n.kind)).toEqual(["assigned_coworker"]);
        // The actor is never told about their own change.
        expect(await kinds(owner, card.id)).toEqual([]);

        await owner.post(`/api/cards/${card.id}/move`, { statusId: statuses[1]?.id });
        const moved = (await kinds(member, card.id)).find((n) => n.kind === "status_changed");
        expect(moved?.data).toMatchObject({
          fromStatus: statuses[0]?.name,
          toStatus: statuses[1]?.name,
          cardName: "Night rota",
        });

        const type = (
          await admin.post("/api/blocker-types", { kind: "global", name: "Awaiting HR" })
        ).json<BlockerType>();
        const blocking = (
          await owner.post(`/api/cards/${card.id}/blockings`, {
            blockerTypeId: type.id,
            reason: "Contract pending",
          })
        ).json<Blocking>();
        await owner.post(`/api/blockings/${blocking.id}/clear`);
        const all = (await kinds(visitor, card.id)).map((n) => n.kind).sort();
        expect(all).toEqual(["assigned_coworker", "blocked", "status_changed", "unblocked"]);
      });
    });

    describe("my work", () => {
      it("lists the caller's cards across spaces, grouped by due date, without done cards or invisible ones", async () => {
        const today = isoDay(new Date());
        const other = await f.space(owner, workspace.id, { name: "Second space" });
        const mine = async (
          spaceId: string,
          name: string,
          dueDate: string | null,
          as: "responsible" | "coworker",
        ) => {
          const card = await f.card(owner, spaceId, { name });
          await owner.patch(`/api/cards/${card.id}`, {
            dueDate,
            ...(as === "responsible" ? { responsibleId: member.user.id } : { coworkerIds: [member.user.id] }),
          });
          return card;
        };
        const overdue = await mine(space.id, "Overdue one", addDays(today, -2), "responsible");
        const soon = await mine(other.id, "This week", addDays(today, 3), "coworker");
        const later = await mine(space.id, "Later", addDays(today, 30), "responsible");
        const undated = await mine(other.id, "Undated", null, "coworker");
        const done = await mine(space.id, "Done already", addDays(today, -1), "responsible");
        await owner.post(`/api/cards/${done.id}/move`, { statusId: statuses[2]?.id });
        const res = (await member.get(`/api/me/cards?today=${today}`)).json<
          Record<string, Array<{ id: string; isResponsible: boolean }>>
        >();
        expect(res.overdue?.map((c) => c.id)).toEqual([overdue.id]);
        expect(res.this_week?.map((c) => c.id)).toEqual([soon.id]);
        expect(res.later?.map((c) => c.id)).toEqual([later.id]);
        expect(res.no_date?.map((c) => c.id)).toContain(undated.id);
        expect(res.this_week?.[0]?.isResponsible).toBe(false);
        // Removed from the workspace: the cards are no longer theirs to see.
        await owner.delete(`/api/workspaces/${workspace.id}/members/${member.user.id}`);
        const after = (await member.get("/api/me/cards")).json<Record<string, unknown[]>>();
        expect(Object.values(after).flat()).toEqual([]);
        await f.member(owner, workspace.id, member, "member");
      });
    });
  });
};

coordinationSuite(testDriver());

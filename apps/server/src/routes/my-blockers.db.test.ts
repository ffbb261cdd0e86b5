import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { addDays, type Card, isoDay, type MyBlockers } from "@lattice/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";

type Relation = readonly [kind: "next" | "parent", from: string, to: string];

const myBlockersSuite = (driver: TestDriver): void => {
  describe(`my blockers (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let ana: Client;
    let bo: Client;
    const today = isoDay(new Date());
    const cards = new Map<string, Card>();
    /** Cards Bo cannot read (in a private space he is not in). */
    const hidden = new Set<string>();
    /** Cards in a completed status. */
    const done = new Set<string>();
    const relations: Relation[] = [];
    const blockingIds = new Map<string, string>();
    const spaceIds: string[] = [];
    let secretId = "";
    const named = (name: string): Card => {
      const card = cards.get(name);
      if (!card) throw new Error(`no card ${name}`);
      return card;
    };

    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      ana = await f.user("Ana");
      bo = await f.user("Bo");
      const ws = await f.workspace(ana);
      await f.member(ana, ws.id, bo, "member");
      const plan = await f.space(ana, ws.id, { name: "Plan" });
      const other = await f.space(ana, ws.id, { name: "Wayfinding" });
      const secret = await f.space(ana, ws.id, { name: "Budget", isPrivate: true });
      secretId = secret.id;
      spaceIds.push(plan.id, other.id);
      const type = (await ana.post(`/api/spaces/${plan.id}/blocker-types`, { name: "Supplier" })).json<{
        id: string;
      }>();
      const doneStatus = (await f.statuses(ana, plan.id)).find((s) => s.role === "completed");
      const make = async (name: string, spaceId: string, body: Record<string, unknown> = {}) => {
        const card = await f.card(ana, spaceId, { name });
        const res = await ana.patch(`/api/cards/${card.id}`, body);
        expect(res.statusCode, res.body).toBe(200);
        cards.set(name, res.json<Card>());
      };
      const block = async (name: string, responsibleId?: string) => {
        const res = await ana.post(`/api/cards/${named(name).id}/blockings`, {
          blockerTypeId: type.id,
          reason: `${name} waits for quotes`,
          ...(responsibleId ? { responsibleId } : {}),
        });
        expect(res.statusCode, res.body).toBe(201);
        blockingIds.set(name, res.json<{ id: string }>().id);
      };
      const relate = async (kind: "next" | "parent", from: string, to: string) => {
        // next: `to` becomes `from`'s next; parent: `from` becomes `to`'s parent.
        const res =
          kind === "next"
            ? await ana.post(`/api/cards/${named(from).id}/relations`, { type: "next", cardId: named(to).id })
            : await ana.post(`/api/cards/${named(to).id}/relations`, {
                type: "parent",
                cardId: named(from).id,
              });
        expect(res.statusCode, res.body).toBe(201);
        relations.push([kind, from, to]);
      };
      const me = { responsibleId: bo.user.id };
      await make("Order signs", plan.id, me);
      await make("Print maps", plan.id, { dueDate: addDays(today, 10) });
      await make("Hang maps", other.id, { dueDate: addDays(today, 3) });
      await make("Wayfinding project", other.id);
      await make("Old survey", plan.id);
      await make("Survey follow-up", other.id, { dueDate: addDays(today, 30) });
      await make("Budget line", secret.id, { dueDate: addDays(today, 0) });
      await make("Book venue", plan.id, { coworkerIds: [bo.user.id] });
      await make("Send invites", plan.id, { dueDate: addDays(today, 1) });
      await make("Get quote", plan.id, { responsibleId: ana.user.id });
      await make("Compare quotes", plan.id, { dueDate: addDays(today, 20) });
      await make("Sign contract", plan.id, { dueDate: addDays(today, 2) });
      await make("Lone task", plan.id, me);
      await make("Ana's own", plan.id, { responsibleId: ana.user.id });
      await make("Unblocked", plan.id, me);
      await make("Cleared", plan.id, me);
      hidden.add("Budget line");

      await relate("next", "Order signs", "Print maps");
      await relate("next", "Print maps", "Hang maps");
      await relate("parent", "Wayfinding project", "Order signs");
      await relate("next", "Order signs", "Old survey");
      await relate("next", "Old survey", "Survey follow-up");
      await relate("next", "Order signs", "Budget line");
      await relate("next", "Book venue", "Send invites");
      await relate("next", "Get quote", "Compare quotes");
      await relate("next", "Get quote", "Sign contract");
      await relate("next", "Ana's own", "Send invites");
      const moved = await ana.post(`/api/cards/${named("Old survey").id}/move`, { statusId: doneStatus?.id });
      expect(moved.statusCode, moved.body).toBe(200);
      done.add("Old survey");

      await block("Order signs");
      await block("Book venue");
      await block("Get quote", bo.user.id);
      await block("Lone task");
      await block("Ana's own");
      await block("Cleared");
      expect((await ana.post(`/api/blockings/${blockingIds.get("Cleared")}/clear`)).statusCode).toBe(200);
      // The first blocking has waited five days.
      await h.db.handle.db
        .update(tables.cardBlockings)
        .set({ blockedAt: new Date(Date.now() - 5 * 86_400_000) })
        .where(eq(tables.cardBlockings.id, blockingIds.get("Order signs") ?? ""));
    });
    afterAll(async () => h?.close());

    /** Open cards Bo can read that wait on `name`, walked here over the relations the test made. */
    const waitingFor = (name: string): string[] => {
      const found = new Set<string>();
      const walk = (current: string) => {
        for (const [kind, from, to] of relations) {
          const waiting =
            kind === "next" && from === current ? to : kind === "parent" && to === current ? from : null;
          if (waiting === null || found.has(waiting)) continue;
          found.add(waiting);
          walk(waiting);
        }
      };
      walk(name);
      return [...found].filter((n) => !hidden.has(n) && !done.has(n));
    };

    it("lists the blocked cards I must clear, most waiting first, then the soonest due among them", async () => {
      const res = await bo.get("/api/me/blockers");
      expect(res.statusCode, res.body).toBe(200);
      const { items } = res.json<MyBlockers>();
      const mine = ["Order signs", "Book venue", "Get quote", "Lone task"];
      const expected = mine
        .map((name) => {
          const waiting = waitingFor(name);
          const dues = waiting.flatMap((n) => named(n).dueDate ?? []).sort();
          return { name, waiting: waiting.length, soonestDue: dues[0] ?? null };
        })
        .sort(
          (a, b) => b.waiting - a.waiting || (a.soonestDue ?? "9999").localeCompare(b.soonestDue ?? "9999"),
        );
      expect(items.map((i) => ({ name: i.name, waiting: i.waiting, soonestDue: i.soonestDue }))).toEqual(
        expected,
      );
      // The plan is built so that the order is not the creation order and no tie is left.
      expect(items.map((i) => i.name)).toEqual(["Order signs", "Get quote", "Book venue", "Lone task"]);
    });

    it("names the spaces to follow for changes, with their current seqs", async () => {
      const { watch } = (await bo.get("/api/me/blockers")).json<MyBlockers>();
      expect(watch.map((w) => w.spaceId).sort()).toEqual([...spaceIds].sort());
      for (const w of watch) {
        const [row] = await h.db.handle.db
          .select({ seq: tables.channels.seq })
          .from(tables.channels)
          .where(eq(tables.channels.channel, `space:${w.spaceId}`));
        expect(w.seq).toBe(Number(row?.seq ?? 0));
      }
    });

    it("says why each is mine, with the reason and the blocking's age", async () => {
      const { items } = (await bo.get("/api/me/blockers")).json<MyBlockers>();
      const byName = new Map(items.map((i) => [i.name, i]));
      expect(byName.get("Order signs")?.roles).toEqual(["responsible"]);
      expect(byName.get("Book venue")?.roles).toEqual(["coworker"]);
      expect(byName.get("Get quote")?.roles).toEqual(["clearing"]);
      expect(byName.get("Order signs")?.blockings).toEqual([
        expect.objectContaining({
          blockerName: "Supplier",
          reason: "Order signs waits for quotes",
          ageDays: 5,
        }),
      ]);
      expect(byName.get("Lone task")?.blockings[0]?.ageDays).toBe(0);
      expect(byName.get("Order signs")?.waitingCards.map((c) => c.name)).toEqual(
        waitingFor("Order signs").sort((a, b) =>
          (named(a).dueDate ?? "9999").localeCompare(named(b).dueDate ?? "9999"),
        ),
      );
    });

    it("never names or counts a waiting card in a private space the caller is not in", async () => {
      const body = (await bo.get("/api/me/blockers")).body;
      expect(body).not.toContain(secretId);
      expect(body).not.toContain(named("Budget line").id);
      expect(body).not.toContain("Budget line");
      // Its owner, who can read it, counts it.
      const anaItems = (await ana.get("/api/me/blockers")).json<MyBlockers>().items;
      expect(anaItems.map((i) => i.name)).toEqual(["Get quote", "Ana's own"]);
    });

    it("drops a blocker once it is cleared, and answers 401 without a session", async () => {
      expect((await bo.post(`/api/blockings/${blockingIds.get("Lone task")}/clear`)).statusCode).toBe(200);
      const { items } = (await bo.get("/api/me/blockers")).json<MyBlockers>();
      expect(items.map((i) => i.name)).not.toContain("Lone task");
      expect((await f.anonymous.get("/api/me/blockers")).statusCode).toBe(401);
    });
  });
};

myBlockersSuite(testDriver());

/**
 * The demo workspace tells one story: its event log (what the activity streams and "my recent
 * activity" read) happened when its status history says, by the people working on the cards, and
 * replays to the board; some cards are blocked now, and they have not moved since.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createDb, type DbHandle, loadCards, tables } from "@lattice/db";
import {
  applyBoardEvent,
  type BoardState,
  type Card,
  DAY_MS,
  type EventType,
  emptyBoard,
} from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./faults/support.js";

const run = promisify(execFile);

describe("the demo seed", () => {
  let dataDir: string;
  let handle: DbHandle;
  let seededBy: number;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "lattice-demo-"));
    await run(process.execPath, ["--import", "tsx", "scripts/seed-demo.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
      timeout: 170_000,
    });
    seededBy = Date.now();
    handle = await createDb({ dataDir, purpose: "seed" });
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const spaceEvents = async () => {
    const spaces = await handle.db.select().from(tables.spaces);
    const events = await handle.db.select().from(tables.events);
    return spaces.map((space) => ({
      space,
      events: events
        .filter((e) => e.channel === `space:${space.id}`)
        .sort((a, b) => Number(a.seq) - Number(b.seq)),
    }));
  };
  const cardsOf = (spaceId: string) => loadCards(handle.db, { spaceId, includeArchived: true });

  it("replays each space's event log to exactly the cards on its board", async () => {
    const sorted = (card: Card | undefined) =>
      card ? Object.fromEntries(Object.entries(card).sort(([a], [b]) => a.localeCompare(b))) : card;
    for (const { space, events } of await spaceEvents()) {
      let state: BoardState = emptyBoard();
      for (const e of events) state = applyBoardEvent(state, { type: e.type, payload: e.payload } as never);
      const live = (await cardsOf(space.id)).filter((c) => c.archivedAt === null);
      expect(live.length).toBeGreaterThan(0);
      expect(Object.keys(state.cards).sort()).toEqual(live.map((c) => c.id).sort());
      for (const card of live) expect(sorted(state.cards[card.id])).toEqual(sorted(card));
    }
  });

  it("dates every event when the history says it happened, by a person who did it, in time order", async () => {
    const changes = await handle.db.select().from(tables.cardStatusChanges);
    const changeKeys = new Set(changes.map((c) => `${c.cardId}|${c.toStatusId}|${c.at.toISOString()}`));
    const actors = new Set<string>();
    const kinds = new Set<EventType>();
    for (const { space, events } of await spaceEvents()) {
      const cards = new Map((await cardsOf(space.id)).map((c) => [c.id, c]));
      const history = events.filter((e) => e.type !== "status.created" && e.type !== "status.updated");
      let previous = 0;
      for (const e of history) {
        const at = new Date(e.at).getTime();
        expect(at).toBeGreaterThanOrEqual(previous);
        expect(at).toBeLessThanOrEqual(seededBy);
        previous = at;
        kinds.add(e.type as EventType);
        if (e.actorId) actors.add(e.actorId);
        const payload = e.payload as { card?: Card; fromStatusId?: string };
        if (e.type === "card.created" && payload.card) {
          const card = cards.get(payload.card.id);
          expect(e.at.toISOString()).toBe(card?.createdAt);
          expect(e.actorId).toBe(card?.createdBy);
        }
        if (e.type === "card.moved" && payload.card) {
          expect(changeKeys.has(`${payload.card.id}|${payload.card.statusId}|${e.at.toISOString()}`)).toBe(
            true,
          );
        }
      }
      const createdAt = history.filter((e) => e.type === "card.created").map((e) => e.at.getTime());
      // Six months of arrivals, not one burst at seeding time.
      expect(Math.max(...createdAt) - Math.min(...createdAt)).toBeGreaterThan(120 * DAY_MS);
    }
    const moves = (await spaceEvents()).flatMap((s) => s.events).filter((e) => e.type === "card.moved");
    expect(moves).toHaveLength(changes.filter((c) => c.fromStatusId !== null).length);
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        "card.created",
        "card.moved",
        "card.updated",
        "comment.created",
        "blocking.created",
        "blocking.cleared",
      ]),
    );
    expect(actors.size).toBeGreaterThan(3);
  });

  it("has cards blocked now, each blocked after its last status change", async () => {
    const open = (await handle.db.select().from(tables.cardBlockings)).filter((b) => b.clearedAt === null);
    const changes = await handle.db.select().from(tables.cardStatusChanges);
    const blockedCards = new Set(open.map((b) => b.cardId));
    expect(blockedCards.size).toBeGreaterThanOrEqual(3);
    for (const blocking of open) {
      const lastMove = Math.max(
        ...changes.filter((c) => c.cardId === blocking.cardId).map((c) => c.at.getTime()),
      );
      expect(blocking.blockedAt.getTime()).toBeGreaterThan(lastMove);
    }
    const spaces = await handle.db.select().from(tables.spaces);
    const cards = (await Promise.all(spaces.map((s) => cardsOf(s.id)))).flat();
    expect(
      cards
        .filter((c) => c.isBlocked)
        .map((c) => c.id)
        .sort(),
    ).toEqual([...blockedCards].sort());
  });
});

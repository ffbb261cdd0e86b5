/**
 * The hub's own reads fail while a change commits: the event is in the table and its wake-up
 * arrived, but reading it did not work (the connection the read went out on was lost). The hub must
 * not spin retrying meanwhile, and once reads work again the subscriber must still receive the
 * event, once and in order, with no further change.
 */
import { runMutation } from "@lattice/db";
import { createCardBody, spaceChannel } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCard } from "../commands/cards.js";
import { createMemoryBus } from "../sync/bus.js";
import { factories, type Harness, startHarness } from "../test/harness.js";
import { TestSocket } from "../test/ws-client.js";
import { waitFor } from "./support.js";

describe("the hub when its reads fail (PostgreSQL)", () => {
  let harness: Harness;
  const bus = createMemoryBus();

  beforeAll(async () => {
    harness = await startHarness("pg", bus, {}, { pollMs: 200 });
  });
  afterAll(async () => {
    await harness.close();
  });

  it("delivers an event whose read failed once reads work again, once and in order", async () => {
    const f = factories(harness.app);
    const ana = await f.user("Ana");
    const workspace = await f.workspace(ana);
    const space = await f.space(ana, workspace.id);
    const url = await harness.app.listen({ port: 0, host: "127.0.0.1" });
    const socket = await TestSocket.open(url, ana.session?.cookie ?? null);
    const channel = spaceChannel(space.id);
    const subscribed = await socket.subscribe(channel);
    expect(subscribed.type).toBe("subscribed");

    // Plain queries (the hub's reads, its periodic check) fail as on a lost connection; a
    // transaction checks out its own connection and still commits.
    const pool = harness.db.handle.pool;
    if (!pool) throw new Error("the pg driver has a pool");
    const realQuery = pool.query;
    let failedReads = 0;
    pool.query = (() => {
      failedReads += 1;
      return Promise.reject(new Error("Connection terminated unexpectedly"));
    }) as unknown as typeof pool.query;
    let seq: number;
    try {
      const { events } = await runMutation(
        harness.db.handle.db,
        { actorId: ana.user.id, mutationId: null },
        (ctx) => createCard(ctx, ana.user, space.id, createCardBody.parse({ name: "Night shift rota" })),
      );
      seq = events[0]?.seq ?? -1;
      bus.published(events);
      // Several rounds of the periodic check fail meanwhile; the hub retries at that pace and does
      // not spin (a spinning retry would starve this very wait, or count thousands).
      await waitFor(() => failedReads >= 3, "the hub to fail reading a few times");
      expect(failedReads).toBeLessThan(20);
    } finally {
      pool.query = realQuery;
    }
    expect(socket.events(channel)).toEqual([]);

    // No new change, no new wake-up: the hub catches up by itself.
    await socket.untilSeq(channel, seq, 10_000);
    const received = socket.events(channel).map((frame) => frame.seq);
    expect(received).toEqual([seq]);
    expect(socket.events(channel)[0]?.event.type).toBe("card.created");
  });
});

/**
 * Live-sync protocol tests with real sockets against the in-process server, on either driver.
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { type Channel, type Space, spaceChannel, type Workspace } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { type Frame, TestSocket } from "../test/ws-client.js";

const hubSuite = (driver: TestDriver) => {
  describe(`live sync hub (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    let owner: Client;
    let member: Client;
    let outsider: Client;
    let workspace: Workspace;
    let space: Space;
    let channel: Channel;
    const sockets: TestSocket[] = [];

    const open = async (client: Client | null): Promise<TestSocket> => {
      const socket = await TestSocket.open(baseUrl, client?.session?.cookie ?? null);
      sockets.push(socket);
      await socket.next((fr) => fr.type === "hello", 5000, "hello", 0);
      return socket;
    };

    const boardSeq = async (client: Client, spaceId: string): Promise<number> =>
      boardFromReply((await client.get(`/api/spaces/${spaceId}/board`)).json()).seq;

    beforeAll(async () => {
      h = await startHarness(driver, undefined, {}, { maxReplay: 50, heartbeatMs: 60_000, pollMs: 1000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      f = factories(h.app);
      owner = await f.user("Olga");
      member = await f.user("Mia");
      outsider = await f.user("Otto");
      workspace = await f.workspace(owner);
      await f.member(owner, workspace.id, member, "member");
      space = await f.space(owner, workspace.id);
      channel = spaceChannel(space.id);
    });
    afterAll(async () => {
      for (const s of sockets) s.close();
      await h.close();
    });

    it("refuses an anonymous upgrade before it becomes a socket", async () => {
      await expect(TestSocket.open(baseUrl, null)).rejects.toThrow(/401/);
    });

    it("streams a change made over HTTP to a subscriber, with the mutation id that caused it", async () => {
      const socket = await open(member);
      const subscribed = await socket.subscribe(channel);
      expect(subscribed.type).toBe("subscribed");
      const from = socket.mark;
      const res = await owner.request(
        "POST",
        `/api/spaces/${space.id}/cards`,
        { name: "Call-back rota" },
        {
          "idempotency-key": "mutation-streams-1",
        },
      );
      expect(res.statusCode).toBe(201);
      const frame = await socket.next(
        (fr) => fr.type === "event" && fr.event.type === "card.created",
        5000,
        "card.created",
        from,
      );
      if (frame.type !== "event") throw new Error("unreachable");
      expect(frame.event.mutationId).toBe("mutation-streams-1");
      expect(frame.event.actorId).toBe(owner.user.id);
      expect((frame.event.payload as { card: { id: string } }).card.id).toBe(res.json<{ id: string }>().id);
    });

    it("replays every event after `since` in order, then streams live ones", async () => {
      const since = await boardSeq(owner, space.id);
      const names = ["Replay A", "Replay B", "Replay C"];
      for (const name of names) await f.card(owner, space.id, { name });
      const socket = await open(member);
      const answer = await socket.subscribe(channel, since);
      expect(answer).toMatchObject({ type: "subscribed", seq: since + 3 });
      await socket.untilSeq(channel, since + 3);
      await f.card(owner, space.id, { name: "Live D" });
      await socket.untilSeq(channel, since + 4);
      const events = socket.events(channel);
      expect(events.map((e) => e.seq)).toEqual([since + 1, since + 2, since + 3, since + 4]);
      expect(events.map((e) => (e.event.payload as { card: { name: string } }).card.name)).toEqual([
        ...names,
        "Live D",
      ]);
    });

    it("answers resync when `since` is ahead of the server or older than the replay window", async () => {
      const latest = await boardSeq(owner, space.id);
      const ahead = await open(member);
      expect(await ahead.subscribe(channel, latest + 10)).toMatchObject({ type: "resync", seq: latest });
      const tooOld = await open(member);
      // The harness keeps a replay window of 50 events.
      for (let i = 0; i < 51; i++) await f.card(owner, space.id, { name: `Bulk ${i}` });
      expect(await tooOld.subscribe(channel, latest)).toMatchObject({ type: "resync" });
      // After a resync the socket is subscribed from the current seq on.
      const now = await boardSeq(owner, space.id);
      await f.card(owner, space.id, { name: "After resync" });
      await tooOld.untilSeq(channel, now + 1);
      expect(tooOld.events(channel).map((e) => e.seq)).toEqual([now + 1]);
    });

    it("answers a channel the caller may not read exactly like one that does not exist", async () => {
      const watcher = await open(owner);
      await watcher.subscribe(channel);
      const socket = await open(outsider);
      const forbidden = await socket.subscribe(channel);
      const missing = await socket.subscribe(spaceChannel("00000000-0000-4000-8000-000000000000"));
      expect(forbidden.type).toBe("error");
      const strip = (fr: Frame) => ({ ...fr, channel: undefined });
      expect(strip(forbidden)).toEqual(strip(missing));
      expect(await socket.subscribe(`user:${owner.user.id}`)).toMatchObject({
        type: "error",
        code: "not_found",
      });
      await f.card(owner, space.id, { name: "Not for outsiders" });
      // The hub sends a channel's event to all its subscribers at once: once a member has it, anything
      // sent to the outsider with it arrives before the outsider's pong.
      await watcher.untilSeq(channel, await boardSeq(owner, space.id));
      await socket.flush();
      expect(socket.events(channel)).toEqual([]);
    });

    it("subscribes a user to their own channel and to a workspace they belong to", async () => {
      const socket = await open(member);
      expect(await socket.subscribe(`user:${member.user.id}`)).toMatchObject({ type: "subscribed" });
      expect(await socket.subscribe(`workspace:${workspace.id}`)).toMatchObject({ type: "subscribed" });
      const from = socket.mark;
      await owner.patch(`/api/workspaces/${workspace.id}`, { name: "Renamed live" });
      const frame = await socket.next(
        (fr) => fr.type === "event" && fr.event.type === "workspace.updated",
        5000,
        "workspace.updated",
        from,
      );
      expect(frame).toMatchObject({ channel: `workspace:${workspace.id}` });
    });

    it("stops a removed member's events at once, while others keep receiving", async () => {
      const leaver = await f.user("Lea");
      await f.member(owner, workspace.id, leaver, "member");
      const leaverSocket = await open(leaver);
      const ownerSocket = await open(owner);
      await leaverSocket.subscribe(channel);
      await ownerSocket.subscribe(channel);
      const from = leaverSocket.mark;
      const removed = await owner.delete(`/api/workspaces/${workspace.id}/members/${leaver.user.id}`);
      expect(removed.statusCode).toBe(204);
      const revoked = await leaverSocket.next(
        (fr) => fr.type === "error" && fr.code === "access_revoked",
        5000,
        "access_revoked",
        from,
      );
      expect(revoked).toMatchObject({ channel });
      const seqAtRevocation = Math.max(0, ...leaverSocket.events(channel).map((e) => e.seq));
      const card = await f.card(owner, space.id, { name: "After removal" });
      const after = await boardSeq(owner, space.id);
      await ownerSocket.untilSeq(channel, after);
      await leaverSocket.flush();
      const leaked = leaverSocket.events(channel).filter((e) => e.seq > seqAtRevocation);
      expect(leaked).toEqual([]);
      expect(
        ownerSocket
          .events(channel)
          .some((e) => (e.event.payload as { card?: { id: string } }).card?.id === card.id),
      ).toBe(true);
      // And they cannot subscribe again.
      expect(await leaverSocket.subscribe(channel)).toMatchObject({ type: "error", code: "not_found" });
    });

    it("revokes the space channel when the space is made private to others", async () => {
      const privateSpace = await f.space(owner, workspace.id, { name: "Soon private" });
      const ch = spaceChannel(privateSpace.id);
      const memberSocket = await open(member);
      const ownerSocket = await open(owner);
      expect(await memberSocket.subscribe(ch)).toMatchObject({ type: "subscribed" });
      expect(await ownerSocket.subscribe(ch)).toMatchObject({ type: "subscribed" });
      const from = memberSocket.mark;
      await owner.patch(`/api/spaces/${privateSpace.id}`, { isPrivate: true });
      await memberSocket.next(
        (fr) => fr.type === "error" && fr.code === "access_revoked" && fr.channel === ch,
        5000,
        "access_revoked",
        from,
      );
      const before = memberSocket.events(ch).length;
      await f.card(owner, privateSpace.id, { name: "Private card" });
      await ownerSocket.untilSeq(ch, await boardSeq(owner, privateSpace.id));
      await memberSocket.flush();
      expect(memberSocket.events(ch).length).toBe(before);
    });

    it("answers malformed messages with an error frame and keeps serving the socket", async () => {
      const socket = await open(member);
      const bad = [
        "not json",
        JSON.stringify({ type: "dance" }),
        JSON.stringify({ type: "subscribe", channel: "space:nope" }),
        JSON.stringify({ type: "subscribe", channel, since: -1 }),
        "[]",
      ];
      for (const message of bad) socket.send(message);
      await socket.until(() => socket.frames.filter((fr) => fr.type === "error").length >= bad.length);
      expect(
        socket.frames
          .filter((fr) => fr.type === "error")
          .every((fr) => fr.type === "error" && fr.code === "invalid_message"),
      ).toBe(true);
      await socket.flush();
      expect(await socket.subscribe(channel)).toMatchObject({ type: "subscribed" });
    });

    it("stops sending a channel's events after unsubscribe", async () => {
      const socket = await open(member);
      const watcher = await open(owner);
      await socket.subscribe(channel);
      await watcher.subscribe(channel);
      const from = socket.mark;
      socket.send({ type: "unsubscribe", channel });
      await socket.next((fr) => fr.type === "unsubscribed", 5000, "unsubscribed", from);
      await f.card(owner, space.id, { name: "Unheard" });
      await watcher.untilSeq(channel, await boardSeq(owner, space.id));
      await socket.flush();
      expect(socket.events(channel)).toEqual([]);
    });

    it("returns the first answer to a retried request and appends no second event", async () => {
      const socket = await open(member);
      await socket.subscribe(channel);
      const seqBefore = await boardSeq(owner, space.id);
      const headers = { "idempotency-key": "retry-me-7" };
      const first = await owner.request(
        "POST",
        `/api/spaces/${space.id}/cards`,
        { name: "Once only" },
        headers,
      );
      const second = await owner.request(
        "POST",
        `/api/spaces/${space.id}/cards`,
        { name: "Once only" },
        headers,
      );
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toEqual(first.json());
      expect(second.headers["idempotent-replay"]).toBe("true");
      expect(await boardSeq(owner, space.id)).toBe(seqBefore + 1);
      const board = boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json());
      expect(board.cards.filter((c) => c.name === "Once only")).toHaveLength(1);
      // The same key on a different request is refused, not silently replayed.
      const misuse = await owner.request("PATCH", `/api/spaces/${space.id}`, { name: "x" }, headers);
      expect(misuse.statusCode).toBe(409);
      // Concurrent retries still apply once.
      const concurrent = await Promise.all(
        [1, 2, 3].map(() =>
          owner.request(
            "POST",
            `/api/spaces/${space.id}/cards`,
            { name: "Raced" },
            { "idempotency-key": "race-1" },
          ),
        ),
      );
      expect(concurrent.map((r) => r.statusCode)).toEqual([201, 201, 201]);
      const racedIds = new Set(concurrent.map((r) => r.json<{ id: string }>().id));
      expect([...racedIds]).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
      const afterRace = boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json());
      expect(afterRace.cards.filter((c) => c.name === "Raced").map((c) => c.id)).toEqual([...racedIds]);
    });

    it("delivers every event exactly once and in order under concurrent writers", async () => {
      const socket = await open(member);
      const since = await boardSeq(owner, space.id);
      await socket.subscribe(channel, since);
      const writers = [owner, member];
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          f.card(writers[i % 2] as Client, space.id, { name: `Concurrent ${i}` }),
        ),
      );
      const latest = await boardSeq(owner, space.id);
      await socket.untilSeq(channel, latest);
      const seqs = socket.events(channel).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: latest - since }, (_, i) => since + i + 1));
    });

    it("tells others who is looking at the space and at which card, and when they leave", async () => {
      const card = await f.card(owner, space.id, { name: "Looked at" });
      const watcher = await open(owner);
      await watcher.subscribe(channel);
      const looker = await open(member);
      await looker.subscribe(channel);
      const beforeLook = watcher.mark;
      looker.send({ type: "presence", channel, cardId: card.id });
      await watcher.next(
        (fr) =>
          fr.type === "presence" && fr.users.some((u) => u.userId === member.user.id && u.cardId === card.id),
        5000,
        "presence with the looker",
        beforeLook,
      );
      // Only a list sent after the looker was seen counts (each subscriber first gets an empty one).
      const beforeLeave = watcher.mark;
      looker.close();
      await watcher.next(
        (fr) => fr.type === "presence" && !fr.users.some((u) => u.userId === member.user.id),
        5000,
        "presence without the looker",
        beforeLeave,
      );
    });

    it("drops a socket that stops answering heartbeats", async () => {
      const fast = await startHarness(driver, undefined, {}, { heartbeatMs: 100 });
      try {
        const url = await fast.app.listen({ port: 0, host: "127.0.0.1" });
        const ff = factories(fast.app);
        const user = await ff.user("Sleepy");
        const socket = await TestSocket.open(url, user.session?.cookie ?? null);
        await socket.next((fr) => fr.type === "hello", 5000, "hello", 0);
        expect(fast.app.hub.stats.connections).toBe(1);
        // A frozen client: its TCP socket stops reading, so pings go unanswered.
        (socket.ws as unknown as { _socket: { pause(): void } })._socket.pause();
        await expect.poll(() => fast.app.hub.stats.connections, { timeout: 5000 }).toBe(0);
        socket.ws.terminate();
      } finally {
        await fast.close();
      }
    });

    it("disconnects a slow consumer whose send buffer grows past the bound", async () => {
      const said: string[] = [];
      const slow = await startHarness(
        driver,
        undefined,
        {},
        // The message limit is raised so that only the buffer bound can close this socket.
        { maxBufferedBytes: 64 * 1024, maxMessagesPerWindow: 10_000, log: (line: string) => said.push(line) },
      );
      try {
        const url = await slow.app.listen({ port: 0, host: "127.0.0.1" });
        const sf = factories(slow.app);
        const user = await sf.user("Slow");
        const ws = await sf.workspace(user);
        const sp = await sf.space(user, ws.id);
        const ch = spaceChannel(sp.id);
        // A backlog of large events: every subscribe from seq 0 sends all of it (about 1.1 MB) again.
        const description = "x".repeat(19_000);
        for (let i = 0; i < 60; i++) await sf.card(user, sp.id, { description });
        const socket = await TestSocket.open(url, user.session?.cookie ?? null);
        await socket.next((fr) => fr.type === "hello", 5000, "hello", 0);
        // A frozen client: it stops reading, so what it is sent fills the kernel's buffers, then the server's.
        (socket.ws as unknown as { _socket: { pause(): void } })._socket.pause();
        // A subscribe that arrives before the previous one's replay has started replaces it, so not
        // every one sends the backlog; 200 of them ask for far more than the buffers between two
        // local sockets hold (a few MB) even when most are replaced.
        for (let i = 0; i < 200; i++) socket.send({ type: "subscribe", channel: ch, since: 0 });
        await expect.poll(() => slow.app.hub.stats.connections, { timeout: 60_000 }).toBe(0);
        expect(said.some((line) => line.startsWith("disconnecting slow socket"))).toBe(true);
        socket.ws.terminate();
      } finally {
        await slow.close();
      }
    }, 120_000);
  });
};

hubSuite(testDriver());

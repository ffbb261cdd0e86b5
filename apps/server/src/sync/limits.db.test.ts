/**
 * One socket cannot stall the server: a person's sockets, a socket's messages and a socket's
 * subscriptions are bounded, each with a clear error frame (and a close code where the socket ends).
 * Small bounds are configured here so each one is reached with a handful of messages.
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import { type Channel, spaceChannel, userChannel, WireCloseCode, workspaceChannel } from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { TestSocket } from "../test/ws-client.js";

const maxSocketsPerUser = 3;
const maxMessagesPerWindow = 20;
const maxSubscriptionsPerSocket = 4;

const limitsSuite = (driver: TestDriver) => {
  describe(`live sync limits (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let ana: Client;
    let bo: Client;
    let channels: Channel[];
    const sockets: TestSocket[] = [];

    const connect = async (client: Client): Promise<TestSocket> => {
      const socket = await TestSocket.open(baseUrl, client.session?.cookie ?? null);
      sockets.push(socket);
      return socket;
    };

    const open = async (client: Client): Promise<TestSocket> => {
      const socket = await connect(client);
      await socket.next((fr) => fr.type === "hello");
      return socket;
    };

    const count = (socket: TestSocket, type: string, code?: string): number =>
      socket.frames.filter(
        (fr) => fr.type === type && (code === undefined || ("code" in fr && fr.code === code)),
      ).length;

    beforeAll(async () => {
      h = await startHarness(
        driver,
        undefined,
        {},
        {
          heartbeatMs: 60_000,
          maxSocketsPerUser,
          maxMessagesPerWindow,
          // Long enough that the window never refills during a test.
          messageWindowSeconds: 600,
          maxSubscriptionsPerSocket,
        },
      );
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      const f = factories(h.app);
      ana = await f.user("Ana");
      bo = await f.user("Bo");
      const workspace = await f.workspace(ana);
      const spaces = await Promise.all(
        ["A", "B", "C", "D"].map((name) => f.space(ana, workspace.id, { name })),
      );
      channels = [
        userChannel(ana.user.id),
        workspaceChannel(workspace.id),
        ...spaces.map((s) => spaceChannel(s.id)),
      ];
    });
    afterAll(async () => {
      for (const s of sockets) s.close();
      await h.close();
    });

    it("refuses a person's socket past the bound with an error frame, and takes one again once another closes", async () => {
      const before = h.app.hub.stats.connections;
      const held = [];
      for (let i = 0; i < maxSocketsPerUser; i++) held.push(await open(bo));
      const refused = await connect(bo);
      const error = await refused.next((fr) => fr.type === "error");
      expect(error).toMatchObject({ type: "error", code: "too_many_sockets" });
      expect(await refused.closed()).toBe(WireCloseCode.tooManySockets);
      expect(refused.frames.some((fr) => fr.type === "hello")).toBe(false);
      expect(h.app.hub.stats.connections).toBe(before + maxSocketsPerUser);
      // Someone else is not affected.
      const other = await open(ana);
      other.close();
      // Closing one of Bo's frees a place.
      held[0]?.close();
      await vi.waitFor(() => expect(h.app.hub.stats.connections).toBe(before + maxSocketsPerUser - 1));
      const again = await open(bo);
      expect(again.frames[0]).toMatchObject({ type: "hello" });
      for (const s of [...held, again]) s.close();
      await vi.waitFor(() => expect(h.app.hub.stats.connections).toBe(before));
    });

    it("drops messages past the allowance with one rate_limited error, then closes a socket that keeps on", async () => {
      const socket = await open(ana);
      for (let i = 0; i < maxMessagesPerWindow + 5; i++) socket.send({ type: "ping" });
      await socket.next((fr) => fr.type === "error" && fr.code === "rate_limited");
      // Messages are handled in order: the allowance was answered before the first one dropped.
      expect(count(socket, "pong")).toBe(maxMessagesPerWindow);
      expect(socket.closeCode).toBeNull();
      for (let i = 0; i < maxMessagesPerWindow; i++) socket.send({ type: "ping" });
      expect(await socket.closed()).toBe(WireCloseCode.rateLimited);
      expect(count(socket, "pong")).toBe(maxMessagesPerWindow);
      expect(count(socket, "error", "rate_limited")).toBe(1);
    });

    it("bounds the subscriptions of a socket, counting those still being checked", async () => {
      const socket = await open(ana);
      expect(channels.length).toBeGreaterThan(maxSubscriptionsPerSocket);
      // A burst: none is answered before the next is read, so all are in flight at once.
      for (const channel of channels) socket.send({ type: "subscribe", channel });
      const answered = () =>
        socket.frames.filter((fr) => fr.type === "subscribed" || (fr.type === "error" && "channel" in fr));
      await vi.waitFor(() => expect(answered()).toHaveLength(channels.length));
      expect(count(socket, "subscribed")).toBe(maxSubscriptionsPerSocket);
      expect(count(socket, "error", "too_many_subscriptions")).toBe(
        channels.length - maxSubscriptionsPerSocket,
      );
      expect(h.app.hub.stats.subscriptions).toBeGreaterThanOrEqual(maxSubscriptionsPerSocket);
      // Leaving one makes room for another.
      const subscribed = socket.frames.flatMap((fr) => (fr.type === "subscribed" ? [fr.channel] : []));
      const refused = channels.filter((c) => !subscribed.includes(c));
      socket.send({ type: "unsubscribe", channel: subscribed[0] });
      await socket.next((fr) => fr.type === "unsubscribed");
      expect((await socket.subscribe(refused[0] as Channel)).type).toBe("subscribed");
    });
  });
};

limitsSuite(testDriver());

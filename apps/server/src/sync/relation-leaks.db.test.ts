/**
 * A relation between a card of a space and a card of a private space names both cards. A reader of
 * the first space who may not read the private one learns nothing of it: not over the socket (live
 * or replayed: a `redacted` frame stands in, so seqs stay gapless), not in the board reply, not in
 * the card's relations reply. A reader of both spaces gets all of it.
 *
 * "Nothing arrived" is proven by a sentinel: a later change that must arrive, after which the frames
 * received so far are complete (each channel is delivered in seq order).
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type Card,
  type CardRelation,
  type Channel,
  type Space,
  spaceChannel,
  type Workspace,
} from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { type Frame, TestSocket } from "../test/ws-client.js";

type EventFrame = Extract<Frame, { type: "event" }>;

const relationLeaksSuite = (driver: TestDriver) => {
  describe(`relations into a private space reach only its readers (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    // Ana owns the workspace; Mia is a member who keeps a private space; Bo a member who is not in it.
    let ana: Client;
    let mia: Client;
    let bo: Client;
    let workspace: Workspace;
    let ward: Space;
    let secret: Space;
    let channel: Channel;
    const sockets: TestSocket[] = [];

    const open = async (client: Client, since?: number): Promise<TestSocket> => {
      const socket = await TestSocket.open(baseUrl, client.session?.cookie ?? null);
      sockets.push(socket);
      await socket.next((fr) => fr.type === "hello");
      expect((await socket.subscribe(channel, since)).type).toBe("subscribed");
      return socket;
    };

    const boardOf = async (client: Client) => {
      const res = await client.get(`/api/spaces/${ward.id}/board`);
      expect(res.statusCode).toBe(200);
      return { text: res.body, board: boardFromReply(res.json()) };
    };

    /** The seq of a change on the ward's channel that every reader must see, made after the ones under test. */
    const sentinel = async (): Promise<number> => {
      await f.card(mia, ward.id, { name: "Sentinel" });
      return (await boardOf(ana)).board.seq;
    };

    const received = async (socket: TestSocket, after: number, upTo: number): Promise<EventFrame[]> => {
      await socket.untilSeq(channel, upTo);
      return socket.events(channel).filter((e) => e.seq > after && e.seq <= upTo);
    };

    const expectGapless = (events: EventFrame[], after: number, upTo: number): void => {
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: upTo - after }, (_, i) => after + 1 + i));
    };

    const mentions = (value: unknown, ...secrets: string[]): string[] => {
      const text = typeof value === "string" ? value : JSON.stringify(value);
      return secrets.filter((s) => text.includes(s));
    };

    beforeAll(async () => {
      h = await startHarness(driver, undefined, {}, { heartbeatMs: 60_000, pollMs: 1000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      f = factories(h.app);
      ana = await f.user("Ana");
      mia = await f.user("Mia");
      bo = await f.user("Bo");
      workspace = await f.workspace(ana);
      await f.member(ana, workspace.id, mia, "member");
      await f.member(ana, workspace.id, bo, "member");
      ward = await f.space(ana, workspace.id, { name: "General ward" });
      secret = await f.space(mia, workspace.id, { name: "Secret ward", isPrivate: true });
      channel = spaceChannel(ward.id);
    });
    afterAll(async () => {
      for (const s of sockets) s.close();
      await h.close();
    });

    it("keeps the private card's id and space from a reader of one end only, and gives both to a reader of both", async () => {
      const wardCard = await f.card(mia, ward.id, { name: "Discharge plan" });
      const nextInWard = await f.card(mia, ward.id, { name: "Follow-up call" });
      const secretCard = await f.card(mia, secret.id, { name: "Budget cuts" });
      const hidden = [secretCard.id, secret.id, "Budget cuts"];
      const start = (await boardOf(ana)).board.seq;
      const onBo = await open(bo);
      const onMia = await open(mia);

      const made = await mia.post(`/api/cards/${wardCard.id}/relations`, {
        type: "parent",
        cardId: secretCard.id,
      });
      expect(made.statusCode).toBe(201);
      const relation = made.json<CardRelation>();
      const sameSpace = await mia.post(`/api/cards/${wardCard.id}/relations`, {
        type: "next",
        cardId: nextInWard.id,
      });
      expect(sameSpace.statusCode).toBe(201);
      const visibleRelation = sameSpace.json<CardRelation>();

      // The replies, while the relation exists.
      const boBoard = await boardOf(bo);
      expect(boBoard.board.relations.map((r) => r.id)).toEqual([visibleRelation.id]);
      expect(mentions(boBoard.text, ...hidden)).toEqual([]);
      const miaBoard = await boardOf(mia);
      expect(miaBoard.board.relations.map((r) => r.id)).toEqual([relation.id, visibleRelation.id]);
      expect(mentions(miaBoard.text, secretCard.id)).toEqual([secretCard.id]);
      const boRelations = await bo.get(`/api/cards/${wardCard.id}/relations`);
      expect(boRelations.statusCode).toBe(200);
      expect(mentions(boRelations.body, ...hidden)).toEqual([]);
      expect(mentions(boRelations.body, nextInWard.id)).toEqual([nextInWard.id]);
      const miaRelations = await mia.get(`/api/cards/${wardCard.id}/relations`);
      expect(mentions(miaRelations.body, secretCard.id, secret.id)).toEqual([secretCard.id, secret.id]);

      expect((await mia.delete(`/api/relations/${relation.id}`)).statusCode).toBe(204);
      const end = await sentinel();

      // Live: Bo gets a redacted frame for each relation event of the private card, and the rest.
      const boEvents = await received(onBo, start, end);
      expectGapless(boEvents, start, end);
      expect(mentions(boEvents, ...hidden)).toEqual([]);
      expect(boEvents.map((e) => e.event.type)).toEqual([
        "redacted",
        "relation.created",
        "redacted",
        "card.created",
      ]);
      const miaEvents = await received(onMia, start, end);
      expectGapless(miaEvents, start, end);
      expect(miaEvents.map((e) => e.event.type)).toEqual([
        "relation.created",
        "relation.created",
        "relation.deleted",
        "card.created",
      ]);
      expect(mentions(miaEvents, secretCard.id)).toEqual([secretCard.id]);

      // Replayed from the channel's start: the same for each.
      const replayBo = await received(await open(bo, 0), 0, end);
      expectGapless(replayBo, 0, end);
      expect(mentions(replayBo, ...hidden)).toEqual([]);
      expect(replayBo.filter((e) => e.event.type === "redacted")).toHaveLength(2);
      const replayMia = await received(await open(mia, 0), 0, end);
      expectGapless(replayMia, 0, end);
      expect(replayMia.filter((e) => e.event.type === "redacted")).toHaveLength(0);
      expect(mentions(replayMia, secretCard.id)).toEqual([secretCard.id]);
    });

    it("tells a reader of one end a cycle through a private card without naming that card", async () => {
      const vault = await f.space(mia, workspace.id, { name: "Vault", isPrivate: true });
      const first = await f.card(mia, ward.id, { name: "Admission" });
      const last = await f.card(mia, ward.id, { name: "Discharge" });
      const hiddenCard = await f.card(mia, vault.id, { name: "Quokka audit" });
      const relate = (client: Client, from: string, to: string) =>
        client.post(`/api/cards/${from}/relations`, { type: "parent", cardId: to });
      expect((await relate(mia, first.id, hiddenCard.id)).statusCode).toBe(201);
      expect((await relate(mia, hiddenCard.id, last.id)).statusCode).toBe(201);

      const refusedToBo = await relate(bo, last.id, first.id);
      const boProblem = expectProblem(refusedToBo, 409, "cycle");
      expect(mentions(refusedToBo.body, hiddenCard.id, vault.id, "Quokka")).toEqual([]);
      expect(boProblem.detail).toContain("a card you cannot see");
      expect(boProblem.detail).toContain("'Admission'");
      expect(boProblem.detail).toContain("'Discharge'");

      const refusedToMia = await relate(mia, last.id, first.id);
      expect(expectProblem(refusedToMia, 409, "cycle").detail).toContain("'Quokka audit'");
    });

    it("shows the relation to a reader who joins the private space", async () => {
      const wardCard: Card = await f.card(mia, ward.id, { name: "Bed rota" });
      const secretCard = await f.card(mia, secret.id, { name: "Ward closure" });
      const made = await mia.post(`/api/cards/${wardCard.id}/relations`, {
        type: "child",
        cardId: secretCard.id,
      });
      expect(made.statusCode).toBe(201);
      expect(mentions((await boardOf(bo)).text, secretCard.id)).toEqual([]);
      const added = await mia.post(`/api/spaces/${secret.id}/members`, {
        userId: bo.user.id,
        role: "member",
      });
      expect(added.statusCode).toBeLessThan(300);
      const end = (await boardOf(bo)).board.seq;
      expect(mentions((await boardOf(bo)).text, secretCard.id)).toEqual([secretCard.id]);
      const replay = await received(await open(bo, 0), 0, end);
      expect(
        replay.some((e) => e.event.type === "relation.created" && mentions(e, secretCard.id).length > 0),
      ).toBe(true);
    });
  });
};

relationLeaksSuite(testDriver());

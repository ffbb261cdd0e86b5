/**
 * What a reader may not see never reaches them: a private space's events on the workspace channel
 * (live and replayed), a space channel after access is lost, card names in activity sentences, and
 * the text of deleted comments (replays, idempotent retries, search, notifications).
 *
 * "Nothing arrived" is proven by a sentinel: a later change that must arrive, after which the frames
 * received so far are complete (each channel is delivered in seq order).
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type ActivityPage,
  type Card,
  type Channel,
  type Comment,
  type Folder,
  type Space,
  spaceChannel,
  type Tree,
  userChannel,
  type Workspace,
  workspaceChannel,
} from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { type Frame, TestSocket } from "../test/ws-client.js";

type EventFrame = Extract<Frame, { type: "event" }>;

const leaksSuite = (driver: TestDriver) => {
  describe(`nothing leaks to readers who may not see it (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    // Ana owns the workspace, Mia is a member who makes private spaces, Bo a member and Vic a
    // visitor who are not in them.
    let ana: Client;
    let mia: Client;
    let bo: Client;
    let vic: Client;
    let workspace: Workspace;
    let channel: Channel;
    let ward: Space;
    const sockets: TestSocket[] = [];

    const open = async (client: Client): Promise<TestSocket> => {
      const socket = await TestSocket.open(baseUrl, client.session?.cookie ?? null);
      sockets.push(socket);
      await socket.next((fr) => fr.type === "hello");
      return socket;
    };

    const treeOf = async (client: Client): Promise<Tree> =>
      (await client.get(`/api/workspaces/${workspace.id}/tree`)).json<Tree>();

    /** A socket following the workspace channel from now (or replaying from `since`). */
    const follow = async (client: Client, since?: number): Promise<TestSocket> => {
      const socket = await open(client);
      const answer = await socket.subscribe(channel, since);
      expect(answer.type).toBe("subscribed");
      return socket;
    };

    /** Ana makes a public space: the sentinel change after the ones under test. Returns its seq. */
    const sentinel = async (name: string): Promise<number> => {
      await f.space(ana, workspace.id, { name });
      return (await treeOf(ana)).seq;
    };

    /** The events `socket` got on `ch` with after < seq <= upTo, once it has reached `upTo`. */
    const received = async (socket: TestSocket, ch: Channel, after: number, upTo: number) => {
      await socket.untilSeq(ch, upTo);
      return socket.events(ch).filter((e) => e.seq > after && e.seq <= upTo);
    };

    const expectGapless = (events: EventFrame[], after: number, upTo: number): void => {
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: upTo - after }, (_, i) => after + 1 + i));
    };

    const mentions = (frames: unknown, ...secrets: string[]): string[] => {
      const text = JSON.stringify(frames);
      return secrets.filter((s) => text.includes(s));
    };

    beforeAll(async () => {
      h = await startHarness(driver, undefined, {}, { heartbeatMs: 60_000, pollMs: 1000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      f = factories(h.app);
      ana = await f.user("Ana");
      mia = await f.user("Mia");
      bo = await f.user("Bo");
      vic = await f.user("Vic");
      workspace = await f.workspace(ana);
      channel = workspaceChannel(workspace.id);
      await f.member(ana, workspace.id, mia, "member");
      await f.member(ana, workspace.id, bo, "member");
      await f.member(ana, workspace.id, vic, "visitor");
      ward = await f.space(ana, workspace.id, { name: "General ward" });
    });
    afterAll(async () => {
      for (const s of sockets) s.close();
      await h.close();
    });

    describe("the workspace channel", () => {
      it("sends a private space's creation and changes only to those who may see it, live", async () => {
        const start = (await treeOf(ana)).seq;
        const onAna = await follow(ana);
        const onMia = await follow(mia);
        const onBo = await follow(bo);
        const onVic = await follow(vic);
        const created = await f.space(mia, workspace.id, {
          name: "Secret ward",
          description: "Moving the intensive care unit",
          isPrivate: true,
        });
        expect(
          (await mia.patch(`/api/spaces/${created.id}`, { name: "Secret ward renamed" })).statusCode,
        ).toBe(200);
        const end = await sentinel("Sentinel live");
        for (const socket of [onBo, onVic]) {
          const events = await received(socket, channel, start, end);
          expectGapless(events, start, end);
          expect(mentions(events, "Secret ward", "intensive care", created.id)).toEqual([]);
          expect(events.filter((e) => e.event.type === "redacted")).toHaveLength(2);
          expect(events.at(-1)?.event.type).toBe("space.created");
          expect(mentions(events.at(-1), "Sentinel live")).toEqual(["Sentinel live"]);
        }
        for (const socket of [onAna, onMia]) {
          const events = await received(socket, channel, start, end);
          expectGapless(events, start, end);
          expect(events.map((e) => e.event.type)).toEqual([
            "space.created",
            "space.updated",
            "space.created",
          ]);
          expect(mentions(events, "Secret ward renamed", "intensive care")).toHaveLength(2);
        }
        // The tree lists it for the same readers.
        expect((await treeOf(bo)).spaces.map((s) => s.id)).not.toContain(created.id);
        expect((await treeOf(vic)).spaces.map((s) => s.id)).not.toContain(created.id);
        expect((await treeOf(mia)).spaces.map((s) => s.id)).toContain(created.id);
        expect((await treeOf(ana)).spaces.map((s) => s.id)).toContain(created.id);
      });

      it("replays from seq 0 without a private space's name, description or id, with no gap", async () => {
        const created = await f.space(mia, workspace.id, {
          name: "Replayed secret",
          description: "Budget cuts",
          isPrivate: true,
        });
        const end = await sentinel("Sentinel replay");
        for (const client of [bo, vic]) {
          const socket = await follow(client, 0);
          const events = await received(socket, channel, 0, end);
          expectGapless(events, 0, end);
          expect(mentions(events, "Replayed secret", "Budget cuts", created.id, "Secret ward")).toEqual([]);
        }
        const onMia = await follow(mia, 0);
        expect(
          mentions(await received(onMia, channel, 0, end), "Replayed secret", "Budget cuts"),
        ).toHaveLength(2);
      });

      it("hides a space made private, its past included, and tells readers to reload the tree", async () => {
        const closing = await f.space(ana, workspace.id, { name: "Open then closed" });
        const onBo = await follow(bo);
        const onBoSpace = await open(bo);
        expect((await onBoSpace.subscribe(spaceChannel(closing.id))).type).toBe("subscribed");
        const start = (await treeOf(ana)).seq;
        expect((await ana.patch(`/api/spaces/${closing.id}`, { isPrivate: true })).statusCode).toBe(200);
        const end = await sentinel("Sentinel closed");
        const events = await received(onBo, channel, start, end);
        expectGapless(events, start, end);
        expect(events.map((e) => e.event.type)).toEqual(["redacted", "access.changed", "space.created"]);
        // The space channel is revoked and cannot be replayed.
        await onBoSpace.next(
          (fr) =>
            fr.type === "error" && fr.code === "access_revoked" && fr.channel === spaceChannel(closing.id),
        );
        const again = await open(bo);
        const answer = await again.subscribe(spaceChannel(closing.id), 0);
        expect(answer).toMatchObject({ type: "error", code: "not_found" });
        // Even its creation, from when it was public, is no longer replayed to Bo.
        const replay = await follow(bo, 0);
        expect(mentions(await received(replay, channel, 0, end), "Open then closed", closing.id)).toEqual([]);
        expect((await treeOf(bo)).spaces.map((s) => s.id)).not.toContain(closing.id);
      });

      it("shows a space made public to everyone, live", async () => {
        const opening = await f.space(mia, workspace.id, { name: "Closed then open", isPrivate: true });
        const onVic = await follow(vic);
        const start = (await treeOf(ana)).seq;
        expect((await ana.patch(`/api/spaces/${opening.id}`, { isPrivate: false })).statusCode).toBe(200);
        const end = await sentinel("Sentinel opened");
        const events = await received(onVic, channel, start, end);
        expectGapless(events, start, end);
        expect(events.map((e) => e.event.type)).toEqual(["space.updated", "access.changed", "space.created"]);
        expect(mentions(events[0], "Closed then open")).toEqual(["Closed then open"]);
        expect((await treeOf(vic)).spaces.map((s) => s.id)).toContain(opening.id);
      });

      it("tells only the workspace's owners that a private space went, alone or with its folder", async () => {
        const doomed = await f.space(mia, workspace.id, { name: "Doomed ward", isPrivate: true });
        const folder: Folder = await f.folder(mia, workspace.id, { name: "Doomed folder" });
        const inFolder = await f.space(mia, workspace.id, {
          name: "Foldered secret",
          isPrivate: true,
          folderId: folder.id,
        });
        const onAna = await follow(ana);
        const onBo = await follow(bo);
        const start = (await treeOf(ana)).seq;
        expect((await ana.delete(`/api/spaces/${doomed.id}`)).statusCode).toBe(204);
        expect((await ana.delete(`/api/folders/${folder.id}`)).statusCode).toBe(204);
        const end = await sentinel("Sentinel deleted");
        const seenByBo = await received(onBo, channel, start, end);
        expectGapless(seenByBo, start, end);
        expect(mentions(seenByBo, doomed.id, inFolder.id)).toEqual([]);
        expect(seenByBo.filter((e) => e.event.type === "access.changed")).toHaveLength(2);
        const seenByAna = await received(onAna, channel, start, end);
        expect(
          seenByAna
            .filter((e) => e.event.type === "space.deleted")
            .map((e) => mentions(e, doomed.id, inFolder.id)),
        ).toEqual([[doomed.id], [inFolder.id]]);
        const replay = await follow(bo, 0);
        expect(mentions(await received(replay, channel, 0, end), "Doomed ward", "Foldered secret")).toEqual(
          [],
        );
      });
    });

    it("stops a private space's channel for an owner who is made a member", async () => {
      const oli = await f.user("Oli");
      await f.member(ana, workspace.id, oli, "owner");
      const closed = await f.space(mia, workspace.id, { name: "Owners only", isPrivate: true });
      const socket = await open(oli);
      expect((await socket.subscribe(spaceChannel(closed.id))).type).toBe("subscribed");
      expect(
        (await ana.patch(`/api/workspaces/${workspace.id}/members/${oli.user.id}`, { role: "member" }))
          .statusCode,
      ).toBe(200);
      await socket.next(
        (fr) => fr.type === "error" && fr.code === "access_revoked" && fr.channel === spaceChannel(closed.id),
      );
      const again = await open(oli);
      expect(await again.subscribe(spaceChannel(closed.id), 0)).toMatchObject({
        type: "error",
        code: "not_found",
      });
    });

    describe("activity", () => {
      let hidden: Card;
      let visible: Card;

      beforeAll(async () => {
        const closed = await f.space(mia, workspace.id, { name: "Activity secret", isPrivate: true });
        hidden = await f.card(mia, closed.id, { name: "Private card Zeta" });
        visible = await f.card(mia, ward.id, { name: "Card 0 Visible" });
        const related = await mia.post(`/api/cards/${visible.id}/relations`, {
          type: "previous",
          cardId: hidden.id,
        });
        expect(related.statusCode).toBe(201);
      });

      const texts = async (client: Client, url: string): Promise<string[]> => {
        const res = await client.get(url);
        expect(res.statusCode).toBe(200);
        return res.json<ActivityPage>().items.map((i) => i.text);
      };

      it("never names a card of a space the reader cannot see, in a space's or a card's activity", async () => {
        for (const url of [`/api/spaces/${ward.id}/activity`, `/api/cards/${visible.id}/activity`]) {
          for (const client of [bo, vic]) {
            const lines = await texts(client, url);
            expect(lines.filter((t) => t.includes("Zeta"))).toEqual([]);
            expect(lines).toContain("Mia made 'Card 0 Visible' follow a card you cannot see");
          }
          expect(await texts(ana, url)).toContain("Mia made 'Card 0 Visible' follow 'Private card Zeta'");
        }
        const items = (await bo.get(`/api/spaces/${ward.id}/activity`)).json<ActivityPage>().items;
        expect(items.map((i) => i.cardId)).not.toContain(hidden.id);
      });

      it("never names it in a person's own activity once they lost sight of it", async () => {
        const shared = await f.space(ana, workspace.id, { name: "Shared for now" });
        const theirs = await f.card(ana, shared.id, { name: "Card Omega Soon Hidden" });
        const mine = await f.card(bo, ward.id, { name: "Bo's card" });
        expect(
          (await bo.post(`/api/cards/${mine.id}/relations`, { type: "child", cardId: theirs.id })).statusCode,
        ).toBe(201);
        expect(await texts(bo, "/api/me/activity")).toContain(
          "Bo made 'Bo's card' the parent of 'Card Omega Soon Hidden'",
        );
        expect((await ana.patch(`/api/spaces/${shared.id}`, { isPrivate: true })).statusCode).toBe(200);
        const lines = await texts(bo, "/api/me/activity");
        expect(lines.filter((t) => t.includes("Omega"))).toEqual([]);
        expect(lines).toContain("Bo made 'Bo's card' the parent of a card you cannot see");
      });
    });

    describe("deleted comments", () => {
      it("serves a deleted comment's text to no one: replay, retry, search, notifications", async () => {
        const card = await f.card(bo, ward.id, { name: "Comment target" });
        const before = boardFromReply((await bo.get(`/api/spaces/${ward.id}/board`)).json()).seq;
        const created = await bo.request(
          "POST",
          `/api/cards/${card.id}/comments`,
          { body: "Launch code alpha quokka" },
          { "idempotency-key": "leaky-comment-1" },
        );
        expect(created.statusCode).toBe(201);
        const comment = created.json<Comment>();
        const edited = await bo.patch(`/api/comments/${comment.id}`, {
          body: `Launch code beta quokka for @[Ana](${ana.user.id})`,
        });
        expect(edited.statusCode).toBe(200);
        expect((await bo.delete(`/api/comments/${comment.id}`)).statusCode).toBe(204);
        const end = boardFromReply((await bo.get(`/api/spaces/${ward.id}/board`)).json()).seq;

        for (const client of [bo, ana, vic]) {
          const socket = await open(client);
          expect((await socket.subscribe(spaceChannel(ward.id), 0)).type).toBe("subscribed");
          const events = await received(socket, spaceChannel(ward.id), 0, end);
          expectGapless(events, 0, end);
          const aboutIt = events.filter((e) => e.seq > before);
          expect(aboutIt.map((e) => e.event.type)).toEqual([
            "comment.created",
            "comment.updated",
            "comment.deleted",
          ]);
          expect(mentions(events, "quokka", "Launch code")).toEqual([]);
        }
        const retried = await bo.request(
          "POST",
          `/api/cards/${card.id}/comments`,
          { body: "Launch code alpha quokka" },
          { "idempotency-key": "leaky-comment-1" },
        );
        expect(retried.headers["idempotent-replay"]).toBe("true");
        expect(retried.body).not.toContain("quokka");
        expect((await bo.get("/api/search?q=quokka")).body).not.toContain("quokka");
        const notifications = await ana.get("/api/notifications");
        expect(notifications.statusCode).toBe(200);
        expect(notifications.body).toContain(comment.id);
        expect(notifications.body).not.toContain("quokka");
        const activity = await bo.get(`/api/cards/${card.id}/activity`);
        expect(activity.body).not.toContain("quokka");
      });

      it("scrubs the comments of a deleted card as well", async () => {
        const card = await f.card(bo, ward.id, { name: "Card to delete" });
        expect(
          (await vic.post(`/api/cards/${card.id}/comments`, { body: "Ward secret omega wombat" })).statusCode,
        ).toBe(201);
        expect((await bo.delete(`/api/cards/${card.id}`)).statusCode).toBe(204);
        const end = boardFromReply((await bo.get(`/api/spaces/${ward.id}/board`)).json()).seq;
        const socket = await open(ana);
        expect((await socket.subscribe(spaceChannel(ward.id), 0)).type).toBe("subscribed");
        const events = await received(socket, spaceChannel(ward.id), 0, end);
        expect(events.some((e) => e.event.type === "comment.created")).toBe(true);
        expect(mentions(events, "wombat")).toEqual([]);
      });
    });

    it("keeps a person's own channel to themselves", async () => {
      const socket = await open(bo);
      expect(await socket.subscribe(userChannel(ana.user.id), 0)).toMatchObject({
        type: "error",
        code: "not_found",
      });
    });
  });
};

leaksSuite(testDriver());

/**
 * Documents on cards: upload (one and several), exact bytes back, sniffing, limits, names, an upload
 * cut off mid-body, who may do what, rename, cover, delete, cascades, live events, activity, search.
 */
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { ActivityPage, Attachment, Card, Space } from "@lattice/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../plugins/auth.js";
import { CLIENT_HEADER } from "../plugins/origin.js";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { type FilePart, multipartBody } from "../test/multipart.js";
import { TestSocket } from "../test/ws-client.js";

const maxUploadBytes = 1024 * 1024;

/** The smallest valid PNG: one transparent pixel. */
const png = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082",
  "hex",
);
const sha256 = (data: Buffer | string): string => createHash("sha256").update(data).digest("hex");

const attachmentsSuite = (driver: TestDriver): void => {
  describe(`attachments (${driver})`, () => {
    let h: Harness;
    let owner: Client;
    let member: Client;
    let visitor: Client;
    let outsider: Client;
    let space: Space;

    const rowCounts = async () => {
      const db = h.db.handle.db;
      const [a] = await db.select({ n: count() }).from(tables.attachments);
      const [c] = await db.select({ n: count() }).from(tables.attachmentChunks);
      return { attachments: a?.n ?? -1, chunks: c?.n ?? -1 };
    };

    const upload = (client: Client, cardId: string, files: FilePart[]) => {
      const { payload, headers } = multipartBody(files);
      return client.request("POST", `/api/cards/${cardId}/attachments`, payload, headers);
    };

    const uploadOne = async (client: Client, cardId: string, file: FilePart): Promise<Attachment> => {
      const res = await upload(client, cardId, [file]);
      expect(res.statusCode, res.body).toBe(201);
      const [attachment] = res.json<Attachment[]>();
      if (!attachment) throw new Error("no attachment in the reply");
      return attachment;
    };

    let listening: string | null = null;
    /** The app on a real port, for what needs a socket: a live WebSocket, a request cut off mid-body. */
    const baseUrl = async (): Promise<string> => {
      listening ??= await h.app.listen({ port: 0, host: "127.0.0.1" });
      return listening;
    };

    const freshCard = (name = "Night rota") => factories(h.app).card(owner, space.id, { name });

    beforeAll(async () => {
      h = await startHarness(driver, undefined, { maxUploadBytes });
      const f = factories(h.app);
      owner = await f.user("Ana");
      member = await f.user("Ben");
      visitor = await f.user("Vera");
      outsider = await f.user("Otto");
      const workspace = await f.workspace(owner, { name: "Ward 3" });
      await f.member(owner, workspace.id, member, "member");
      await f.member(owner, workspace.id, visitor, "visitor");
      space = await f.space(owner, workspace.id, { name: "Rotas" });
    });
    afterAll(async () => h?.close());

    it("stores one file and serves back exactly its bytes, named and sandboxed", async () => {
      const card = await freshCard();
      const data = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(1000)]);
      const attachment = await uploadOne(owner, card.id, { filename: "rota März.pdf", data });
      expect(attachment).toMatchObject({
        name: "rota März.pdf",
        contentType: "application/pdf",
        size: data.length,
        uploaderId: owner.user.id,
        cardId: card.id,
        isCover: false,
      });
      const listed = (await owner.get(`/api/cards/${card.id}/attachments`)).json<Attachment[]>();
      expect(listed.map((a) => a.id)).toEqual([attachment.id]);

      const res = await owner.get(`/api/attachments/${attachment.id}`);
      expect(res.statusCode).toBe(200);
      expect(sha256(res.rawPayload)).toBe(sha256(data));
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-length"]).toBe(String(data.length));
      expect(res.headers["content-disposition"]).toBe(
        `inline; filename="rota M_rz.pdf"; filename*=UTF-8''rota%20M%C3%A4rz.pdf`,
      );
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");

      const forced = await owner.get(`/api/attachments/${attachment.id}?download=1`);
      expect(forced.headers["content-disposition"]).toMatch(/^attachment;/);
    });

    it("stores several files of one request, one spanning many chunks, each byte for byte", async () => {
      const card = await freshCard();
      const files: FilePart[] = [
        { filename: "big.bin", data: randomBytes(700 * 1024 + 13) },
        { filename: "pixel.png", data: png },
        { filename: "notes.txt", data: "Bring the keys" },
      ];
      const res = await upload(member, card.id, files);
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json<Attachment[]>();
      expect(created.map((a) => a.name)).toEqual(["big.bin", "pixel.png", "notes.txt"]);
      for (const [i, attachment] of created.entries()) {
        const body = (await member.get(`/api/attachments/${attachment.id}`)).rawPayload;
        expect(sha256(body)).toBe(sha256(files[i]?.data ?? ""));
      }
      const big = created[0] as Attachment;
      const [chunks] = await h.db.handle.db
        .select({ n: count() })
        .from(tables.attachmentChunks)
        .where(eq(tables.attachmentChunks.attachmentId, big.id));
      expect(chunks?.n).toBe(Math.ceil(big.size / (256 * 1024)));
      const board = boardFromReply((await member.get(`/api/spaces/${space.id}/board`)).json());
      expect(board.cards.find((c) => c.id === card.id)?.attachmentCount).toBe(3);
    });

    it("takes the type from the bytes: a .png that is HTML is never served as HTML or inline", async () => {
      const card = await freshCard();
      const html = "<html><body><script>alert(document.cookie)</script></body></html>";
      const fake = await uploadOne(owner, card.id, {
        filename: "photo.png",
        data: html,
        contentType: "image/png",
      });
      expect(fake.contentType).toBe("application/octet-stream");
      const res = await owner.get(`/api/attachments/${fake.id}`);
      expect(res.headers["content-type"]).toBe("application/octet-stream");
      expect(res.headers["content-disposition"]).toMatch(/^attachment;/);
      expect(res.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");

      const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>';
      const drawing = await uploadOne(owner, card.id, {
        filename: "logo.svg",
        data: svg,
        contentType: "image/svg+xml",
      });
      const served = await owner.get(`/api/attachments/${drawing.id}`);
      expect(served.headers["content-type"]).not.toMatch(/svg|html/);
      expect(served.headers["content-disposition"]).toMatch(/^attachment;/);

      const real = await uploadOne(owner, card.id, {
        filename: "scan.txt",
        data: png,
        contentType: "text/plain",
      });
      expect(real.contentType).toBe("image/png");
      expect((await owner.get(`/api/attachments/${real.id}`)).headers["content-disposition"]).toMatch(
        /^inline;/,
      );
    });

    it("refuses a file over MAX_UPLOAD_MB with 413 and keeps nothing of the request", async () => {
      const card = await freshCard();
      const before = await rowCounts();
      const res = await upload(owner, card.id, [
        { filename: "small.txt", data: "fits" },
        { filename: "huge.bin", data: randomBytes(maxUploadBytes + 1) },
      ]);
      expect(res.statusCode, res.body).toBe(413);
      expect(res.headers["content-type"]).toMatch(/problem\+json/);
      expect(await rowCounts()).toEqual(before);
    });

    it("refuses an empty file, a request with no file and a field other than `file`", async () => {
      const card = await freshCard();
      const before = await rowCounts();
      const empty = await upload(owner, card.id, [{ filename: "empty.txt", data: "" }]);
      expect(empty.statusCode).toBe(400);
      expect(empty.json().detail).toMatch(/empty/);
      const none = await upload(owner, card.id, []);
      expect(none.statusCode).toBe(400);
      const otherField = await upload(owner, card.id, [{ filename: "a.txt", data: "x", field: "photo" }]);
      expect(otherField.statusCode).toBe(400);
      const json = await owner.post(`/api/cards/${card.id}/attachments`, { file: "a.txt" });
      expect(json.statusCode).toBe(415);
      expect(json.headers["content-type"]).toMatch(/problem\+json/);
      expect(await rowCounts()).toEqual(before);
    });

    it("refuses names with path separators or control characters, on upload and on rename", async () => {
      const card = await freshCard();
      const before = await rowCounts();
      for (const filename of [
        "../../etc/passwd",
        "a/b.txt",
        "a\\b.txt",
        "tab\there.txt",
        "gpj\u202eexe.txt",
        "..",
      ]) {
        const res = await upload(owner, card.id, [{ filename, data: "x" }]);
        expect(res.statusCode, filename).toBe(400);
        expect(res.json().errors[0].field).toBe("body.file.filename");
      }
      expect(await rowCounts()).toEqual(before);
      const attachment = await uploadOne(owner, card.id, { filename: "ok.txt", data: "x" });
      for (const name of ["x/y.txt", "bell\u0007.txt", "  "]) {
        const res = await owner.patch(`/api/attachments/${attachment.id}`, { name });
        expect(res.statusCode, name).toBe(400);
      }
      expect((await owner.get(`/api/cards/${card.id}/attachments`)).json<Attachment[]>()[0]?.name).toBe(
        "ok.txt",
      );
    });

    it("leaves nothing of an upload whose client goes away mid-body", async () => {
      const card = await freshCard();
      const before = await rowCounts();
      const url = new URL(await baseUrl());
      {
        const boundary = "----cut";
        const head = Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.bin"\r\n` +
            "Content-Type: application/octet-stream\r\n\r\n",
        );
        const request = http.request({
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: `/api/cards/${card.id}/attachments`,
          headers: {
            cookie: `${SESSION_COOKIE}=${owner.session?.cookie}`,
            [CLIENT_HEADER]: "test",
            "content-type": `multipart/form-data; boundary=${boundary}`,
            "content-length": String(head.length + 900 * 1024 + 100),
          },
        });
        request.on("error", () => {});
        request.write(head);
        request.write(randomBytes(600 * 1024));
        // Wait until the server has staged some of it, so the cut lands mid-upload.
        await until(async () => (await rowCounts()).chunks > before.chunks);
        request.destroy();
        await until(async () => {
          const now = await rowCounts();
          return now.attachments === before.attachments && now.chunks === before.chunks;
        });
        expect(await rowCounts()).toEqual(before);
        expect((await owner.get(`/api/cards/${card.id}/attachments`)).json()).toEqual([]);
      }
    });

    it("answers 404 to an outsider on every route, 403 to a visitor's changes, and lets a visitor read", async () => {
      const card = await freshCard();
      const attachment = await uploadOne(owner, card.id, { filename: "plan.txt", data: "secret plan" });
      const before = await rowCounts();
      const asOutsider = [
        await outsider.get(`/api/cards/${card.id}/attachments`),
        await upload(outsider, card.id, [{ filename: "x.txt", data: "x" }]),
        await outsider.get(`/api/attachments/${attachment.id}`),
        await outsider.patch(`/api/attachments/${attachment.id}`, { name: "mine.txt" }),
        await outsider.delete(`/api/attachments/${attachment.id}`),
      ];
      for (const res of asOutsider) {
        expect(res.statusCode, res.body).toBe(404);
        expect(res.body).not.toContain("secret plan");
      }
      const asVisitor = [
        await upload(visitor, card.id, [{ filename: "x.txt", data: "x" }]),
        await visitor.patch(`/api/attachments/${attachment.id}`, { name: "mine.txt" }),
        await visitor.delete(`/api/attachments/${attachment.id}`),
      ];
      for (const res of asVisitor) expect(res.statusCode, res.body).toBe(403);
      expect(await rowCounts()).toEqual(before);
      expect((await visitor.get(`/api/attachments/${attachment.id}`)).body).toBe("secret plan");
      expect((await visitor.get(`/api/cards/${card.id}/attachments`)).json()).toHaveLength(1);
    });

    it("lets the uploader and owners rename and remove a document, not other members", async () => {
      const card = await freshCard();
      const attachment = await uploadOne(owner, card.id, { filename: "draft.txt", data: "v1" });
      expect((await member.patch(`/api/attachments/${attachment.id}`, { name: "x.txt" })).statusCode).toBe(
        403,
      );
      expect((await member.delete(`/api/attachments/${attachment.id}`)).statusCode).toBe(403);

      const renamed = await owner.patch(`/api/attachments/${attachment.id}`, { name: " final.txt " });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json<Attachment>().name).toBe("final.txt");
      const res = await owner.get(`/api/attachments/${attachment.id}`);
      expect(res.headers["content-disposition"]).toContain("filename*=UTF-8''final.txt");

      const own = await uploadOne(member, card.id, { filename: "mine.txt", data: "m" });
      expect((await member.patch(`/api/attachments/${own.id}`, { name: "ours.txt" })).statusCode).toBe(200);
      expect((await member.delete(`/api/attachments/${own.id}`)).statusCode).toBe(204);

      expect((await owner.delete(`/api/attachments/${attachment.id}`)).statusCode).toBe(204);
      expect((await owner.get(`/api/attachments/${attachment.id}`)).statusCode).toBe(404);
      const [chunks] = await h.db.handle.db
        .select({ n: count() })
        .from(tables.attachmentChunks)
        .where(eq(tables.attachmentChunks.attachmentId, attachment.id));
      expect(chunks?.n).toBe(0);
      const board = boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json());
      expect(board.cards.find((c) => c.id === card.id)?.attachmentCount).toBe(0);
    });

    it("makes an image the card's cover, one at a time, and refuses a cover that is not an image", async () => {
      const card = await freshCard();
      const first = await uploadOne(owner, card.id, { filename: "a.png", data: png });
      const second = await uploadOne(member, card.id, { filename: "b.png", data: png });
      const text = await uploadOne(owner, card.id, { filename: "c.txt", data: "not an image" });
      const coverOf = async () =>
        boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json()).cards.find(
          (c) => c.id === card.id,
        )?.coverAttachmentId;
      expect((await member.patch(`/api/attachments/${first.id}`, { isCover: true })).statusCode).toBe(200);
      expect(await coverOf()).toBe(first.id);
      expect((await owner.patch(`/api/attachments/${second.id}`, { isCover: true })).statusCode).toBe(200);
      expect(await coverOf()).toBe(second.id);
      expect((await owner.patch(`/api/attachments/${text.id}`, { isCover: true })).statusCode).toBe(400);
      expect((await owner.patch(`/api/attachments/${second.id}`, { isCover: false })).statusCode).toBe(200);
      expect(await coverOf()).toBeNull();
    });

    it("takes a card's documents and their bytes to the trash with the card, and away for good with its purge", async () => {
      const card = await freshCard();
      const before = await rowCounts();
      await uploadOne(owner, card.id, { filename: "gone.bin", data: randomBytes(300 * 1024) });
      expect((await rowCounts()).chunks).toBe(before.chunks + 2);
      expect((await owner.delete(`/api/cards/${card.id}`)).statusCode).toBe(204);
      expect(await rowCounts()).toEqual(before);
      expect((await owner.delete(`/api/trash/${card.id}`)).statusCode).toBe(204);
      expect((await owner.post(`/api/trash/${card.id}/restore`)).statusCode).toBe(404);
    });

    it("copies a card's documents with their bytes when asked, and only then", async () => {
      const card = await freshCard("Ward protocol");
      const data = randomBytes(300 * 1024);
      const original = await uploadOne(owner, card.id, { filename: "protocol.bin", data });
      const cover = await uploadOne(owner, card.id, { filename: "ward.png", data: png });
      expect((await owner.patch(`/api/attachments/${cover.id}`, { isCover: true })).statusCode).toBe(200);

      const bare = (await owner.post(`/api/cards/${card.id}/copy`, {})).json<Card>();
      expect(bare).toMatchObject({ attachmentCount: 0, coverAttachmentId: null });
      expect((await owner.get(`/api/cards/${bare.id}/attachments`)).json()).toEqual([]);

      const res = await owner.post(`/api/cards/${card.id}/copy`, { include: { documents: true } });
      expect(res.statusCode, res.body).toBe(201);
      const copy = res.json<Card>();
      const copied = (await owner.get(`/api/cards/${copy.id}/attachments`)).json<Attachment[]>();
      expect(copied.map((a) => a.name)).toEqual(["protocol.bin", "ward.png"]);
      expect(copied.every((a) => a.cardId === copy.id && a.id !== original.id && a.id !== cover.id)).toBe(
        true,
      );
      const board = boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json());
      const copyOnBoard = board.cards.find((c) => c.id === copy.id);
      expect(copyOnBoard?.attachmentCount).toBe(2);
      expect(copyOnBoard?.coverAttachmentId).toBe(copied[1]?.id);

      // The copy's bytes are its own: removing the original's leaves them whole.
      expect((await owner.delete(`/api/attachments/${original.id}`)).statusCode).toBe(204);
      const body = (await owner.get(`/api/attachments/${copied[0]?.id}`)).rawPayload;
      expect(sha256(body)).toBe(sha256(data));
    });

    it("tells a second person's socket at once, with the card's new count", async () => {
      const card = await freshCard();
      {
        const socket = await TestSocket.open(await baseUrl(), member.session?.cookie ?? null);
        expect((await socket.subscribe(`space:${space.id}`)).type).toBe("subscribed");
        const attachment = await uploadOne(owner, card.id, { filename: "handover.pdf", data: "%PDF-1.4\n" });
        const created = await socket.next(
          (f) => f.type === "event" && f.event.type === "attachment.created",
          5000,
          "attachment.created",
        );
        expect(created).toMatchObject({ event: { payload: { attachment: { id: attachment.id } } } });
        const updated = await socket.next(
          (f) => f.type === "event" && f.event.type === "card.updated",
          5000,
          "card.updated",
        );
        expect(updated).toMatchObject({ event: { payload: { card: { id: card.id, attachmentCount: 1 } } } });
        socket.ws.close();
      }
    });

    it("reads as activity: attached, renamed, removed", async () => {
      const card = await freshCard("Handover");
      const attachment = await uploadOne(owner, card.id, { filename: "rota.pdf", data: "%PDF-1.4\n" });
      await owner.patch(`/api/attachments/${attachment.id}`, { name: "rota-june.pdf" });
      await owner.delete(`/api/attachments/${attachment.id}`);
      const page = (await owner.get(`/api/cards/${card.id}/activity`)).json<ActivityPage>();
      const texts = page.items.map((i) => i.text);
      expect(texts).toContain("Ana attached 'rota.pdf' to 'Handover'");
      expect(texts).toContain("Ana renamed the document 'rota.pdf' to 'rota-june.pdf' on 'Handover'");
      expect(texts).toContain("Ana removed 'rota-june.pdf' from 'Handover'");
    });

    it("finds a card by the name of a document on it, only for those who can read it", async () => {
      const card = await freshCard("Supplies");
      await uploadOne(owner, card.id, { filename: "defibrillator-checklist.pdf", data: "%PDF-1.4\n" });
      type Hits = { items: Array<{ cardId: string; matchedIn: string }> };
      const hits = (await member.get("/api/search?q=defibrillator")).json<Hits>().items;
      expect(hits).toContainEqual(expect.objectContaining({ cardId: card.id, matchedIn: "attachment" }));
      const prefix = (await member.get("/api/search?q=checkl")).json<Hits>().items;
      expect(prefix.map((hit) => hit.cardId)).toContain(card.id);
      expect((await outsider.get("/api/search?q=defibrillator")).json<Hits>().items).toEqual([]);
    });
  });
};

/** Polls the database state (not the clock) until `condition` holds; fails after a generous bound. */
const until = async (condition: () => Promise<boolean>, attempts = 20_000): Promise<void> => {
  for (let i = 0; i < attempts; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error("condition never held");
};

attachmentsSuite(testDriver());

/**
 * Documents in an S3-compatible object store (S3_BUCKET), against a real S3 server (s3rver) started
 * by the test: exact bytes through a multipart upload, nothing in the database's chunks, nothing left
 * of a refused upload, the objects of deleted documents and cards swept, copies sharing an object,
 * a trashed card's objects kept for its restore and deleted with its purge, and a store that cannot
 * be reached failing the start.
 */
import { createHash, randomBytes } from "node:crypto";
import { tables } from "@lattice/db";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { Attachment, Card, Space } from "@lattice/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ObjectStore } from "../files/object-keys.js";
import { openObjectStore } from "../files/object-store.js";
import { sweepObjectDeletions } from "../files/object-sweeper.js";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { type FilePart, multipartBody } from "../test/multipart.js";
import { startObjectStore, type TestObjectStore } from "../test/object-store-server.js";

const sha256 = (data: Buffer | string): string => createHash("sha256").update(data).digest("hex");
const maxUploadBytes = 12 * 1024 * 1024;

const objectStoreSuite = (driver: TestDriver): void => {
  describe(`documents in an object store (${driver})`, () => {
    let s3: TestObjectStore;
    let store: ObjectStore;
    let h: Harness;
    let owner: Client;
    let outsider: Client;
    let space: Space;

    const upload = (client: Client, cardId: string, files: FilePart[]) => {
      const { payload, headers } = multipartBody(files);
      return client.request("POST", `/api/cards/${cardId}/attachments`, payload, headers);
    };
    const uploadOne = async (cardId: string, file: FilePart): Promise<Attachment> => {
      const res = await upload(owner, cardId, [file]);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Attachment[]>()[0] as Attachment;
    };
    const chunkRows = async (): Promise<number> => {
      const [row] = await h.db.handle.db.select({ n: count() }).from(tables.attachmentChunks);
      return row?.n ?? -1;
    };
    const objectKeyOf = async (attachmentId: string): Promise<string | null> => {
      const [row] = await h.db.handle.db
        .select({ key: tables.attachments.objectKey })
        .from(tables.attachments)
        .where(eq(tables.attachments.id, attachmentId));
      return row?.key ?? null;
    };
    /** What the instance's sweeper does every minute, done now. */
    const sweep = () => sweepObjectDeletions(h.db.handle.db, store);
    const freshCard = (name: string) => factories(h.app).card(owner, space.id, { name });

    beforeAll(async () => {
      s3 = await startObjectStore();
      store = openObjectStore(s3.config);
      h = await startHarness(driver, undefined, { maxUploadBytes, objectStore: s3.config });
      const f = factories(h.app);
      owner = await f.user("Ana");
      outsider = await f.user("Otto");
      const workspace = await f.workspace(owner, { name: "Ward 3" });
      space = await f.space(owner, workspace.id, { name: "Rotas" });
    });
    afterAll(async () => {
      await h?.close();
      store?.close();
      await s3?.close();
    });

    it("stores each file as one object, byte for byte, in parts, with nothing in the database's chunks", async () => {
      const card = await freshCard("Survey results");
      // Over 5 MiB: the upload goes in two parts of a multipart upload.
      const big = randomBytes(6 * 1024 * 1024 + 17);
      const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(2000)]);
      const res = await upload(owner, card.id, [
        { filename: "survey.bin", data: big },
        { filename: "summary.pdf", data: pdf },
      ]);
      expect(res.statusCode, res.body).toBe(201);
      const [bigDoc, pdfDoc] = res.json<Attachment[]>() as [Attachment, Attachment];
      expect(bigDoc.size).toBe(big.length);
      expect(pdfDoc.contentType).toBe("application/pdf");
      expect(await chunkRows()).toBe(0);

      const keys = [await objectKeyOf(bigDoc.id), await objectKeyOf(pdfDoc.id)];
      expect(keys).toEqual([
        `attachments/${space.workspaceId}/${bigDoc.id}`,
        `attachments/${space.workspaceId}/${pdfDoc.id}`,
      ]);
      expect(await s3.keys()).toEqual(expect.arrayContaining(keys));

      const down = await owner.get(`/api/attachments/${bigDoc.id}`);
      expect(down.statusCode).toBe(200);
      expect(down.headers["content-length"]).toBe(String(big.length));
      expect(sha256(down.rawPayload)).toBe(sha256(big));
      const inline = await owner.get(`/api/attachments/${pdfDoc.id}`);
      expect(inline.headers["content-type"]).toBe("application/pdf");
      expect(inline.headers["content-disposition"]).toMatch(/^inline;/);
      expect(sha256(inline.rawPayload)).toBe(sha256(pdf));

      // Security: the store changes nothing about who may read.
      expect((await outsider.get(`/api/attachments/${bigDoc.id}`)).statusCode).toBe(404);
    });

    it("keeps nothing of a refused upload: no row, and after the sweep no object", async () => {
      const card = await freshCard("Too big");
      const before = await s3.keys();
      const res = await upload(owner, card.id, [
        { filename: "fine.txt", data: "kept only if all is kept" },
        { filename: "huge.bin", data: randomBytes(maxUploadBytes + 1) },
      ]);
      expect(res.statusCode).toBe(413);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      const [rows] = await h.db.handle.db
        .select({ n: count() })
        .from(tables.attachments)
        .where(eq(tables.attachments.cardId, card.id));
      expect(rows?.n).toBe(0);
      await sweep();
      expect(await s3.keys()).toEqual(before);
      const [queued] = await h.db.handle.db.select({ n: count() }).from(tables.objectDeletions);
      expect(queued?.n).toBe(0);
    });

    it("deletes the object of a removed document, and of every document of a card that goes", async () => {
      const card = await freshCard("Letters");
      const one = await uploadOne(card.id, { filename: "one.txt", data: "first letter" });
      const two = await uploadOne(card.id, { filename: "two.txt", data: "second letter" });
      const [keyOne, keyTwo] = [await objectKeyOf(one.id), await objectKeyOf(two.id)];

      expect((await owner.delete(`/api/attachments/${one.id}`)).statusCode).toBe(204);
      expect(await sweep()).toBe(1);
      expect(await s3.keys()).not.toContain(keyOne);
      expect(await s3.keys()).toContain(keyTwo);

      // The card going (as purging it does) cascades to its rows; the trigger queues their objects.
      await h.db.handle.db.delete(tables.cards).where(eq(tables.cards.id, card.id));
      expect(await sweep()).toBe(1);
      expect(await s3.keys()).not.toContain(keyTwo);
    });

    it("keeps a trashed card's objects for its restore, and deletes them when it is purged", async () => {
      const card = await freshCard("Rota archive");
      const data = randomBytes(30_000);
      const doc = await uploadOne(card.id, { filename: "rota.bin", data });
      const key = await objectKeyOf(doc.id);

      expect((await owner.delete(`/api/cards/${card.id}`)).statusCode).toBe(204);
      expect(await sweep()).toBe(0);
      expect(await s3.keys()).toContain(key);
      const restored = await owner.post(`/api/trash/${card.id}/restore`, {});
      expect(restored.statusCode, restored.body).toBe(200);
      expect(await sweep()).toBe(0);
      expect(sha256((await owner.get(`/api/attachments/${doc.id}`)).rawPayload)).toBe(sha256(data));

      expect((await owner.delete(`/api/cards/${card.id}`)).statusCode).toBe(204);
      expect((await owner.delete(`/api/trash/${card.id}`)).statusCode).toBe(204);
      expect(await sweep()).toBe(1);
      expect(await s3.keys()).not.toContain(key);
    });

    it("lets a card's copy share its documents' objects until the last row naming one goes", async () => {
      const card = await freshCard("Protocol");
      const data = randomBytes(40_000);
      const original = await uploadOne(card.id, { filename: "protocol.bin", data });
      const copyRes = await owner.post(`/api/cards/${card.id}/copy`, { include: { documents: true } });
      expect(copyRes.statusCode, copyRes.body).toBe(201);
      const copy = copyRes.json<Card>();
      const [copied] = (await owner.get(`/api/cards/${copy.id}/attachments`)).json<Attachment[]>();
      if (!copied) throw new Error("the copy has no document");
      expect(copied.id).not.toBe(original.id);
      const key = await objectKeyOf(original.id);
      expect(await objectKeyOf(copied.id)).toBe(key);

      expect((await owner.delete(`/api/attachments/${original.id}`)).statusCode).toBe(204);
      expect(await sweep()).toBe(0);
      expect(await s3.keys()).toContain(key);
      expect(sha256((await owner.get(`/api/attachments/${copied.id}`)).rawPayload)).toBe(sha256(data));

      expect((await owner.delete(`/api/attachments/${copied.id}`)).statusCode).toBe(204);
      expect(await sweep()).toBe(1);
      expect(await s3.keys()).not.toContain(key);
    });

    it("refuses to start when the bucket cannot be reached, naming the setting", async () => {
      const unreachable = {
        ...s3.config,
        endpoint: "http://127.0.0.1:9",
      };
      await expect(startHarness(driver, undefined, { objectStore: unreachable })).rejects.toThrow(
        /S3_BUCKET: cannot reach bucket 'documents' at http:\/\/127\.0\.0\.1:9/,
      );
    });
  });
};

objectStoreSuite(testDriver());

/**
 * Documents on cards: upload (multipart, streamed), list, download (streamed), rename or choose as
 * cover, remove. Multipart parsing is registered here only, so no other route accepts it.
 */
import { Readable } from "node:stream";
import multipart from "@fastify/multipart";
import { attachmentObjectKey, type Executor, readAttachmentChunk, sweepStagedAttachments } from "@lattice/db";
import {
  attachmentSchema,
  DomainError,
  ErrorCode,
  idParams,
  inlineContentTypes,
  updateAttachmentBody,
  uploadAttachmentsBody,
} from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  deleteAttachment,
  discardStaged,
  fileField,
  listCardAttachments,
  publishUploads,
  readableAttachment,
  stageUploads,
  updateAttachment,
  uploadTarget,
} from "../commands/attachments.js";
import type { Config } from "../config.js";
import type { ObjectStore } from "../files/object-keys.js";
import { sweepObjectDeletions } from "../files/object-sweeper.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

/**
 * A staged upload older than this was left by a process that stopped mid-upload (a live one would
 * have finished or failed long before): the sweep removes it. Checked at start and every hour.
 */
const abandonedAfterMs = 6 * 60 * 60 * 1000;
const sweepEveryMs = 60 * 60 * 1000;
/** Objects of deleted documents leave the store within about this long. */
const objectSweepEveryMs = 60 * 1000;

/** Files per request: enough for a folder's worth dropped at once, bounded all the same. */
const maxFilesPerUpload = 20;

/**
 * RFC 6266 with an RFC 5987 `filename*` for the exact name, and a plain ASCII `filename` for old
 * clients (anything outside printable ASCII, and quotes and backslashes, become `_`).
 */
export const contentDisposition = (kind: "inline" | "attachment", name: string): string => {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
};

/** The file's chunks one after another; only one chunk is in memory at a time. */
async function* chunksOf(db: Executor, attachmentId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq += 1) {
    const data = await readAttachmentChunk(db, attachmentId, seq);
    if (!data) return;
    yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
}

const downloadQuery = z.object({
  download: z.enum(["1", "true"]).optional().describe("Always as a download, even an image or PDF"),
});

export const attachmentRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  await app.register(multipart, {
    // A name with a path is refused (400), not silently cut to its last part.
    preservePath: true,
    limits: {
      fileSize: config.maxUploadBytes,
      files: maxFilesPerUpload,
      fields: 0,
      parts: maxFilesPerUpload,
      headerPairs: 100,
    },
  });

  // The AWS SDK is loaded only by an instance that stores documents in an object store.
  let store: ObjectStore | null = null;
  if (config.objectStore) {
    const { openObjectStore } = await import("../files/object-store.js");
    store = openObjectStore(config.objectStore);
  }
  const sweepObjects = async (): Promise<void> => {
    if (!store) return;
    try {
      const removed = await sweepObjectDeletions(app.db.db, store);
      if (removed > 0) app.log.info({ removed }, "deleted the objects of removed documents");
    } catch (error) {
      app.log.warn({ err: error }, "could not delete the objects of removed documents");
    }
  };

  const sweep = async (): Promise<void> => {
    try {
      const removed = await sweepStagedAttachments(app.db.db, new Date(Date.now() - abandonedAfterMs));
      if (removed > 0) app.log.info({ removed }, "removed abandoned uploads");
    } catch (error) {
      app.log.warn({ err: error }, "could not sweep abandoned uploads");
    }
  };
  let sweeper: NodeJS.Timeout | null = null;
  let objectSweeper: NodeJS.Timeout | null = null;
  app.addHook("onReady", async () => {
    // A misconfigured store fails the start, not the first upload.
    await store?.check();
    await sweep();
    sweeper = setInterval(() => void sweep(), sweepEveryMs).unref();
    if (store) {
      await sweepObjects();
      objectSweeper = setInterval(() => void sweepObjects(), objectSweepEveryMs).unref();
    }
  });
  app.addHook("onClose", async () => {
    if (sweeper) clearInterval(sweeper);
    if (objectSweeper) clearInterval(objectSweeper);
    store?.close();
  });

  app.get(
    "/cards/:id/attachments",
    {
      schema: {
        tags: ["attachments"],
        summary: "The card's documents, oldest first.",
        params: idParams,
        response: { 200: z.array(attachmentSchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => listCardAttachments(app.db.db, currentUser(request), request.params.id),
  );

  app.post(
    "/cards/:id/attachments",
    {
      schema: {
        tags: ["attachments"],
        summary: `Attach one or more files (multipart/form-data, each in the field \`file\`) to a card (members and owners). Each file at most MAX_UPLOAD_MB (default 25 MB, 413 above); the type is sniffed from the bytes.`,
        consumes: ["multipart/form-data"],
        params: idParams,
        body: uploadAttachmentsBody,
        response: { 201: z.array(attachmentSchema), ...problemResponses(400, 401, 403, 404, 413, 415) },
      },
      // The body is a stream read by the handler; the schema above documents it for clients.
      validatorCompiler: (route) =>
        route.httpPart === "body"
          ? (data: unknown) => ({ value: data })
          : validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]),
    },
    async (request, reply) => {
      const user = currentUser(request);
      const cardId = request.params.id;
      const target = await uploadTarget(app.db.db, user, cardId);
      if (!request.isMultipart()) {
        throw new DomainError(
          ErrorCode.unsupportedMediaType,
          `Send the files as multipart/form-data, each in the field '${fileField}'`,
          [],
          { key: "refusal.attachment.multipartEach", values: { field: fileField } },
        );
      }
      const uploads = await stageUploads(app.db.db, target, request.parts(), config.maxUploadBytes, store);
      try {
        return await app.mutate(request, reply, (ctx) => publishUploads(ctx, user, cardId, uploads), 201);
      } catch (error) {
        await discardStaged(
          app.db.db,
          uploads.map((u) => u.id),
        );
        throw error;
      } finally {
        // A retried request answered from its first attempt published nothing of this one.
        if (reply.getHeader("idempotent-replay"))
          await discardStaged(
            app.db.db,
            uploads.map((u) => u.id),
          );
      }
    },
  );

  app.get(
    "/attachments/:id",
    {
      schema: {
        tags: ["attachments"],
        summary:
          "The file's exact bytes. Images and PDFs are shown inline unless `download` is set; every other type (HTML, SVG, XML, scripts, unknown) is always a download, sandboxed.",
        params: idParams,
        querystring: downloadQuery,
        response: {
          // A stream, not serialized: the schema only documents it.
          200: z.any().meta({ type: "string", format: "binary" }).describe("The file's bytes"),
          304: z.null().describe("Not modified"),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { attachment } = await readableAttachment(app.db.db, currentUser(request), request.params.id);
      const isInline = inlineContentTypes.has(attachment.contentType) && request.query.download === undefined;
      // The bytes of an attachment never change (a new upload is a new id): its id is its version.
      const etag = `"${attachment.id}"`;
      reply
        .header("etag", etag)
        .header("cache-control", "private, no-cache")
        .header("x-content-type-options", "nosniff")
        // Security: even a document opened directly runs nothing and loads nothing.
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header(
          "content-disposition",
          contentDisposition(isInline ? "inline" : "attachment", attachment.name),
        );
      if (request.headers["if-none-match"] === etag) return reply.code(304).send(null);
      const objectKey = await attachmentObjectKey(app.db.db, attachment.id);
      let bytes: Readable;
      if (objectKey === null) bytes = Readable.from(chunksOf(app.db.db, attachment.id));
      else {
        if (!store) throw new Error("this document is in an object store, but S3_BUCKET is not set");
        const object = await store.get(objectKey);
        if (!object) throw new Error(`the object store has lost the bytes of document ${attachment.id}`);
        bytes = object;
      }
      return reply.type(attachment.contentType).header("content-length", attachment.size).send(bytes);
    },
  );

  app.patch(
    "/attachments/:id",
    {
      schema: {
        tags: ["attachments"],
        summary:
          "Rename a document (who attached it, the card's responsible person, space owners) or make an image the card's cover (`isCover`).",
        params: idParams,
        body: updateAttachmentBody,
        response: { 200: attachmentSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) =>
        updateAttachment(ctx, user, request.params.id, request.body),
      );
    },
  );

  app.delete(
    "/attachments/:id",
    {
      schema: {
        tags: ["attachments"],
        summary:
          "Remove a document and its bytes (who attached it, the card's responsible person, space owners).",
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => deleteAttachment(ctx, user, request.params.id), 204);
    },
  );
};

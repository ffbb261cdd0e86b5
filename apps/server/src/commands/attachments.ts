/**
 * Documents on cards. An upload streams: each part's bytes are cut into chunks and written as they
 * arrive into a staged attachment (see packages/db/src/schema/attachments.ts), so memory holds one
 * chunk whatever the file's size, and PGlite (one transaction at a time for the whole process) is
 * never held by a slow client. Once every part is in, one transaction publishes them all with their
 * events. Any failure (a refused name, a file over the limit, an empty file, a client that goes away
 * mid-body) removes what was staged, so nothing of the upload remains.
 *
 * The type is sniffed from the first bytes (file-type), never taken from the name or the client's
 * Content-Type; bytes it does not recognise are `application/octet-stream`.
 */

import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Multipart, MultipartFile } from "@fastify/multipart";
import {
  attachmentChunkBytes,
  cardAccess,
  type Executor,
  findAttachment,
  listAttachments,
  loadCard,
  type MutationContext,
  publishAttachment,
  removeAttachment,
  stageAttachment,
  updateAttachmentRow,
  writeAttachmentChunk,
} from "@lattice/db";
import {
  type Attachment,
  attachmentNameProblem,
  DomainError,
  draft,
  ErrorCode,
  isPreviewableImage,
  spaceChannel,
  type User,
  type updateAttachmentBody,
} from "@lattice/domain";
import { fileTypeFromBuffer } from "file-type";
import type { z } from "zod";
import { type ObjectStore, objectKeyFor } from "../files/object-keys.js";
import { authorize, invalidField } from "./authorize.js";

export const fileField = "file";

/** The card when the caller may read it (else 404). */
export const listCardAttachments = async (
  db: Executor,
  actor: User,
  cardId: string,
): Promise<Attachment[]> => {
  authorize(await cardAccess(db, actor.id, cardId), "read", "Card");
  return listAttachments(db, cardId);
};

/**
 * Security: an attachment of a card the caller cannot read is answered exactly as one that does
 * not exist (404); so is one still being uploaded.
 */
export const readableAttachment = async (db: Executor, actor: User, attachmentId: string) => {
  const attachment = await findAttachment(db, attachmentId);
  const access = attachment ? await cardAccess(db, actor.id, attachment.cardId) : null;
  if (!attachment || !access)
    throw new DomainError(ErrorCode.notFound, "Attachment not found", [], {
      key: "refusal.notFound.attachment",
    });
  return { attachment, access };
};

const octetStream = "application/octet-stream";

/** What the first bytes say the file is; only types file-type recognises by their magic numbers. */
const sniff = async (firstChunk: Uint8Array): Promise<string> =>
  (await fileTypeFromBuffer(firstChunk))?.mime ?? octetStream;

/** Cuts a byte stream into chunks of exactly `attachmentChunkBytes` (the last may be shorter). */
async function* rechunk(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    pending.push(piece);
    pendingBytes += piece.length;
    while (pendingBytes >= attachmentChunkBytes) {
      const joined = Buffer.concat(pending, pendingBytes);
      yield joined.subarray(0, attachmentChunkBytes);
      const rest = joined.subarray(attachmentChunkBytes);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

const tooLarge = (maxBytes: number): DomainError =>
  new DomainError(
    ErrorCode.payloadTooLarge,
    `A file may be at most ${formatMegabytes(maxBytes)} (MAX_UPLOAD_MB)`,
    [{ field: `body.${fileField}`, message: `is larger than ${formatMegabytes(maxBytes)}` }],
    {
      key: "refusal.attachment.tooLarge",
      values: { megabytes: megabytes(maxBytes) },
      fields: [{ key: "refusal.field.fileTooLarge", values: { megabytes: megabytes(maxBytes) } }],
    },
  );

const megabytes = (bytes: number): number => Number((bytes / 1024 / 1024).toFixed(2));
const formatMegabytes = (bytes: number): string => `${megabytes(bytes)} MB`;

/** Streams one part into a staged attachment; answers its id and size. */
const stagePart = async (
  db: Executor,
  part: MultipartFile,
  target: UploadTarget,
  maxBytes: number,
  staged: string[],
  store: ObjectStore | null,
): Promise<{ id: string; size: number }> => {
  const problem = attachmentNameProblem(part.filename);
  if (problem) throw invalidField(`body.${fileField}.filename`, problem.message, problem.problem);
  if (store) return stagePartInStore(db, part, target, maxBytes, staged, store);
  let id: string | null = null;
  let size = 0;
  let seq = 0;
  for await (const chunk of rechunk(part.file)) {
    if (part.file.truncated) throw tooLarge(maxBytes);
    if (id === null) {
      id = await stageAttachment(db, {
        ...target,
        name: part.filename.trim(),
        contentType: await sniff(chunk),
      });
      staged.push(id);
    }
    await writeAttachmentChunk(db, id, seq, chunk);
    seq += 1;
    size += chunk.length;
  }
  if (part.file.truncated) throw tooLarge(maxBytes);
  if (id === null)
    throw invalidField(`body.${fileField}`, `'${part.filename}' is empty`, {
      key: "refusal.field.fileEmpty",
      values: { name: part.filename },
    });
  return { id, size };
};

/**
 * The same for the object store: the row is staged (naming its object) before the first byte is
 * sent, so a failure at any point (the deleted staged row queues its key) leaves nothing behind.
 */
const stagePartInStore = async (
  db: Executor,
  part: MultipartFile,
  target: UploadTarget,
  maxBytes: number,
  staged: string[],
  store: ObjectStore,
): Promise<{ id: string; size: number }> => {
  const chunks = rechunk(part.file)[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (part.file.truncated) throw tooLarge(maxBytes);
  if (first.done)
    throw invalidField(`body.${fileField}`, `'${part.filename}' is empty`, {
      key: "refusal.field.fileEmpty",
      values: { name: part.filename },
    });
  const id = randomUUID();
  const contentType = await sniff(first.value);
  await stageAttachment(db, {
    ...target,
    id,
    objectKey: objectKeyFor(target.workspaceId, id),
    name: part.filename.trim(),
    contentType,
  });
  staged.push(id);
  let size = 0;
  let refusal: DomainError | null = null;
  async function* bytes(): AsyncGenerator<Buffer> {
    size += first.value.length;
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      if (part.file.truncated) break;
      size += next.value.length;
      yield next.value;
    }
    if (part.file.truncated) {
      refusal = tooLarge(maxBytes);
      throw refusal;
    }
  }
  try {
    await store.put(objectKeyFor(target.workspaceId, id), Readable.from(bytes()), contentType);
  } catch (error) {
    throw refusal ?? error;
  }
  return { id, size };
};

export interface UploadTarget {
  workspaceId: string;
  spaceId: string;
  cardId: string;
  uploaderId: string;
}

/**
 * Where an upload goes, when the caller may change the card (else 404 or 403).
 * Security: called before a byte of the body is read.
 */
export const uploadTarget = async (db: Executor, actor: User, cardId: string): Promise<UploadTarget> => {
  const { card } = authorize(await cardAccess(db, actor.id, cardId), "write_cards", "Card");
  return { workspaceId: card.workspaceId, spaceId: card.spaceId, cardId, uploaderId: actor.id };
};

/** Reads every part of the request and stages each file. Answers the staged uploads in order. */
export const stageUploads = async (
  db: Executor,
  target: UploadTarget,
  parts: AsyncIterableIterator<Multipart>,
  maxBytes: number,
  store: ObjectStore | null,
): Promise<Array<{ id: string; size: number }>> => {
  const staged: string[] = [];
  const uploads: Array<{ id: string; size: number }> = [];
  try {
    for await (const part of parts) {
      if (part.type !== "file" || part.fieldname !== fileField) {
        throw invalidField(`body.${part.fieldname}`, `is not a known field (send files as '${fileField}')`, {
          key: "refusal.field.unknownPart",
          values: { field: fileField },
        });
      }
      uploads.push(await stagePart(db, part, target, maxBytes, staged, store));
    }
    if (uploads.length === 0)
      throw invalidField(`body.${fileField}`, "is required (one or more files)", {
        key: "refusal.field.filesRequired",
      });
    return uploads;
  } catch (error) {
    await discardStaged(db, staged);
    throw translateMultipartError(error, maxBytes);
  }
};

export const discardStaged = async (db: Executor, ids: readonly string[]): Promise<void> => {
  for (const id of ids) await removeAttachment(db, id);
};

const badMultipart = (): DomainError =>
  new DomainError(
    ErrorCode.validationFailed,
    "The multipart body is not valid",
    [{ field: "body", message: "is not a valid multipart body" }],
    { key: "refusal.attachment.badMultipart", fields: [{ key: "refusal.field.badMultipart" }] },
  );

/** @fastify/multipart's own errors as the API's problem codes. */
const translateMultipartError = (error: unknown, maxBytes: number): unknown => {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE") return tooLarge(maxBytes);
  if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE")
    return new DomainError(
      ErrorCode.unsupportedMediaType,
      `Send the files as multipart/form-data in '${fileField}'`,
      [],
      { key: "refusal.attachment.multipartOnly", values: { field: fileField } },
    );
  if (typeof code === "string" && code.startsWith("FST_")) return badMultipart();
  // Busboy's complaints about a malformed body ("Unexpected end of form", "Malformed part header").
  if (error instanceof Error && /form|part|boundary|multipart/i.test(error.message)) return badMultipart();
  return error;
};

/** The card as the board shows it now, announced beside an attachment change. */
const announceCard = async (ctx: MutationContext, cardId: string): Promise<void> => {
  const card = await loadCard(ctx.tx, cardId);
  if (card) ctx.emit(draft(spaceChannel(card.spaceId), "card.updated", { card }));
};

/** Publishes staged uploads: they become the card's documents, with their events, in this transaction. */
export const publishUploads = async (
  ctx: MutationContext,
  actor: User,
  cardId: string,
  uploads: ReadonlyArray<{ id: string; size: number }>,
): Promise<Attachment[]> => {
  // The upload may have been long: the caller may have lost the right, or the card may be gone.
  authorize(await cardAccess(ctx.tx, actor.id, cardId), "write_cards", "Card");
  const published: Attachment[] = [];
  for (const upload of uploads) {
    const attachment = await publishAttachment(ctx.tx, upload.id, upload.size);
    if (!attachment)
      throw new DomainError(ErrorCode.notFound, "Card not found", [], { key: "refusal.notFound.card" });
    ctx.emit(draft(spaceChannel(attachment.spaceId), "attachment.created", { attachment }));
    published.push(attachment);
  }
  await announceCard(ctx, cardId);
  return published;
};

/**
 * Security: renaming or removing someone else's document is for the card's owners: a space owner
 * or the card's responsible person; anyone who may change the card may choose its cover.
 */
const mayManage = (
  attachment: Attachment,
  access: { role: string; card: { responsibleId: string | null } },
  actor: User,
): boolean =>
  access.role === "owner" || attachment.uploaderId === actor.id || access.card.responsibleId === actor.id;

const managedAttachment = async (
  db: Executor,
  actor: User,
  attachmentId: string,
  needsOwnership: boolean,
) => {
  const { attachment, access } = await readableAttachment(db, actor, attachmentId);
  authorize(access, "write_cards", "Attachment");
  if (needsOwnership && !mayManage(attachment, access, actor)) {
    throw new DomainError(
      ErrorCode.forbidden,
      "Only the person who attached it, the card's responsible person or a space owner can rename or remove a document",
      [],
      { key: "refusal.attachment.forbidden" },
    );
  }
  return attachment;
};

export const updateAttachment = async (
  ctx: MutationContext,
  actor: User,
  attachmentId: string,
  input: z.infer<typeof updateAttachmentBody>,
): Promise<Attachment> => {
  const before = await managedAttachment(ctx.tx, actor, attachmentId, input.name !== undefined);
  if (input.isCover === true && !isPreviewableImage(before.contentType)) {
    throw invalidField("body.isCover", "is only for images (PNG, JPEG, GIF, WebP or AVIF)", {
      key: "refusal.field.coverImagesOnly",
    });
  }
  const patch = {
    ...(input.name !== undefined && input.name !== before.name ? { name: input.name } : {}),
    ...(input.isCover !== undefined && input.isCover !== before.isCover ? { isCover: input.isCover } : {}),
  };
  if (Object.keys(patch).length === 0) return before;
  const attachment = await updateAttachmentRow(ctx.tx, attachmentId, patch);
  ctx.emit(
    draft(spaceChannel(attachment.spaceId), "attachment.updated", { attachment, previousName: before.name }),
  );
  if (patch.isCover !== undefined) await announceCard(ctx, attachment.cardId);
  return attachment;
};

export const deleteAttachment = async (
  ctx: MutationContext,
  actor: User,
  attachmentId: string,
): Promise<void> => {
  const attachment = await managedAttachment(ctx.tx, actor, attachmentId, true);
  await removeAttachment(ctx.tx, attachmentId);
  ctx.emit(
    draft(spaceChannel(attachment.spaceId), "attachment.deleted", {
      attachmentId,
      cardId: attachment.cardId,
      workspaceId: attachment.workspaceId,
      name: attachment.name,
    }),
  );
  await announceCard(ctx, attachment.cardId);
};

/**
 * Documents attached to cards. The bytes live in the database (see docs/FILES.md); these are the
 * shapes of their metadata, the rules for a file's name, and which types a browser may show inline.
 */
import { z } from "zod";
import type { RefusalMessage } from "./errors.js";
import { id, isoTime } from "./schemas.js";

export const attachmentSchema = z.object({
  id,
  workspaceId: id,
  spaceId: id,
  cardId: id,
  name: z.string(),
  /** Sniffed from the bytes when the upload arrived, never taken from the name or the client. */
  contentType: z.string(),
  size: z.number().int(),
  uploaderId: id.nullable(),
  /** Shown small on the card's front; at most one per card. */
  isCover: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const maxAttachmentNameLength = 255;

/**
 * Why a file name is refused, or null when it is fine. Names are shown and offered as download
 * names, so a path separator, a control character (including NUL and the bidi overrides that can
 * disguise an extension) or a name that is only dots is refused rather than silently cleaned: the
 * person sees exactly the name that is stored.
 */
export const attachmentNameProblem = (name: string): { message: string; problem: RefusalMessage } | null => {
  if (name.trim() === "")
    return { message: "must not be empty", problem: { key: "refusal.field.nameEmpty" } };
  if (name.length > maxAttachmentNameLength)
    return {
      message: `must be at most ${maxAttachmentNameLength} characters`,
      problem: { key: "refusal.field.nameTooLong", values: { max: maxAttachmentNameLength } },
    };
  if (/[/\\]/.test(name))
    return { message: "must not contain / or \\", problem: { key: "refusal.field.nameSlash" } };
  // Control characters, bidi overrides and isolates, and lone surrogates.
  if (/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(name) || /\p{Cs}/u.test(name))
    return { message: "must not contain control characters", problem: { key: "refusal.field.nameControl" } };
  if (/^\.+$/.test(name.trim()))
    return { message: "must not be only dots", problem: { key: "refusal.field.nameDots" } };
  return null;
};

export const attachmentName = z
  .string()
  .superRefine((name, ctx) => {
    const problem = attachmentNameProblem(name);
    if (problem)
      ctx.addIssue({ code: "custom", message: problem.message, params: { refusal: problem.problem } });
  })
  .transform((name) => name.trim());

export const updateAttachmentBody = z
  .object({
    name: attachmentName.optional(),
    /** True makes this image the card's cover (replacing any other); false removes it. */
    isCover: z.boolean().optional(),
  })
  .strict();

/**
 * The multipart body of an upload, as the OpenAPI document describes it: one or more parts named
 * `file`. The server reads the parts as a stream; this schema is for the document and clients.
 */
export const uploadAttachmentsBody = z.object({
  file: z.array(z.string().describe("binary")).min(1).meta({ description: "One or more files" }),
});

/**
 * Types a browser may render inline from our origin: images and PDFs it draws itself. Everything
 * else (HTML, SVG, XML, scripts, unknown bytes) is only ever a download.
 */
export const inlineContentTypes: ReadonlySet<string> = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "application/pdf",
]);

export const isPreviewableImage = (contentType: string): boolean =>
  contentType !== "application/pdf" && inlineContentTypes.has(contentType);

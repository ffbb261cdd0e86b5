/**
 * Documents on cards. Uploads go as multipart/form-data (the browser streams the files; the server
 * stores them as they arrive); everything else is JSON through the shared client.
 */
import { type Attachment, attachmentSchema } from "@lattice/domain";
import { translate } from "../lib/i18n/i18n";
import { ApiError, newMutationId, parseProblem, type ReplySchema, request, requestEmpty } from "./client";

const attachmentList: ReplySchema<Attachment[]> = {
  safeParse(data) {
    if (!Array.isArray(data)) return { success: false };
    const out: Attachment[] = [];
    for (const value of data) {
      const parsed = attachmentSchema.safeParse(value);
      if (!parsed.success) return { success: false };
      out.push(parsed.data);
    }
    return { success: true, data: out };
  },
};

/** Where the bytes are: shown inline (images, PDFs) or, with `download`, always saved. */
export const attachmentUrl = (id: string, download = false): string =>
  `/api/attachments/${id}${download ? "?download=1" : ""}`;

export const attachmentsApi = {
  list: (cardId: string) => request("GET", `/api/cards/${cardId}/attachments`, attachmentList),

  upload: async (cardId: string, files: readonly File[]): Promise<Attachment[]> => {
    const form = new FormData();
    for (const file of files) form.append("file", file, file.name);
    let response: Response;
    try {
      response = await fetch(`/api/cards/${cardId}/attachments`, {
        method: "POST",
        // No Content-Type: the browser writes the multipart boundary itself.
        headers: {
          Accept: "application/json, application/problem+json",
          "Idempotency-Key": newMutationId(),
          "X-Lattice-Client": "web",
        },
        body: form,
        credentials: "same-origin",
      });
    } catch {
      throw new ApiError({
        status: 0,
        code: "network",
        title: translate("errors.noConnectionTitle"),
        detail: translate("errors.noConnection"),
      });
    }
    if (!response.ok) throw await parseProblem(response);
    const parsed = attachmentList.safeParse(await response.json());
    if (!parsed.success) {
      throw new ApiError({
        status: response.status,
        code: "bad_reply",
        title: translate("errors.badReplyTitle"),
        detail: translate("errors.badReply"),
      });
    }
    return parsed.data;
  },

  update: (id: string, body: { name?: string; isCover?: boolean }) =>
    request("PATCH", `/api/attachments/${id}`, attachmentSchema, { body }),

  remove: (id: string) => requestEmpty("DELETE", `/api/attachments/${id}`),
};

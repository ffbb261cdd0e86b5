/** The board snapshot: the reply is compact (`boardReplySchema`); the app works with the full board. */
import { boardReplySchema, expandBoard, type SpaceBoard } from "@lattice/domain";
import type { ReplySchema } from "./client";

/** Checks the compact reply and expands it into the board the store and views use. */
export const spaceBoardReply: ReplySchema<SpaceBoard> = {
  safeParse(data) {
    const parsed = boardReplySchema.safeParse(data);
    return parsed.success ? { success: true, data: expandBoard(parsed.data) } : { success: false };
  },
};

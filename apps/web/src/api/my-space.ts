/** My space: the person's own board of mirrored cards (docs/MY-SPACE.md). */
import {
  type CardMySpace,
  cardMySpaceSchema,
  type MySpace,
  type MySpaceColumn,
  type MySpacePlacement,
  mySpaceColumnSchema,
  mySpacePlacementSchema,
  mySpaceSchema,
} from "@lattice/domain";
import { type ReplySchema, request, requestEmpty } from "./client";

const nullablePlacement: ReplySchema<CardMySpace | null> = {
  safeParse(data) {
    if (data === null) return { success: true, data: null };
    return cardMySpaceSchema.safeParse(data);
  },
};

export interface Neighbours {
  afterId?: string | null;
  beforeId?: string | null;
}

export const mySpaceApi = {
  load: (): Promise<MySpace> => request("GET", "/api/me/space", mySpaceSchema),
  createColumn: (body: { name: string } & Neighbours): Promise<MySpaceColumn> =>
    request("POST", "/api/me/space/columns", mySpaceColumnSchema, { body }),
  updateColumn: (id: string, body: { name?: string } & Neighbours): Promise<MySpaceColumn> =>
    request("PATCH", `/api/me/space/columns/${id}`, mySpaceColumnSchema, { body }),
  deleteColumn: (id: string): Promise<void> => requestEmpty("DELETE", `/api/me/space/columns/${id}`),
  placement: (cardId: string): Promise<CardMySpace | null> =>
    request("GET", `/api/cards/${cardId}/my-space`, nullablePlacement),
  /** No column: the end of the first one. */
  place: (cardId: string, body: { columnId?: string } & Neighbours): Promise<MySpacePlacement> =>
    request("PUT", `/api/cards/${cardId}/my-space`, mySpacePlacementSchema, { body }),
  remove: (cardId: string): Promise<void> => requestEmpty("DELETE", `/api/cards/${cardId}/my-space`),
};

/** Small boards for the planning views' unit tests. */
import type { BoardState, Card, CardRelation, Status, StatusRole } from "@lattice/domain";

const ws = "00000000-0000-4000-8000-000000000001";
const space = "00000000-0000-4000-8000-000000000002";

export const status = (id: string, position: string, role: StatusRole, name = id): Status => ({
  id,
  workspaceId: ws,
  spaceId: space,
  name,
  position,
  role,
  wipLimit: null,
});

export const card = (id: string, statusId: string, position: string, extra: Partial<Card> = {}): Card => ({
  id,
  workspaceId: ws,
  spaceId: space,
  statusId,
  name: id,
  description: "",
  position,
  createdBy: null,
  responsibleId: null,
  coworkerIds: [],
  labelIds: [],
  startDate: null,
  dueDate: null,
  todoTotal: 0,
  todoDone: 0,
  isBlocked: false,
  attachmentCount: 0,
  coverAttachmentId: null,
  repeat: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  completedAt: null,
  archivedAt: null,
  version: 1,
  ...extra,
});

let relationSeq = 0;
export const relation = (
  kind: CardRelation["kind"],
  fromCardId: string,
  toCardId: string,
  createdAt = `2025-01-01T00:00:${String(relationSeq % 60).padStart(2, "0")}.000Z`,
): CardRelation => {
  relationSeq += 1;
  return {
    id: `r${relationSeq}-${fromCardId}-${toCardId}`,
    workspaceId: ws,
    kind,
    fromCardId,
    toCardId,
    createdAt,
  };
};

export const board = (statuses: Status[], cards: Card[]): BoardState => ({
  space: {
    id: space,
    workspaceId: ws,
    folderId: null,
    name: "Space",
    description: "",
    position: "a0",
    isPrivate: false,
    serviceLevelDays: null,
    archivedAt: null,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
  },
  statuses: Object.fromEntries(statuses.map((s) => [s.id, s])),
  cards: Object.fromEntries(cards.map((c) => [c.id, c])),
  relations: {},
});

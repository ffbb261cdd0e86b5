/** Cards, statuses and to-dos for the mutators' unit tests (pure data, no I/O). */
import type { TodoItem } from "../coordination-schemas.js";
import type { Card, Status } from "../schemas.js";

export const now = new Date("2026-03-02T10:00:00.000Z");
export const actor = { id: "u1" };

export const aCard = (extra: Partial<Card> = {}): Card => ({
  id: "c1",
  workspaceId: "w1",
  spaceId: "s1",
  statusId: "todo",
  name: "Ship it",
  description: "",
  position: "a0",
  createdBy: "u1",
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
  createdAt: "2026-03-01T00:00:00.000Z",
  updatedAt: "2026-03-01T00:00:00.000Z",
  completedAt: null,
  archivedAt: null,
  version: 3,
  ...extra,
});

export const aStatus = (id: string, position: string, extra: Partial<Status> = {}): Status => ({
  id,
  workspaceId: "w1",
  spaceId: "s1",
  name: id,
  position,
  role: "in_progress",
  wipLimit: null,
  ...extra,
});

export const aTodo = (id: string, position: string, extra: Partial<TodoItem> = {}): TodoItem => ({
  id,
  workspaceId: "w1",
  spaceId: "s1",
  cardId: "c1",
  text: `Do ${id}`,
  isDone: false,
  position,
  doneAt: null,
  doneBy: null,
  createdAt: "2026-03-01T00:00:00.000Z",
  ...extra,
});

/** The refusal's code, or "ok" (a readable assertion either way). */
export const codeOf = (result: object): string =>
  "code" in result && typeof result.code === "string" ? result.code : "ok";

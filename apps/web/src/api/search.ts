/**
 * Finding work: full-text search, "my work" across spaces, activity streams, and the space data the
 * board's filters, swimlanes and blocker-type settings need (members, labels, blocker types).
 */
import {
  type ActivityPage,
  activityPageSchema,
  type BlockerType,
  blockerTypeSchema,
  type Card,
  cardSchema,
  type Label,
  labelSchema,
  type Member,
  memberSchema,
  type StatusRole,
  statusRoles,
} from "@lattice/domain";
import { request } from "./client";
import { itemsOf, replyOf } from "./notifications";

export interface SearchHit {
  cardId: string;
  spaceId: string;
  workspaceId: string;
  name: string;
  /** Plain text; matched words wrapped in ** (never HTML). */
  snippet: string;
  matchedIn: "card" | "comment" | "attachment";
  /** Archived: off the board, listed after the live cards. */
  isArchived: boolean;
}

const isString = (v: unknown): v is string => typeof v === "string";

const hitOf = (v: unknown): SearchHit | null => {
  if (typeof v !== "object" || v === null) return null;
  const r = v as Record<string, unknown>;
  if (!isString(r.cardId) || !isString(r.spaceId) || !isString(r.workspaceId) || !isString(r.name))
    return null;
  if (
    !isString(r.snippet) ||
    (r.matchedIn !== "card" && r.matchedIn !== "comment" && r.matchedIn !== "attachment")
  )
    return null;
  return {
    cardId: r.cardId,
    spaceId: r.spaceId,
    workspaceId: r.workspaceId,
    name: r.name,
    snippet: r.snippet,
    matchedIn: r.matchedIn,
    isArchived: r.isArchived === true,
  };
};

const searchReply = replyOf((data) => {
  if (!Array.isArray(data.items)) return null;
  const items: SearchHit[] = [];
  for (const item of data.items) {
    const hit = hitOf(item);
    if (!hit) return null;
    items.push(hit);
  }
  return { items };
});

export type MyWorkItem = Card & {
  spaceName: string;
  statusName: string;
  statusRole: StatusRole;
  isResponsible: boolean;
};
export const myWorkGroups = ["overdue", "this_week", "later", "no_date"] as const;
export type MyWorkGroup = (typeof myWorkGroups)[number];
export type MyWork = Record<MyWorkGroup, MyWorkItem[]>;

const myWorkItemSchema = replyOf<MyWorkItem>((data) => {
  const card = cardSchema.safeParse(data);
  if (!card.success) return null;
  const role = data.statusRole;
  if (!isString(data.spaceName) || !isString(data.statusName) || typeof data.isResponsible !== "boolean")
    return null;
  if (!isString(role) || !(statusRoles as readonly string[]).includes(role)) return null;
  return {
    ...card.data,
    spaceName: data.spaceName,
    statusName: data.statusName,
    statusRole: role as StatusRole,
    isResponsible: data.isResponsible,
  };
});

const myWorkReply = replyOf<MyWork>((data) => {
  const out: Partial<MyWork> = {};
  for (const group of myWorkGroups) {
    const items = itemsOf(myWorkItemSchema, data[group]);
    if (!items) return null;
    out[group] = items;
  }
  return out as MyWork;
});

const listOf = <T>(schema: {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}) => ({
  safeParse(data: unknown): { success: true; data: T[] } | { success: false } {
    const items = itemsOf(schema, data);
    return items ? { success: true, data: items } : { success: false };
  },
});

export const findApi = {
  search: (q: string, limit: number, signal?: AbortSignal) =>
    request(
      "GET",
      `/api/search?${new URLSearchParams({ q, limit: String(limit) })}`,
      searchReply,
      signal ? { signal } : {},
    ),
  myCards: (today: string) => request("GET", `/api/me/cards?today=${encodeURIComponent(today)}`, myWorkReply),
  spaceActivity: (spaceId: string, before: string | null, limit = 50): Promise<ActivityPage> => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (before) query.set("before", before);
    return request("GET", `/api/spaces/${spaceId}/activity?${query}`, activityPageSchema);
  },
  myActivity: (before: string | null, limit = 30): Promise<ActivityPage> => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (before) query.set("before", before);
    return request("GET", `/api/me/activity?${query}`, activityPageSchema);
  },
  members: (workspaceId: string): Promise<Member[]> =>
    request("GET", `/api/workspaces/${workspaceId}/members`, listOf(memberSchema)),
  labels: (spaceId: string): Promise<Label[]> =>
    request("GET", `/api/spaces/${spaceId}/labels`, listOf(labelSchema)),
  spaceBlockerTypes: (spaceId: string): Promise<BlockerType[]> =>
    request("GET", `/api/spaces/${spaceId}/blocker-types`, listOf(blockerTypeSchema)),
  createLocalBlockerType: (spaceId: string, body: { name: string; description?: string }) =>
    request("POST", `/api/spaces/${spaceId}/blocker-types`, blockerTypeSchema, { body }),
  setOnDemandEnabled: (spaceId: string, typeId: string, enabled: boolean) =>
    request("PUT", `/api/spaces/${spaceId}/blocker-types/${typeId}/enabled`, blockerTypeSchema, {
      body: { enabled },
    }),
  createInstanceBlockerType: (body: { kind: "global" | "on_demand"; name: string; description?: string }) =>
    request("POST", "/api/blocker-types", blockerTypeSchema, { body }),
};

/**
 * Saved views of a space (docs/SAVED-VIEWS.md): a view tab (board, List, a chart…) kept under a name
 * with its address query (filters, grouping, sort, columns, period).
 *
 * Who may do what, read from the caller's role in the space through `can`:
 * - a personal view: anyone who can read the space keeps their own (visitors too), and only they
 *   ever see it; another person's personal view is answered as unknown (404);
 * - a shared view: whoever may change cards (members, owners) creates, renames, updates, moves and
 *   deletes it;
 * - the space's default view (a shared one): its owners choose it.
 *
 * The query is kept as the web app wrote it (without a leading `?`), at most 2,000 characters, and
 * must read as a query string; the views ignore parameters they do not know, so a view saved by a
 * newer version still opens.
 */
import { z } from "zod";
import { Action, can } from "./permissions.js";
import type { WorkspaceRole } from "./roles.js";
import { savedViewKinds } from "./saved-views.js";
import { id, isoTime, requiredText } from "./schemas.js";

export const savedViewLimits = {
  nameMax: 80,
  queryMax: 2000,
  /** Saved views a space holds (shared and personal together). */
  perSpaceMax: 500,
} as const;

/** The path segment of each kind's tab ("" for the board). */
export const savedViewPaths: Record<(typeof savedViewKinds)[number], string> = {
  board: "",
  list: "list",
  calendar: "calendar",
  gantt: "gantt",
  workload: "workload",
  forecast: "forecast",
  time: "time",
  flow: "flow",
  aging: "aging",
};

export const savedViewSchema = z.object({
  id,
  workspaceId: id,
  spaceId: id,
  /** The person a personal view belongs to (always the caller); null for a shared view. */
  ownerId: id.nullable(),
  name: z.string(),
  kind: z.enum(savedViewKinds),
  query: z.string(),
  isDefault: z.boolean(),
  position: z.string(),
  createdBy: id.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** The views the caller sees (shared ones and their own, in order) and what they may do with them. */
export const savedViewListSchema = z.object({
  items: z.array(savedViewSchema),
  /** May create and change shared views (members, owners). */
  canShare: z.boolean(),
  /** May choose the space's default view (owners). */
  canChooseDefault: z.boolean(),
});
export type SavedViewList = z.infer<typeof savedViewListSchema>;

/** An address query: no fragment, no control characters; a leading `?` is dropped. */
const viewQuery = z
  .string()
  .transform((q) => (q.startsWith("?") ? q.slice(1) : q))
  .refine((q) => q.length <= savedViewLimits.queryMax, {
    message: `must be at most ${savedViewLimits.queryMax} characters`,
    params: { refusal: { key: "refusal.validation.tooLong", values: { maximum: savedViewLimits.queryMax } } },
  })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  .refine((q) => !/[#\u0000-\u001f\u007f]/.test(q), {
    message: "must be an address query (no # or control characters)",
    params: { refusal: { key: "refusal.field.addressQuery" } },
  });

const neighbours = {
  afterId: id.nullable().optional(),
  beforeId: id.nullable().optional(),
};

export const createSavedViewBody = z
  .object({
    name: requiredText(savedViewLimits.nameMax),
    kind: z.enum(savedViewKinds),
    query: viewQuery.default(""),
    /** Shared with everyone in the space (members and owners), or only the caller's. */
    isShared: z.boolean().default(false),
    /** Make it the space's default view at once (owners; shared views only). */
    isDefault: z.boolean().default(false),
  })
  .strict();
export type CreateSavedViewBody = z.infer<typeof createSavedViewBody>;

/** Rename, replace the view and its query (e.g. with the current filters), or move among the views. */
export const updateSavedViewBody = z
  .object({
    name: requiredText(savedViewLimits.nameMax).optional(),
    kind: z.enum(savedViewKinds).optional(),
    query: viewQuery.optional(),
    ...neighbours,
  })
  .strict();
export type UpdateSavedViewBody = z.infer<typeof updateSavedViewBody>;

/** The space's default view: a shared view's id, or null for none (the board). */
export const setDefaultViewBody = z.object({ viewId: id.nullable() }).strict();
export type SetDefaultViewBody = z.infer<typeof setDefaultViewBody>;

export type SavedViewChange = "keep_personal" | "change_shared" | "choose_default";

/** Whether a role in the space may make this kind of change (see the header). */
export const canChangeSavedView = (role: WorkspaceRole | null, change: SavedViewChange): boolean => {
  if (change === "keep_personal") return can(role, Action.read);
  if (change === "change_shared") return can(role, Action.writeCards);
  return can(role, Action.manageSettings);
};

/** The address a saved view opens: its tab with its query. */
export const savedViewHref = (
  workspaceId: string,
  view: Pick<SavedView, "spaceId" | "kind" | "query">,
): string => {
  const segment = savedViewPaths[view.kind];
  return `/w/${workspaceId}/s/${view.spaceId}${segment ? `/${segment}` : ""}${view.query ? `?${view.query}` : ""}`;
};

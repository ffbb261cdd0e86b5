/**
 * Schemas of what makes a card a unit of coordination: people and dates on the card, relations,
 * to-dos, labels, comments, blockers, reminders and notifications. Shared by server and web.
 */
import { z } from "zod";
import { statusRoles } from "./roles.js";
import {
  boardSchema,
  calendarDate,
  cardSchema,
  id,
  instant,
  isoTime,
  limits,
  plainText,
  serviceLevelDays,
  requiredText as text,
} from "./schemas.js";

// ---------- relations ----------

export const relationKinds = ["parent", "next"] as const;
export type RelationKind = (typeof relationKinds)[number];

/** parent: from = parent, to = child. next: from = previous, to = next. */
export const relationSchema = z.object({
  id,
  workspaceId: id,
  kind: z.enum(relationKinds),
  fromCardId: id,
  toCardId: id,
  createdAt: isoTime,
});
export type CardRelation = z.infer<typeof relationSchema>;

/** POST /api/cards/:id/relations: relate this card to another. */
export const createRelationBody = z
  .object({
    /** parent: the other card becomes this card's parent; child: its child; previous / next likewise. */
    type: z.enum(["parent", "child", "previous", "next"]),
    cardId: id,
  })
  .strict();
export type CreateRelationBody = z.infer<typeof createRelationBody>;

/** A related card as the card panel lists it (it may live in another space of the workspace). */
export const relatedCardSchema = z.object({
  id,
  spaceId: id,
  name: z.string(),
  statusId: id,
  startDate: calendarDate.nullable(),
  dueDate: calendarDate.nullable(),
});
export type RelatedCard = z.infer<typeof relatedCardSchema>;

/** A related card with the relation that links it (removing the relation deletes that id). */
export const relatedEntrySchema = relatedCardSchema.extend({ relationId: id });
export type RelatedEntry = z.infer<typeof relatedEntrySchema>;

/** The reply of GET /api/cards/:id/relations: every group oldest first (the first parent is the default). */
export const cardRelationsSchema = z.object({
  parents: z.array(relatedEntrySchema),
  children: z.array(relatedEntrySchema),
  previous: z.array(relatedEntrySchema),
  next: z.array(relatedEntrySchema),
});
export type CardRelations = z.infer<typeof cardRelationsSchema>;

// ---------- to-dos ----------

export const todoSchema = z.object({
  id,
  workspaceId: id,
  spaceId: id,
  cardId: id,
  text: z.string(),
  isDone: z.boolean(),
  position: z.string(),
  doneAt: isoTime.nullable(),
  doneBy: id.nullable(),
  createdAt: isoTime,
});
export type TodoItem = z.infer<typeof todoSchema>;

export const createTodoBody = z.object({ text: text(500) }).strict();
export const updateTodoBody = z
  .object({
    text: text(500).optional(),
    isDone: z.boolean().optional(),
    afterId: id.nullable().optional(),
    beforeId: id.nullable().optional(),
  })
  .strict();

// ---------- labels ----------

export const labelColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1f8a70");
export const labelSchema = z.object({
  id,
  workspaceId: id,
  spaceId: id,
  name: z.string(),
  color: z.string(),
  /** Service-level target in calendar days for cards carrying it (null: none); the strictest wins. */
  serviceLevelDays: z.number().int().nullable(),
});
export type Label = z.infer<typeof labelSchema>;
/** The reply of GET /api/spaces/:id/labels. */
export const labelListSchema = z.array(labelSchema);
export const createLabelBody = z
  .object({ name: text(60), color: labelColor, serviceLevelDays: serviceLevelDays.optional() })
  .strict();
export const updateLabelBody = z
  .object({
    name: text(60).optional(),
    color: labelColor.optional(),
    serviceLevelDays: serviceLevelDays
      .optional()
      .describe("Service-level target in calendar days (space owners only); null removes it."),
  })
  .strict();

// ---------- comments and mentions ----------

export const commentSchema = z.object({
  id,
  workspaceId: id,
  spaceId: id,
  cardId: id,
  authorId: id.nullable(),
  body: z.string(),
  mentionIds: z.array(id),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type Comment = z.infer<typeof commentSchema>;
export const commentBody = z.object({ body: text(limits.descriptionMax) }).strict();

/**
 * Mentions are written `@[Display name](user-id)` (the editor inserts them from the autocomplete);
 * the display name is for reading, the id is what notifies.
 */
export const mentionPattern = /@\[([^\]\n]{1,120})\]\(([0-9a-f-]{36})\)/gi;
export const extractMentionIds = (body: string): string[] => [
  ...new Set([...body.matchAll(mentionPattern)].map((m) => (m[2] ?? "").toLowerCase())),
];

// ---------- blockers ----------

export const blockerKinds = ["local", "global", "on_demand"] as const;
export type BlockerKind = (typeof blockerKinds)[number];

export const blockerTypeSchema = z.object({
  id,
  kind: z.enum(blockerKinds),
  spaceId: id.nullable(),
  name: z.string(),
  description: z.string(),
  createdAt: isoTime,
  /** Cards this type blocks now (open blockings). */
  activeCount: z.number().int(),
  /** For on-demand types listed for a space: whether that space has enabled it. */
  isEnabled: z.boolean(),
});
export type BlockerType = z.infer<typeof blockerTypeSchema>;
/** The reply of GET /api/blocker-types and GET /api/spaces/:id/blocker-types. */
export const blockerTypeListSchema = z.array(blockerTypeSchema);

export const createBlockerTypeBody = z
  .object({ name: text(120), description: plainText(2000).optional() })
  .strict();
export const createGlobalBlockerTypeBody = createBlockerTypeBody.extend({
  kind: z.enum(["global", "on_demand"]),
});

export const blockingSchema = z.object({
  id,
  workspaceId: id,
  spaceId: id,
  cardId: id,
  blockerTypeId: id,
  blockerName: z.string(),
  reason: z.string(),
  blockedBy: id.nullable(),
  blockedAt: isoTime,
  responsibleId: id.nullable(),
  clearedBy: id.nullable(),
  clearedAt: isoTime.nullable(),
});
export type Blocking = z.infer<typeof blockingSchema>;

export const blockCardBody = z
  .object({ blockerTypeId: id, reason: text(2000), responsibleId: id.nullable().optional() })
  .strict();

// ---------- reminders and notifications ----------

export const reminderSchema = z.object({
  id,
  cardId: id,
  remindAt: isoTime,
  note: z.string(),
  deliveredAt: isoTime.nullable(),
});
export type Reminder = z.infer<typeof reminderSchema>;
export const setReminderBody = z.object({ remindAt: instant, note: plainText(500).optional() }).strict();

export const notificationKinds = [
  "mentioned",
  "assigned_responsible",
  "assigned_coworker",
  "status_changed",
  "blocked",
  "unblocked",
  "reminder",
  "commented",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationSchema = z.object({
  id,
  kind: z.enum(notificationKinds),
  workspaceId: id.nullable(),
  cardId: id.nullable(),
  actorId: id.nullable(),
  /** Names frozen at the time, so the text reads right even after renames: cardName, fromStatus, … */
  data: z.record(z.string(), z.unknown()),
  createdAt: isoTime,
  readAt: isoTime.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
/** The reply of GET /api/notifications: the latest first, and how many are unread in all. */
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;
/** The reply of POST /api/notifications/read. */
export const unreadCountSchema = z.object({ unreadCount: z.number().int() });
export const markReadBody = z.union([
  z.object({ ids: z.array(id).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

/** The board snapshot with the relations touching its cards (for progress, conflicts and the Gantt view). */
export const boardWithRelationsSchema = boardSchema.extend({ relations: z.array(relationSchema) });
export type BoardWithRelations = z.infer<typeof boardWithRelationsSchema>;

// ---------- search ----------

export const searchHitSchema = z.object({
  cardId: id,
  spaceId: id,
  workspaceId: id,
  name: z.string(),
  snippet: z.string().describe("Plain text around the match; matched words wrapped in ** (never HTML)"),
  matchedIn: z.enum(["card", "comment", "attachment"]),
  isArchived: z.boolean().describe("An archived card: off the board, listed after the live ones"),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
/** The reply of GET /api/search: live cards first, then archived ones. */
export const searchReplySchema = z.object({ items: z.array(searchHitSchema) });

// ---------- my work ----------

/** A card on "My work": the card with where it stands and whether the person is its responsible. */
export const myWorkItemSchema = cardSchema.extend({
  spaceName: z.string(),
  statusName: z.string(),
  statusRole: z.enum(statusRoles),
  isResponsible: z.boolean(),
});
export type MyWorkItem = z.infer<typeof myWorkItemSchema>;
/** The reply of GET /api/me/cards: the person's open cards grouped by due date (dates.ts, dueBucketOf). */
export const myWorkSchema = z.object({
  overdue: z.array(myWorkItemSchema),
  this_week: z.array(myWorkItemSchema),
  later: z.array(myWorkItemSchema),
  no_date: z.array(myWorkItemSchema),
});
export type MyWork = z.infer<typeof myWorkSchema>;

/**
 * Zod schemas for every request and reply of the HTTP API, defined once here and shared by the
 * server (validation + OpenAPI through fastify-type-provider-zod) and the web app (typed client).
 */
import { z } from "zod";
import { limits } from "./limits.js";
import { joinRoles, locales, statusRoles, themes, visibilities, workspaceRoles } from "./roles.js";
import { capacityPerWeekRange, serviceLevelDaysRange } from "./saved-views.js";

export { limits };

// With the u flag a surrogate pair is one code point, so this finds only a half of a pair.
const loneSurrogate = /\p{Cs}/u;
const isStorableText = (value: string): boolean => !value.includes("\u0000") && !loneSurrogate.test(value);
const unstorableMessage = "must not contain the NUL character (U+0000) or half of a surrogate pair";

/**
 * Free text a person types. PostgreSQL text cannot hold the NUL character (U+0000), and half of a
 * UTF-16 surrogate pair is no character at all (the JSON of an event refuses it), so both are refused
 * here, naming the field, rather than failing in the database. Every text field of a request is built
 * from this or `requiredText`.
 */
export const plainText = (max: number) =>
  z.string().refine(isStorableText, unstorableMessage).max(max, `must be at most ${max} characters`);

/** Text that must say something: trimmed, then at least one character. */
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .refine(isStorableText, unstorableMessage)
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);

const trimmedName = requiredText;

export const id = z.uuid({ error: "must be a UUID" });
export const isoTime = z.string().describe("ISO 8601 timestamp");

export const idParams = z.object({ id });
export const memberParams = z.object({ id, userId: id });

// ---------- entities (replies) ----------

export const userSchema = z.object({
  id,
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  /** Initials colour (#rrggbb); null: the one derived from the id. */
  color: z.string().nullable(),
  /** The language the person chose (used once the interface is translated). */
  locale: z.string(),
  /** IANA time zone for "today" and reminders; null: the browser's own. */
  timeZone: z.string().nullable(),
  theme: z.enum(themes),
  createdAt: isoTime,
});
export type User = z.infer<typeof userSchema>;

export const workspaceSchema = z.object({
  id,
  name: z.string(),
  description: z.string(),
  visibility: z.enum(visibilities),
  position: z.string(),
  archivedAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** The role of a person who joins this public workspace from the list of public workspaces. */
  joinRole: z.enum(joinRoles),
  /** The caller's effective role (null only in events, where there is no single caller). */
  role: z.enum(workspaceRoles).nullable(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const memberSchema = z.object({
  workspaceId: id,
  userId: id,
  email: z.string(),
  name: z.string(),
  /** Their chosen initials colour; null: the one derived from their id (`initialsColorOf`). */
  color: z.string().nullable(),
  role: z.enum(workspaceRoles),
  /** Cards per week they can hold at once (the Workload view's capacity); null: not set. */
  capacityPerWeek: z.number().int().nullable(),
  createdAt: isoTime,
});
export type Member = z.infer<typeof memberSchema>;
/** The reply of GET /api/workspaces/:id/members. */
export const memberListSchema = z.array(memberSchema);

export const folderSchema = z.object({
  id,
  workspaceId: id,
  parentFolderId: id.nullable(),
  name: z.string(),
  position: z.string(),
  archivedAt: isoTime.nullable(),
  createdAt: isoTime,
});
export type Folder = z.infer<typeof folderSchema>;

export const spaceSchema = z.object({
  id,
  workspaceId: id,
  folderId: id.nullable(),
  name: z.string(),
  description: z.string(),
  position: z.string(),
  isPrivate: z.boolean(),
  /** The owners' service-level target in calendar days (null: none; the history's 85th percentile applies). */
  serviceLevelDays: z.number().int().nullable(),
  archivedAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type Space = z.infer<typeof spaceSchema>;

export const statusSchema = z.object({
  id,
  workspaceId: id,
  spaceId: id,
  name: z.string(),
  position: z.string(),
  role: z.enum(statusRoles),
  wipLimit: z.number().int().nullable(),
});
export type Status = z.infer<typeof statusSchema>;

/**
 * The dates the API accepts, inclusive. PostgreSQL has no year 0 and JavaScript reads years 0-99 as
 * 1900-1999, so the range starts in 1900; it ends a day before 10000 so that "the day after" (an
 * all-day iCalendar event's end, a chart's exclusive end) is still a four-digit year.
 */
export const dateRange = { min: "1900-01-01", max: "9999-12-30" } as const;

const dateRangeMessage = `must be between ${dateRange.min} and ${dateRange.max}`;

/**
 * A calendar date, `YYYY-MM-DD`, within `dateRange` (ISO dates compare as strings). Each check stops
 * at its first failure, so a field gets one message and the checks across fields (a period's end
 * after its start) only see real dates.
 */
export const calendarDate = z.iso
  .date({ error: "must be a date (YYYY-MM-DD)", abort: true })
  .refine((date) => date >= dateRange.min && date <= dateRange.max, {
    message: dateRangeMessage,
    abort: true,
  });

const minInstant = Date.parse(`${dateRange.min}T00:00:00Z`);
const maxInstant = Date.parse(`${dateRange.max}T23:59:59.999Z`);

/** An instant, ISO 8601 with a time zone offset, falling within `dateRange` in UTC. */
export const instant = z.iso
  .datetime({ offset: true, error: "must be a date and time (ISO 8601 with an offset)", abort: true })
  .refine(
    (value) => {
      const ms = Date.parse(value);
      return ms >= minInstant && ms <= maxInstant;
    },
    { message: `${dateRangeMessage} (UTC)`, abort: true },
  );

/** How often a series' next occurrence is made: when this one is completed, or days before its date. */
export const repeatCreateWhens = ["completed", "before_start"] as const;
export type RepeatCreateWhen = (typeof repeatCreateWhens)[number];

/**
 * A repeating card's series as its current occurrence carries it (docs/RECURRING.md). `rule` is an
 * RFC 5545 RRULE without DTSTART, COUNT or UNTIL: the series starts at `anchorDate`, and its end is
 * `endsAfter` occurrences in all or the last date `endsOn`. `nextDate` is null when the series ends.
 */
export const cardRepeatSchema = z.object({
  seriesId: id,
  rule: z.string(),
  endsAfter: z.number().int().nullable(),
  endsOn: calendarDate.nullable(),
  timeZone: z.string(),
  createWhen: z.enum(repeatCreateWhens),
  daysBefore: z.number().int(),
  anchorDate: calendarDate,
  occurrenceDate: calendarDate,
  occurrenceCount: z.number().int(),
  nextDate: calendarDate.nullable(),
});
export type CardRepeat = z.infer<typeof cardRepeatSchema>;

export const cardSchema = z.object({
  id,
  workspaceId: id,
  spaceId: id,
  statusId: id,
  name: z.string(),
  description: z.string(),
  position: z.string(),
  createdBy: id.nullable(),
  responsibleId: id.nullable(),
  coworkerIds: z.array(id),
  labelIds: z.array(id),
  startDate: calendarDate.nullable(),
  dueDate: calendarDate.nullable(),
  todoTotal: z.number().int(),
  todoDone: z.number().int(),
  /** True while at least one blocking on the card is not cleared. */
  isBlocked: z.boolean(),
  /** Documents attached to the card (uploads still arriving are not counted). */
  attachmentCount: z.number().int(),
  /** The attached image shown on the card's front, if one was chosen. */
  coverAttachmentId: id.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  completedAt: isoTime.nullable(),
  archivedAt: isoTime.nullable(),
  version: z.number().int(),
  /** Set on the current occurrence of a repeating card (the one whose completion makes the next). */
  repeat: cardRepeatSchema.nullable(),
});
export type Card = z.infer<typeof cardSchema>;

export const treeSchema = z.object({
  workspace: workspaceSchema,
  folders: z.array(folderSchema),
  spaces: z.array(spaceSchema.extend({ role: z.enum(workspaceRoles) })),
  /** Latest event seq of the workspace channel when the snapshot was taken. */
  seq: z.number().int(),
});
export type Tree = z.infer<typeof treeSchema>;

export const boardSchema = z.object({
  space: spaceSchema,
  role: z.enum(workspaceRoles),
  statuses: z.array(statusSchema),
  cards: z.array(cardSchema),
  /** Latest event seq of the space channel when the snapshot was taken: subscribe since it. */
  seq: z.number().int(),
});
export type Board = z.infer<typeof boardSchema>;

/** A space's archived cards, the most recently archived first: where they are found and restored. */
export const archivedCardsSchema = z.object({ items: z.array(cardSchema) });
export type ArchivedCards = z.infer<typeof archivedCardsSchema>;

export const healthSchema = z.object({ status: z.literal("ok"), database: z.string() });

// ---------- requests ----------

/** An e-mail address as stored: trimmed and lower-cased. */
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(limits.emailMax, `must be at most ${limits.emailMax} characters`)
  .pipe(z.email({ error: "must be an email address" }));

export const signupBody = z.object({
  email,
  name: trimmedName(limits.nameMax),
  password: z
    .string()
    .min(limits.passwordMin, `must be at least ${limits.passwordMin} characters`)
    .max(limits.passwordMax, `must be at most ${limits.passwordMax} characters`),
  /** The interface language the browser showed at sign-up; the account's language setting starts as it. */
  locale: z.enum(locales).optional(),
});
export type SignupBody = z.infer<typeof signupBody>;

export const loginBody = z.object({ email, password: z.string().min(1).max(limits.passwordMax) });
export type LoginBody = z.infer<typeof loginBody>;

/** Where to put an item among its siblings: after one, before one, or (neither) at the end. */
const placement = {
  afterId: id.nullable().optional(),
  beforeId: id.nullable().optional(),
};

const description = plainText(limits.descriptionMax);

export const createWorkspaceBody = z.object({
  name: trimmedName(limits.nameMax),
  description: description.optional(),
  visibility: z.enum(visibilities).default("private"),
});
export type CreateWorkspaceBody = z.infer<typeof createWorkspaceBody>;

export const updateWorkspaceBody = z
  .object({
    name: trimmedName(limits.nameMax).optional(),
    description: description.optional(),
    visibility: z.enum(visibilities).optional(),
    joinRole: z.enum(joinRoles).optional(),
    archived: z.boolean().optional(),
    ...placement,
  })
  .strict();
export type UpdateWorkspaceBody = z.infer<typeof updateWorkspaceBody>;

export const addMemberBody = z.object({ email, role: z.enum(workspaceRoles).default("member") });
export type AddMemberBody = z.infer<typeof addMemberBody>;

/** A member's workload capacity: cards per week (see workload.ts). */
export const capacityPerWeek = z
  .number()
  .int({ error: "must be a whole number of cards" })
  .min(capacityPerWeekRange.min, { error: `must be at least ${capacityPerWeekRange.min}` })
  .max(capacityPerWeekRange.max, { error: `must be at most ${capacityPerWeekRange.max}` });

/** A role and/or a capacity (null: not set); at least one. */
export const updateMemberBody = z
  .object({ role: z.enum(workspaceRoles).optional(), capacityPerWeek: capacityPerWeek.nullable().optional() })
  .strict()
  .refine((body) => body.role !== undefined || body.capacityPerWeek !== undefined, {
    message: "give a role or a capacity",
  });
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;

export const createFolderBody = z.object({
  name: trimmedName(limits.nameMax),
  parentFolderId: id.nullable().optional(),
});
export type CreateFolderBody = z.infer<typeof createFolderBody>;

export const updateFolderBody = z
  .object({
    name: trimmedName(limits.nameMax).optional(),
    parentFolderId: id.nullable().optional(),
    archived: z.boolean().optional(),
    ...placement,
  })
  .strict();
export type UpdateFolderBody = z.infer<typeof updateFolderBody>;

export const createSpaceBody = z.object({
  name: trimmedName(limits.nameMax),
  description: description.optional(),
  folderId: id.nullable().optional(),
  isPrivate: z.boolean().optional(),
});
export type CreateSpaceBody = z.infer<typeof createSpaceBody>;

/** A service-level target on a space or a label: whole calendar days, or null for none. */
export const serviceLevelDays = z
  .number({ error: "must be a number of days or null" })
  .int("must be a whole number of days")
  .min(serviceLevelDaysRange.min, `must be at least ${serviceLevelDaysRange.min} day`)
  .max(serviceLevelDaysRange.max, `must be at most ${serviceLevelDaysRange.max} days`)
  .nullable();

export const updateSpaceBody = z
  .object({
    name: trimmedName(limits.nameMax).optional(),
    description: description.optional(),
    folderId: id.nullable().optional(),
    isPrivate: z.boolean().optional(),
    archived: z.boolean().optional(),
    serviceLevelDays: serviceLevelDays
      .optional()
      .describe("Service-level target in calendar days (owners only); null removes it."),
    ...placement,
  })
  .strict();
export type UpdateSpaceBody = z.infer<typeof updateSpaceBody>;

const wipLimit = z.number().int().min(1).max(limits.wipLimitMax).nullable();

export const createStatusBody = z.object({
  name: trimmedName(limits.nameMax),
  role: z.enum(statusRoles).default("in_progress"),
  wipLimit: wipLimit.optional(),
  ...placement,
});
export type CreateStatusBody = z.infer<typeof createStatusBody>;

export const updateStatusBody = z
  .object({
    name: trimmedName(limits.nameMax).optional(),
    role: z.enum(statusRoles).optional(),
    wipLimit: wipLimit.optional(),
    ...placement,
  })
  .strict();
export type UpdateStatusBody = z.infer<typeof updateStatusBody>;

export const createCardBody = z.object({
  name: trimmedName(limits.cardNameMax),
  description: description.optional(),
  /** Defaults to the space's first status. */
  statusId: id.optional(),
  /** Top or bottom of the column (default bottom). */
  at: z.enum(["top", "bottom"]).default("bottom"),
});
export type CreateCardBody = z.infer<typeof createCardBody>;

export const updateCardBody = z
  .object({
    name: trimmedName(limits.cardNameMax).optional(),
    description: description.optional(),
    archived: z.boolean().optional(),
    /** One of the space's users, or null for nobody. */
    responsibleId: id.nullable().optional(),
    /** The full set of co-workers (replaces the current one). */
    coworkerIds: z.array(id).max(100).optional(),
    startDate: calendarDate.nullable().optional(),
    dueDate: calendarDate.nullable().optional(),
    /** The full set of labels of the card's space (replaces the current one). */
    labelIds: z.array(id).max(100).optional(),
  })
  .strict();
export type UpdateCardBody = z.infer<typeof updateCardBody>;

export const moveCardBody = z
  .object({
    statusId: id,
    ...placement,
  })
  .strict();
export type MoveCardBody = z.infer<typeof moveCardBody>;

export const moveCardToSpaceBody = z
  .object({
    /** A space of the card's workspace the caller may write cards in. */
    spaceId: id,
    /** A status of that space; default: its first status of the card's status role, else its first. */
    statusId: id.optional(),
  })
  .strict();
export type MoveCardToSpaceBody = z.infer<typeof moveCardToSpaceBody>;

/** What a copy takes along besides the card's own fields, people and labels. */
export const copyCardParts = z
  .object({
    todos: z.boolean().default(true),
    relations: z.boolean().default(false),
    /** The copy gets its own document rows; bytes in an object store are shared, not duplicated. */
    documents: z.boolean().default(false),
  })
  .strict();

export const copyCardBody = z
  .object({
    /** Default: the original's space (the copy lands right after it). */
    spaceId: id.optional(),
    /** A status of the target space; default as for a move. */
    statusId: id.optional(),
    include: copyCardParts.default({ todos: true, relations: false, documents: false }),
  })
  .strict();
export type CopyCardBody = z.infer<typeof copyCardBody>;

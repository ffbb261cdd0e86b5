/**
 * The live-sync wire protocol (JSON text frames at /api/ws). Client messages are validated with
 * these schemas; anything else gets an `error` frame and changes nothing. Server messages are
 * validated by the browser with `serverMessageSchema`, so a frame it cannot read is dropped rather
 * than applied to a store.
 */
import { z } from "zod";
import { attachmentSchema } from "./attachment-schemas.js";
import {
  blockingSchema,
  commentSchema,
  labelSchema,
  notificationSchema,
  relationSchema,
  reminderSchema,
  todoSchema,
} from "./coordination-schemas.js";
import type { Channel, DomainEvent, EventPayloads, EventType } from "./events.js";
import { customFieldSchema, fieldValueSchema } from "./field-schemas.js";
import { mySpaceColumnSchema, mySpacePlacementSchema } from "./my-space-schemas.js";
import { spaceMemberSchema } from "./people-schemas.js";
import { savedViewSchema } from "./saved-view-schemas.js";
import {
  cardSchema,
  folderSchema,
  id,
  memberSchema,
  spaceSchema,
  statusSchema,
  workspaceSchema,
} from "./schemas.js";

export const PROTOCOL_VERSION = 1;

const channel = z
  .string()
  .regex(/^(space|workspace|user):[0-9a-f-]{36}$/i, "must be space:<id>, workspace:<id> or user:<id>");

export const clientMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("subscribe"), channel, since: z.number().int().min(0).optional() }),
  z.object({ type: z.literal("unsubscribe"), channel }),
  z.object({ type: z.literal("presence"), channel, cardId: z.uuid().nullable() }),
  z.object({ type: z.literal("ping") }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export interface PresenceEntry {
  userId: string;
  name: string;
  cardId: string | null;
}

export const WireErrorCode = {
  invalidMessage: "invalid_message",
  notFound: "not_found",
  accessRevoked: "access_revoked",
  tooManySubscriptions: "too_many_subscriptions",
  /** Messages beyond the socket's allowance are dropped; keeping on closes the socket. */
  rateLimited: "rate_limited",
  /** The person has too many sockets open on this server (one per tab). */
  tooManySockets: "too_many_sockets",
} as const;
export type WireErrorCode = (typeof WireErrorCode)[keyof typeof WireErrorCode];

/** Close codes (application range) the server ends a socket with when it will not serve it. */
export const WireCloseCode = {
  rateLimited: 4029,
  tooManySockets: 4030,
} as const;

/** An event as the wire carries it (its channel and seq are on the frame); still a tagged union. */
export type WireEvent = DomainEvent extends infer E
  ? E extends DomainEvent
    ? Omit<E, "channel" | "seq">
    : never
  : never;

export type ServerMessage =
  | { type: "hello"; protocol: number; userId: string }
  | { type: "subscribed"; channel: Channel; seq: number }
  | { type: "unsubscribed"; channel: Channel }
  | {
      type: "event";
      channel: Channel;
      seq: number;
      event: WireEvent;
    }
  | { type: "resync"; channel: Channel; seq: number }
  | { type: "presence"; channel: Channel; users: PresenceEntry[] }
  | { type: "error"; code: WireErrorCode; message: string; channel?: Channel }
  | { type: "pong" };

const channelPattern = /^(space|workspace|user):[0-9a-f-]{36}$/i;
const wireChannel = z.custom<Channel>(
  (value) => typeof value === "string" && channelPattern.test(value),
  "must be space:<id>, workspace:<id> or user:<id>",
);
const seq = z.number().int().min(0);

/**
 * The payload schema of every event type, built from the same entity schemas the HTTP replies are
 * serialized with. `satisfies` keeps it in step with `EventPayloads`: a new event type or a changed
 * payload fails the typecheck here until its schema is written.
 */
export const eventPayloadSchemas = {
  "workspace.created": z.object({ workspace: workspaceSchema }),
  "workspace.updated": z.object({ workspace: workspaceSchema }),
  "workspace.deleted": z.object({ workspaceId: id }),
  "member.added": z.object({ member: memberSchema }),
  "member.updated": z.object({ member: memberSchema }),
  "member.removed": z.object({ workspaceId: id, userId: id }),
  "space_member.added": z.object({ member: spaceMemberSchema }),
  "space_member.updated": z.object({ member: spaceMemberSchema }),
  "space_member.removed": z.object({ spaceId: id, userId: id }),
  "invitations.changed": z.object({ workspaceId: id, spaceId: id.nullable() }),
  "folder.created": z.object({ folder: folderSchema }),
  "folder.updated": z.object({ folder: folderSchema }),
  "folder.deleted": z.object({ folderId: id, workspaceId: id }),
  "trash.changed": z.object({ workspaceId: id }),
  "space.created": z.object({ space: spaceSchema }),
  "space.updated": z.object({ space: spaceSchema }),
  "space.deleted": z.object({ spaceId: id, workspaceId: id, isPrivate: z.boolean().exactOptional() }),
  "status.created": z.object({ status: statusSchema }),
  "status.updated": z.object({ status: statusSchema }),
  "status.deleted": z.object({ statusId: id, spaceId: id }),
  "card.created": z.object({ card: cardSchema }),
  "card.updated": z.object({ card: cardSchema }),
  "card.moved": z.object({ card: cardSchema, fromStatusId: id }),
  "card.deleted": z.object({ cardId: id, spaceId: id, name: z.string().exactOptional() }),
  "card.restored": z.object({ card: cardSchema }),
  "card.moved_out": z.object({ cardId: id, spaceId: id, toSpaceId: id, name: z.string() }),
  "card.moved_in": z.object({
    card: cardSchema,
    fromSpaceId: id,
    fromSpaceName: z.string(),
    toSpaceName: z.string(),
    droppedLabelNames: z.array(z.string()),
    removedUserIds: z.array(id),
  }),
  "access.changed": z.object({ workspaceId: id, userId: id.nullable() }),
  "relation.created": z.object({ relation: relationSchema }),
  "relation.deleted": z.object({ relation: relationSchema }),
  "todo.created": z.object({ todo: todoSchema }),
  "todo.updated": z.object({ todo: todoSchema }),
  "todo.deleted": z.object({ todoId: id, cardId: id }),
  "label.created": z.object({ label: labelSchema }),
  "label.updated": z.object({ label: labelSchema }),
  "label.deleted": z.object({ labelId: id, spaceId: id }),
  "field.created": z.object({ field: customFieldSchema }),
  "field.updated": z.object({ field: customFieldSchema }),
  "field.deleted": z.object({ fieldId: id, spaceId: id }),
  "card.field_set": z.object({
    cardId: id,
    spaceId: id,
    field: customFieldSchema,
    value: fieldValueSchema.nullable(),
    previous: fieldValueSchema.nullable(),
  }),
  "template.saved": z.object({ templateId: id, workspaceId: id, name: z.string() }),
  "template.updated": z.object({ templateId: id, workspaceId: id, name: z.string() }),
  "template.deleted": z.object({ templateId: id, workspaceId: id }),
  "card_template.created": z.object({ templateId: id, spaceId: id, workspaceId: id, name: z.string() }),
  "card_template.deleted": z.object({ templateId: id, spaceId: id, workspaceId: id }),
  "comment.created": z.object({ comment: commentSchema }),
  "comment.updated": z.object({ comment: commentSchema }),
  "comment.deleted": z.object({ commentId: id, cardId: id }),
  "attachment.created": z.object({ attachment: attachmentSchema }),
  "attachment.updated": z.object({ attachment: attachmentSchema, previousName: z.string() }),
  "attachment.deleted": z.object({ attachmentId: id, cardId: id, workspaceId: id, name: z.string() }),
  "blocking.created": z.object({ blocking: blockingSchema }),
  "blocking.cleared": z.object({ blocking: blockingSchema }),
  "notification.created": z.object({ notification: notificationSchema }),
  "notification.read": z.object({ ids: z.union([z.array(id), z.literal("all")]) }),
  "reminder.updated": z.object({ cardId: id, reminder: reminderSchema.nullable() }),
  "my_space.column_created": z.object({ column: mySpaceColumnSchema }),
  "my_space.column_updated": z.object({ column: mySpaceColumnSchema }),
  "my_space.column_deleted": z.object({ columnId: id, movedTo: id }),
  "my_space.card_placed": z.object({ placement: mySpacePlacementSchema }),
  "my_space.card_removed": z.object({ cardId: id }),
  "saved_view.created": z.object({ view: savedViewSchema }),
  "saved_view.updated": z.object({ view: savedViewSchema }),
  "saved_view.deleted": z.object({ viewId: id, spaceId: id }),
  redacted: z.record(z.string(), z.never()),
} satisfies { [T in EventType]: z.ZodType<EventPayloads[T]> };

const wireEventMembers = (Object.keys(eventPayloadSchemas) as EventType[]).map((type) =>
  z.object({
    type: z.literal(type),
    payload: eventPayloadSchemas[type],
    actorId: id.nullable(),
    mutationId: z.string().nullable(),
    at: z.string(),
  }),
);

/**
 * One event as the wire carries it. Built from the map above (a member per type); the map's
 * `satisfies` is what ties each member's payload to its type, so the union is typed by that.
 */
export const wireEventSchema = z.discriminatedUnion(
  "type",
  wireEventMembers as [(typeof wireEventMembers)[number], ...(typeof wireEventMembers)[number][]],
) as unknown as z.ZodType<WireEvent>;

const presenceEntrySchema = z.object({ userId: id, name: z.string(), cardId: id.nullable() });

/** Every frame the server sends; the browser parses each one with it before acting on it. */
export const serverMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), protocol: z.number().int(), userId: id }),
  z.object({ type: z.literal("subscribed"), channel: wireChannel, seq }),
  z.object({ type: z.literal("unsubscribed"), channel: wireChannel }),
  z.object({ type: z.literal("event"), channel: wireChannel, seq, event: wireEventSchema }),
  z.object({ type: z.literal("resync"), channel: wireChannel, seq }),
  z.object({ type: z.literal("presence"), channel: wireChannel, users: z.array(presenceEntrySchema) }),
  z.object({
    type: z.literal("error"),
    code: z.enum(WireErrorCode),
    message: z.string(),
    channel: wireChannel.exactOptional(),
  }),
  z.object({ type: z.literal("pong") }),
]) satisfies z.ZodType<ServerMessage>;

/** The event frame, built once per event and sent as the same bytes to every subscriber. */
export const eventFrame = (event: DomainEvent): string => {
  const { channel: ch, seq, ...rest } = event;
  return JSON.stringify({ type: "event", channel: ch, seq, event: rest } satisfies ServerMessage);
};

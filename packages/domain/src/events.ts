/**
 * Events: the append-only log of every change. A change appends one event per affected channel in
 * the same transaction; `seq` is gapless per channel, so a subscriber that has seen seq n knows
 * exactly what it missed. Board content goes to `space:<id>`, the hierarchy to `workspace:<id>`,
 * things addressed to one person to `user:<id>`.
 */
import type { Attachment } from "./attachment-schemas.js";
import type {
  Blocking,
  CardRelation,
  Comment,
  Label,
  Notification,
  Reminder,
  TodoItem,
} from "./coordination-schemas.js";
import type { CustomField, FieldValue } from "./field-schemas.js";
import type { MySpaceColumn, MySpacePlacement } from "./my-space-schemas.js";
import type { SpaceMember } from "./people-schemas.js";
import type { SavedView } from "./saved-view-schemas.js";
import type { Card, Folder, Member, Space, Status, Workspace } from "./schemas.js";

export type Channel = `space:${string}` | `workspace:${string}` | `user:${string}`;

export const spaceChannel = (spaceId: string): Channel => `space:${spaceId}`;
export const workspaceChannel = (workspaceId: string): Channel => `workspace:${workspaceId}`;
export const userChannel = (userId: string): Channel => `user:${userId}`;

export const parseChannel = (
  channel: string,
): { kind: "space" | "workspace" | "user"; id: string } | null => {
  const match = /^(space|workspace|user):([0-9a-f-]{36})$/i.exec(channel);
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] as "space" | "workspace" | "user", id: match[2].toLowerCase() };
};

/** Payload of each event type. */
export interface EventPayloads {
  "workspace.created": { workspace: Workspace };
  "workspace.updated": { workspace: Workspace };
  "workspace.deleted": { workspaceId: string };
  "member.added": { member: Member };
  "member.updated": { member: Member };
  "member.removed": { workspaceId: string; userId: string };
  /** On the space channel (its readers) and the person's own channel. */
  "space_member.added": { member: SpaceMember };
  "space_member.updated": { member: SpaceMember };
  "space_member.removed": { spaceId: string; userId: string };
  /**
   * The pending invitations of a workspace (`spaceId` null, on the workspace channel) or of a space
   * (on the space channel) changed: their managers reload the list. It names no address, since
   * every reader of the channel receives it.
   */
  "invitations.changed": { workspaceId: string; spaceId: string | null };
  "folder.created": { folder: Folder };
  "folder.updated": { folder: Folder };
  "folder.deleted": { folderId: string; workspaceId: string };
  /**
   * The workspace's trash changed (something trashed, restored or purged): open trash views reload.
   * Ids only, so it tells a reader of the workspace nothing about a private space.
   */
  "trash.changed": { workspaceId: string };
  "space.created": { space: Space };
  "space.updated": { space: Space };
  /** `isPrivate`: whether the space was private, so the hub knows who may learn of it once it is gone. */
  "space.deleted": { spaceId: string; workspaceId: string; isPrivate?: boolean };
  "status.created": { status: Status };
  "status.updated": { status: Status };
  "status.deleted": { statusId: string; spaceId: string };
  "card.created": { card: Card };
  "card.updated": { card: Card };
  "card.moved": { card: Card; fromStatusId: string };
  /** Moved to the trash (DELETE); `name` for the activity. */
  "card.deleted": { cardId: string; spaceId: string; name?: string };
  /** Back from the trash with everything it had; boards put it back like a created card. */
  "card.restored": { card: Card };
  /**
   * A card left this space for another one of the workspace (on the source space's channel). It
   * names only the target's id: readers of this space may not be readers of that one.
   */
  "card.moved_out": { cardId: string; spaceId: string; toSpaceId: string; name: string };
  /**
   * A card arrived from another space (on the target space's channel, in the same transaction as its
   * `card.moved_out`). `droppedLabelNames`: labels the target has no label of that name for;
   * `removedUserIds`: people taken off the card because they cannot read the target.
   */
  "card.moved_in": {
    card: Card;
    fromSpaceId: string;
    fromSpaceName: string;
    toSpaceName: string;
    droppedLabelNames: string[];
    removedUserIds: string[];
  };
  /**
   * Who may read this channel changed (a member left, a space became private, visibility changed).
   * It travels in the channel's own sequence, so the hub re-checks its subscribers exactly between
   * the last event they may see and the first they may not. `userId` null: re-check everyone.
   */
  "access.changed": { workspaceId: string; userId: string | null };
  /** Relations go to the space channel of each card they touch. */
  "relation.created": { relation: CardRelation };
  "relation.deleted": { relation: CardRelation };
  "todo.created": { todo: TodoItem };
  "todo.updated": { todo: TodoItem };
  "todo.deleted": { todoId: string; cardId: string };
  "label.created": { label: Label };
  "label.updated": { label: Label };
  "label.deleted": { labelId: string; spaceId: string };
  "field.created": { field: CustomField };
  /** Options it no longer has are gone from every card's value too. */
  "field.updated": { field: CustomField };
  /** Its values went with it. */
  "field.deleted": { fieldId: string; spaceId: string };
  /**
   * A card's value of a field (null: cleared). `field` is the definition when it was set, so the
   * activity reads the option names and field name of that moment; `previous` the value before.
   */
  "card.field_set": {
    cardId: string;
    spaceId: string;
    field: CustomField;
    value: FieldValue | null;
    previous: FieldValue | null;
  };
  /** On the workspace channel: its templates changed (lists reload; nothing of the content travels). */
  "template.saved": { templateId: string; workspaceId: string; name: string };
  "template.updated": { templateId: string; workspaceId: string; name: string };
  "template.deleted": { templateId: string; workspaceId: string };
  /** On the space channel: the space's card templates changed. */
  "card_template.created": { templateId: string; spaceId: string; workspaceId: string; name: string };
  "card_template.deleted": { templateId: string; spaceId: string; workspaceId: string };
  "comment.created": { comment: Comment };
  "comment.updated": { comment: Comment };
  "comment.deleted": { commentId: string; cardId: string };
  /** With a card.updated beside each, carrying the card's new attachment count and cover. */
  "attachment.created": { attachment: Attachment };
  /** Renamed, or made or unmade the cover; `previousName` tells a rename apart. */
  "attachment.updated": { attachment: Attachment; previousName: string };
  "attachment.deleted": { attachmentId: string; cardId: string; workspaceId: string; name: string };
  "blocking.created": { blocking: Blocking };
  "blocking.cleared": { blocking: Blocking };
  /** On the user channel of the person notified. */
  "notification.created": { notification: Notification };
  "notification.read": { ids: string[] | "all" };
  /** On the user channel of the reminder's owner only: reminders are personal. */
  "reminder.updated": { cardId: string; reminder: Reminder | null };
  /** My space: on the person's own channel only. */
  "my_space.column_created": { column: MySpaceColumn };
  "my_space.column_updated": { column: MySpaceColumn };
  /** Its cards went to the end of `movedTo` (another column of the person's). */
  "my_space.column_deleted": { columnId: string; movedTo: string };
  /** A card put on My space or moved on it. */
  "my_space.card_placed": { placement: MySpacePlacement };
  "my_space.card_removed": { cardId: string };
  /**
   * Saved views: a shared one on the space channel, a personal one on its owner's channel only (its
   * name never reaches anyone else). Choosing a default announces each view whose flag changed.
   */
  "saved_view.created": { view: SavedView };
  "saved_view.updated": { view: SavedView };
  "saved_view.deleted": { viewId: string; spaceId: string };
  /**
   * Never stored: what a reader gets in place of an event they may not see (a private space's
   * creation, change or deletion on the workspace channel). It keeps their seq gapless and says
   * nothing else; reducers ignore it.
   */
  redacted: Record<string, never>;
}

export type EventType = keyof EventPayloads;

/** An event as a command produces it, before it has a channel position. */
export type DraftEvent = {
  [T in EventType]: { channel: Channel; type: T; payload: EventPayloads[T] };
}[EventType];

/** An event as stored and sent to subscribers. */
export type DomainEvent = {
  [T in EventType]: {
    channel: Channel;
    seq: number;
    type: T;
    payload: EventPayloads[T];
    actorId: string | null;
    mutationId: string | null;
    at: string;
  };
}[EventType];

export const draft = <T extends EventType>(
  channel: Channel,
  type: T,
  payload: EventPayloads[T],
): DraftEvent => ({ channel, type, payload }) as DraftEvent;

/**
 * The card an event is about, when it is about one card: a card's own events carry it as `card.id`
 * or `cardId`; to-dos, comments, blockings and documents as their item's `cardId`.
 */
export const eventCardId = (event: Pick<DraftEvent, "payload">): string | null => {
  const payload = event.payload as Record<string, unknown>;
  for (const key of ["todo", "comment", "blocking", "attachment"] as const) {
    const item = payload[key] as { cardId?: unknown } | undefined;
    if (item) return typeof item.cardId === "string" ? item.cardId : null;
  }
  const card = payload.card as { id?: unknown } | undefined;
  if (card) return typeof card.id === "string" ? card.id : null;
  return typeof payload.cardId === "string" ? payload.cardId : null;
};

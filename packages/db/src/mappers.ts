/** Rows to domain entities: ISO timestamps, no storage-only columns (password hashes, tokens). */
import type { Card, Folder, Member, Space, Status, User, Workspace, WorkspaceRole } from "@lattice/domain";
import type { cards, folders, spaces, statuses, users, workspaces } from "./schema/index.js";

const iso = (d: Date): string => d.toISOString();
const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const toUser = (row: typeof users.$inferSelect): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.isAdmin,
  color: row.color,
  locale: row.locale,
  timeZone: row.timeZone,
  theme: row.theme,
  createdAt: iso(row.createdAt),
});

export const toWorkspace = (row: typeof workspaces.$inferSelect, role: WorkspaceRole | null): Workspace => ({
  id: row.id,
  name: row.name,
  description: row.description,
  visibility: row.visibility,
  joinRole: row.joinRole,
  position: row.position,
  archivedAt: isoOrNull(row.archivedAt),
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
  role,
});

export const toMember = (row: {
  workspaceId: string;
  userId: string;
  email: string;
  name: string;
  color: string | null;
  role: WorkspaceRole;
  capacityPerWeek: number | null;
  createdAt: Date;
}): Member => ({
  workspaceId: row.workspaceId,
  userId: row.userId,
  email: row.email,
  name: row.name,
  color: row.color,
  role: row.role,
  capacityPerWeek: row.capacityPerWeek,
  createdAt: iso(row.createdAt),
});

export const toFolder = (row: typeof folders.$inferSelect): Folder => ({
  id: row.id,
  workspaceId: row.workspaceId,
  parentFolderId: row.parentFolderId,
  name: row.name,
  position: row.position,
  archivedAt: isoOrNull(row.archivedAt),
  createdAt: iso(row.createdAt),
});

export const toSpace = (row: typeof spaces.$inferSelect): Space => ({
  id: row.id,
  workspaceId: row.workspaceId,
  folderId: row.folderId,
  name: row.name,
  description: row.description,
  position: row.position,
  isPrivate: row.isPrivate,
  serviceLevelDays: row.serviceLevelDays,
  archivedAt: isoOrNull(row.archivedAt),
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

export const toStatus = (row: typeof statuses.$inferSelect): Status => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  name: row.name,
  position: row.position,
  role: row.role,
  wipLimit: row.wipLimit,
});

/** What a card's row alone does not hold: its people, labels, to-do counts and blockings. */
export interface CardExtras {
  coworkerIds: string[];
  labelIds: string[];
  todoTotal: number;
  todoDone: number;
  isBlocked: boolean;
  attachmentCount: number;
  coverAttachmentId: string | null;
  repeat: Card["repeat"];
}

export const noExtras: CardExtras = {
  coworkerIds: [],
  labelIds: [],
  todoTotal: 0,
  todoDone: 0,
  isBlocked: false,
  attachmentCount: 0,
  coverAttachmentId: null,
  repeat: null,
};

export const toCard = (row: typeof cards.$inferSelect, extras: CardExtras = noExtras): Card => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  statusId: row.statusId,
  name: row.name,
  description: row.description,
  position: row.position,
  createdBy: row.createdBy,
  responsibleId: row.responsibleId,
  coworkerIds: extras.coworkerIds,
  labelIds: extras.labelIds,
  startDate: row.startDate,
  dueDate: row.dueDate,
  todoTotal: extras.todoTotal,
  todoDone: extras.todoDone,
  isBlocked: extras.isBlocked,
  attachmentCount: extras.attachmentCount,
  coverAttachmentId: extras.coverAttachmentId,
  repeat: extras.repeat,
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
  completedAt: isoOrNull(row.completedAt),
  archivedAt: isoOrNull(row.archivedAt),
  version: row.version,
});

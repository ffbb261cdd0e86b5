/**
 * Schemas of people and who sees what: a private space's own members, the instance administrator's
 * list of accounts, the list of public workspaces, a person's own settings and the ways to sign in.
 * Shared by server and web.
 */
import { z } from "zod";
import { joinRoles, locales, themes, workspaceRoles } from "./roles.js";
import { id, isoTime, limits, requiredText } from "./schemas.js";

// ---------- space members ----------

/** A person given a role on one space: for a private space, the list of who may see it. */
export const spaceMemberSchema = z.object({
  spaceId: id,
  userId: id,
  email: z.string(),
  name: z.string(),
  role: z.enum(workspaceRoles),
  createdAt: isoTime,
});
export type SpaceMember = z.infer<typeof spaceMemberSchema>;
export const spaceMemberListSchema = z.array(spaceMemberSchema);

export const addSpaceMemberBody = z
  .object({ userId: id, role: z.enum(workspaceRoles).default("member") })
  .strict();
export type AddSpaceMemberBody = z.infer<typeof addSpaceMemberBody>;

export const updateSpaceMemberBody = z.object({ role: z.enum(workspaceRoles) }).strict();
export type UpdateSpaceMemberBody = z.infer<typeof updateSpaceMemberBody>;

// ---------- public workspaces ----------

/** A public workspace as its list shows it to anyone signed in. */
export const publicWorkspaceSchema = z.object({
  id,
  name: z.string(),
  description: z.string(),
  memberCount: z.number().int().nonnegative(),
  joinRole: z.enum(joinRoles),
  /** The caller is already an explicit member. */
  isMember: z.boolean(),
});
export type PublicWorkspace = z.infer<typeof publicWorkspaceSchema>;
export const publicWorkspaceListSchema = z.array(publicWorkspaceSchema);

// ---------- the instance administrator ----------

export const adminUserSchema = z.object({
  id,
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  createdAt: isoTime,
  deactivatedAt: isoTime.nullable(),
  /** How many sessions the person has now. */
  sessions: z.number().int().nonnegative(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUserListSchema = z.array(adminUserSchema);

/** PATCH /api/admin/users/:id: deactivate (false) or reactivate (true) an account. */
export const updateAdminUserBody = z.object({ active: z.boolean() }).strict();
export type UpdateAdminUserBody = z.infer<typeof updateAdminUserBody>;

// ---------- a person's settings ----------

/** True for a time zone name the runtime knows ("Europe/Paris"); offsets and abbreviations are refused. */
export const isTimeZone = (value: string): boolean => {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

// ---------- initials colours ----------

/*
 * The palette a person chooses from on their settings page, each dark enough for white initials
 * (WCAG contrast of at least 4.5:1, checked by the tests), and the colour a person has until they
 * choose, derived from their id so it is the same on every screen. Here rather than in a module of
 * its own: every avatar of the first screen reads it, and a chunk of its own costs bytes there.
 */
export const initialsColors = [
  "#1d4ed8",
  "#6d28d9",
  "#a21caf",
  "#be185d",
  "#b91c1c",
  "#c2410c",
  "#a16207",
  "#4d7c0f",
  "#15803d",
  "#0f766e",
  "#0e7490",
  "#475569",
] as const;
export type InitialsColor = (typeof initialsColors)[number];

/** The colour of someone who has not chosen one: the same for an id everywhere. */
export const defaultInitialsColor = (id: string): InitialsColor => {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return initialsColors[Math.abs(hash) % initialsColors.length] ?? initialsColors[0];
};

/** What an avatar shows: the person's choice, or the one derived from their id. */
export const initialsColorOf = (id: string, chosen: string | null | undefined): string =>
  chosen ?? defaultInitialsColor(id);

export const colorPattern = /^#[0-9a-f]{6}$/i;

export const updateSettingsBody = z
  .object({
    name: requiredText(limits.nameMax).optional(),
    /** One of the palette (enough contrast for white initials); null: the one derived from the id. */
    color: z
      .string()
      .transform((v) => v.toLowerCase())
      .pipe(z.enum(initialsColors, { error: "must be one of the palette's colours" }))
      .nullable()
      .optional(),
    locale: z.enum(locales).optional(),
    timeZone: z
      .string()
      .max(64, "must be at most 64 characters")
      .refine(isTimeZone, "must be a time zone name such as Europe/Paris")
      .nullable()
      .optional(),
    theme: z.enum(themes).optional(),
  })
  .strict();
export type UpdateSettingsBody = z.infer<typeof updateSettingsBody>;

export const WorkspaceRole = { owner: "owner", member: "member", visitor: "visitor" } as const;
export type WorkspaceRole = (typeof WorkspaceRole)[keyof typeof WorkspaceRole];
export const workspaceRoles = ["owner", "member", "visitor"] as const satisfies readonly WorkspaceRole[];
/** What joining a public workspace from its list makes a person: never an owner. */
export const joinRoles = ["visitor", "member"] as const satisfies readonly WorkspaceRole[];
export type JoinRole = (typeof joinRoles)[number];

/** A person's colour scheme: a fixed one, or whatever their system prefers. */
export const themes = ["light", "dark", "system"] as const;
export type Theme = (typeof themes)[number];

/**
 * The languages a person can choose. The web app ships messages for en, de and ar (apps/web/src/lib/i18n);
 * the others keep their dates and numbers in that language and show the interface in English until
 * their messages are written (docs/I18N.md).
 */
export const locales = ["en", "de", "ar", "fr", "es", "it", "nl", "pt"] as const;
export type Locale = (typeof locales)[number];

/**
 * private: only invited users know it exists. public: every user of the instance can see and read it
 * (as a visitor until invited). org_wide: every user of the instance is a member.
 */
export const Visibility = { private: "private", public: "public", orgWide: "org_wide" } as const;
export type Visibility = (typeof Visibility)[keyof typeof Visibility];
export const visibilities = ["private", "public", "org_wide"] as const satisfies readonly Visibility[];

/** Charts and progress read the role of a status, never its name. */
export const StatusRole = {
  information: "information",
  notStarted: "not_started",
  inProgress: "in_progress",
  completed: "completed",
  cancelled: "cancelled",
} as const;
export type StatusRole = (typeof StatusRole)[keyof typeof StatusRole];
export const statusRoles = [
  "information",
  "not_started",
  "in_progress",
  "completed",
  "cancelled",
] as const satisfies readonly StatusRole[];

export const defaultStatuses: ReadonlyArray<{ name: string; role: StatusRole }> = [
  { name: "To Do", role: "not_started" },
  { name: "Doing", role: "in_progress" },
  { name: "Done", role: "completed" },
];

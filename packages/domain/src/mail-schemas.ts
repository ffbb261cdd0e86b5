/**
 * Schemas of mail-borne flows: invitations, "forgot password", the instance's sign-up mode and the
 * admins' outbox. Shared by server and web. Tokens travel in the link's fragment and then in request
 * bodies, never in a URL path or query, so they stay out of access logs and Referer headers.
 */
import { z } from "zod";
import type { NotificationKind } from "./coordination-schemas.js";
import { workspaceRoles } from "./roles.js";
import { email, id, isoTime, limits, requiredText } from "./schemas.js";

/** A link's secret as it appears in a message: 43 base64url characters (32 random bytes). */
export const linkToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "is not a valid link; copy the whole link from the message");

const newPassword = z
  .string()
  .min(limits.passwordMin, `must be at least ${limits.passwordMin} characters`)
  .max(limits.passwordMax, `must be at most ${limits.passwordMax} characters`);

// ---------- invitations ----------

export const createInvitationBody = z.object({ email, role: z.enum(workspaceRoles).default("member") });
export type CreateInvitationBody = z.infer<typeof createInvitationBody>;

export const invitationParams = z.object({ id, invitationId: id });

/**
 * POST /api/spaces/:id/invitations: invite to one private space with a role in it (owner, member or
 * visitor). Whoever accepts and is not yet in the workspace joins it as a visitor.
 */
export const createSpaceInvitationBody = z.object({
  email,
  role: z.enum(workspaceRoles).default("member"),
});
export type CreateSpaceInvitationBody = z.infer<typeof createSpaceInvitationBody>;

/** The workspace role of a person who joins the workspace by accepting a space invitation. */
export const spaceInvitationWorkspaceRole = "visitor" as const;

/** A pending invitation as its workspace's (or, for a space, the space's) owners see it. */
export const invitationSchema = z.object({
  id,
  workspaceId: id,
  /** Set for an invitation to one space; `spaceRole` is the role in it. */
  spaceId: id.nullable(),
  spaceRole: z.enum(workspaceRoles).nullable(),
  email: z.string(),
  /** The workspace role given on joining (for a space invitation, if not yet in the workspace). */
  role: z.enum(workspaceRoles),
  invitedBy: z.object({ id, name: z.string() }).nullable(),
  createdAt: isoTime,
  sentAt: isoTime,
  expiresAt: isoTime,
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = z.array(invitationSchema);

export const tokenBody = z.object({ token: linkToken });
export type TokenBody = z.infer<typeof tokenBody>;

export const invitationStates = ["pending", "accepted", "expired", "revoked"] as const;
export type InvitationState = (typeof invitationStates)[number];

/** POST /api/invitations/preview: what the acceptance page shows (only to whoever holds the link). */
export const invitationPreviewSchema = z.object({
  state: z.enum(invitationStates),
  workspaceName: z.string(),
  workspaceId: id,
  /** For an invitation to one space: the space and the role in it. */
  spaceId: id.nullable(),
  spaceName: z.string().nullable(),
  spaceRole: z.enum(workspaceRoles).nullable(),
  email: z.string(),
  role: z.enum(workspaceRoles),
  inviterName: z.string().nullable(),
  expiresAt: isoTime,
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** POST /api/invitations/accept-new: a person without an account names themselves and picks a password. */
export const acceptInvitationNewBody = z.object({
  token: linkToken,
  name: requiredText(limits.nameMax),
  password: newPassword,
});
export type AcceptInvitationNewBody = z.infer<typeof acceptInvitationNewBody>;

/** Where the accepted invitation leads: the workspace, or the space when it was to one. */
export const acceptedInvitationSchema = z.object({
  workspaceId: id,
  role: z.enum(workspaceRoles),
  spaceId: id.nullable(),
});
export type AcceptedInvitation = z.infer<typeof acceptedInvitationSchema>;

// ---------- password reset ----------

export const forgotPasswordBody = z.object({ email });
export type ForgotPasswordBody = z.infer<typeof forgotPasswordBody>;
/** The same answer whether or not the address has an account. */
export const forgotPasswordReplySchema = z.object({ accepted: z.literal(true) });

export const resetPasswordBody = z.object({ token: linkToken, password: newPassword });
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;

// ---------- outbox ----------

/** cancelled: an instant message about a notification the person read in the app before it left. */
export const mailStates = ["queued", "sent", "failed", "cancelled"] as const;
export type MailState = (typeof mailStates)[number];

export const outboxMessageSchema = z.object({
  id,
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  state: z.enum(mailStates),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: isoTime,
  sentAt: isoTime.nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** GET /api/admin/outbox: newest first, with whether mail leaves by SMTP at all. */
export const outboxSchema = z.object({
  smtpConfigured: z.boolean(),
  messages: z.array(outboxMessageSchema),
});
export type Outbox = z.infer<typeof outboxSchema>;

// ---------- e-mail notifications ----------

/**
 * What a person chooses about by e-mail: each topic groups the notification kinds a person thinks of
 * as one thing (made responsible or co-worker; blocked or unblocked).
 */
export const mailTopics = [
  "mentioned",
  "assigned",
  "reminder",
  "blocked",
  "commented",
  "status_changed",
] as const;
export type MailTopic = (typeof mailTopics)[number];

/** instant: a message of its own (after a short grace); digest: in the daily digest; never: no mail. */
export const mailDeliveries = ["instant", "digest", "never"] as const;
export type MailDelivery = (typeof mailDeliveries)[number];

export const defaultMailDeliveries: Readonly<Record<MailTopic, MailDelivery>> = {
  mentioned: "instant",
  reminder: "instant",
  assigned: "digest",
  blocked: "digest",
  commented: "digest",
  status_changed: "digest",
};

const topicOfKind: Readonly<Record<NotificationKind, MailTopic>> = {
  mentioned: "mentioned",
  assigned_responsible: "assigned",
  assigned_coworker: "assigned",
  reminder: "reminder",
  blocked: "blocked",
  unblocked: "blocked",
  commented: "commented",
  status_changed: "status_changed",
};
export const mailTopicOf = (kind: NotificationKind): MailTopic => topicOfKind[kind];

const delivery = z.enum(mailDeliveries);

export const mailPreferencesSchema = z.object({
  topics: z.object({
    mentioned: delivery,
    assigned: delivery,
    reminder: delivery,
    blocked: delivery,
    commented: delivery,
    status_changed: delivery,
  }),
  /** The morning message: due and late cards, blocked cards, unread mentions and the digest topics. */
  dailyDigest: z.boolean(),
});
export type MailPreferences = z.infer<typeof mailPreferencesSchema>;

export const defaultMailPreferences: MailPreferences = {
  topics: { ...defaultMailDeliveries },
  dailyDigest: true,
};

/** PATCH /api/me/mail-preferences: any topics and/or the digest; what is left out stays. */
export const updateMailPreferencesBody = z
  .object({
    topics: mailPreferencesSchema.shape.topics.partial().strict().optional(),
    dailyDigest: z.boolean().optional(),
  })
  .strict();
export type UpdateMailPreferencesBody = z.infer<typeof updateMailPreferencesBody>;

/** What an unsubscribe link turns off: one topic, or the daily digest. */
export const unsubscribeScopes = [...mailTopics, "digest"] as const;
export type UnsubscribeScope = (typeof unsubscribeScopes)[number];

/** An unsubscribe link's token as the message carries it (`<user id>.<scope>.<signature>`). */
export const unsubscribeToken = z
  .string()
  .min(1, "is missing; copy the whole link from the message")
  .max(200, "is not a valid link; copy the whole link from the message");

export const unsubscribeQuery = z.object({ token: unsubscribeToken });
export const unsubscribeBody = z.object({ token: unsubscribeToken });

/** What an unsubscribe link turns off, and whether it is off already. */
export const unsubscribeStateSchema = z.object({ scope: z.enum(unsubscribeScopes), isOff: z.boolean() });
export type UnsubscribeState = z.infer<typeof unsubscribeStateSchema>;

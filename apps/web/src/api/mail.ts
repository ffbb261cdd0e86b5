/** Typed calls for mail-borne flows: invitations, password reset, sign-up mode and the outbox. */
import {
  type AcceptInvitationNewBody,
  acceptedInvitationSchema,
  type CreateInvitationBody,
  type CreateSpaceInvitationBody,
  forgotPasswordReplySchema,
  invitationListSchema,
  invitationPreviewSchema,
  invitationSchema,
  mailPreferencesSchema,
  outboxSchema,
  type ResetPasswordBody,
  type UpdateMailPreferencesBody,
  unsubscribeStateSchema,
} from "@lattice/domain";
import { request, requestEmpty } from "./client";

export const mailApi = {
  mailPreferences: () => request("GET", "/api/me/mail-preferences", mailPreferencesSchema),
  updateMailPreferences: (body: UpdateMailPreferencesBody) =>
    request("PATCH", "/api/me/mail-preferences", mailPreferencesSchema, { body }),
  previewUnsubscribe: (token: string) =>
    request("POST", "/api/mail/unsubscribe/preview", unsubscribeStateSchema, { body: { token } }),
  unsubscribe: (token: string) =>
    request("POST", `/api/mail/unsubscribe?token=${encodeURIComponent(token)}`, unsubscribeStateSchema),

  forgotPassword: (email: string) =>
    request("POST", "/api/auth/password/forgot", forgotPasswordReplySchema, { body: { email } }),
  resetPassword: (body: ResetPasswordBody) => requestEmpty("POST", "/api/auth/password/reset", { body }),

  invite: (workspaceId: string, body: CreateInvitationBody) =>
    request("POST", `/api/workspaces/${workspaceId}/invitations`, invitationSchema, { body }),
  listInvitations: (workspaceId: string) =>
    request("GET", `/api/workspaces/${workspaceId}/invitations`, invitationListSchema),
  resendInvitation: (workspaceId: string, invitationId: string) =>
    request("POST", `/api/workspaces/${workspaceId}/invitations/${invitationId}/resend`, invitationSchema),
  revokeInvitation: (workspaceId: string, invitationId: string) =>
    requestEmpty("DELETE", `/api/workspaces/${workspaceId}/invitations/${invitationId}`),

  inviteToSpace: (spaceId: string, body: CreateSpaceInvitationBody) =>
    request("POST", `/api/spaces/${spaceId}/invitations`, invitationSchema, { body }),
  listSpaceInvitations: (spaceId: string) =>
    request("GET", `/api/spaces/${spaceId}/invitations`, invitationListSchema),
  resendSpaceInvitation: (spaceId: string, invitationId: string) =>
    request("POST", `/api/spaces/${spaceId}/invitations/${invitationId}/resend`, invitationSchema),
  revokeSpaceInvitation: (spaceId: string, invitationId: string) =>
    requestEmpty("DELETE", `/api/spaces/${spaceId}/invitations/${invitationId}`),

  previewInvitation: (token: string) =>
    request("POST", "/api/invitations/preview", invitationPreviewSchema, { body: { token } }),
  acceptInvitation: (token: string) =>
    request("POST", "/api/invitations/accept", acceptedInvitationSchema, { body: { token } }),
  acceptInvitationNew: (body: AcceptInvitationNewBody) =>
    request("POST", "/api/invitations/accept-new", acceptedInvitationSchema, { body }),

  outbox: () => request("GET", "/api/admin/outbox", outboxSchema),
};

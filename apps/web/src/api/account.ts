/** Typed calls for the person's own account: password and sessions. */
import { accountSessionListSchema, type ChangePasswordBody, signedOutSchema } from "@lattice/domain";
import { request, requestEmpty } from "./client";

export const accountApi = {
  changePassword: (body: ChangePasswordBody) => requestEmpty("POST", "/api/me/password", { body }),
  listSessions: (signal?: AbortSignal) =>
    request("GET", "/api/me/sessions", accountSessionListSchema, signal ? { signal } : {}),
  signOutSession: (id: string) => requestEmpty("DELETE", `/api/me/sessions/${id}`),
  signOutOthers: () => request("POST", "/api/me/sessions/sign-out-others", signedOutSchema),
};

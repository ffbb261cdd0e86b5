/**
 * The session's routes, apart from the rest of `api` so that the app's entry (session check and
 * sign-in) does not carry every endpoint of the app.
 */
import type { LoginBody, SignupBody } from "@lattice/domain";
import { request, requestEmpty } from "./client";

const userSchema = () => import("./first-screen-schemas").then((m) => m.userSchema);

export const sessionApi = {
  signup: (body: SignupBody) => request("POST", "/api/auth/signup", userSchema, { body }),
  login: (body: LoginBody) => request("POST", "/api/auth/login", userSchema, { body }),
  logout: () => requestEmpty("POST", "/api/auth/logout"),
  me: () => request("GET", "/api/me", userSchema),
};

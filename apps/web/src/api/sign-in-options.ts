/**
 * What the sign-in and sign-up pages ask before anything else: the ways in and the sign-up mode.
 * Apart from the mail and people APIs so that the first screen does not carry their schemas.
 */
import { request } from "./client";

const signInMethodsSchema = () => import("./first-screen-schemas").then((m) => m.signInMethodsSchema);
const signupModeSchema = () => import("./first-screen-schemas").then((m) => m.signupModeSchema);

export const fetchSignInMethods = () => request("GET", "/api/auth/methods", signInMethodsSchema);
export const fetchSignupMode = () => request("GET", "/api/auth/signup-mode", signupModeSchema);

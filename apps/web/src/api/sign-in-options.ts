/**
 * What the sign-in and sign-up pages ask before anything else: the ways in and the sign-up mode.
 * Apart from the mail and people APIs so that the first screen does not carry their schemas.
 */
import { signInMethodsSchema, signupModeSchema } from "@lattice/domain";
import { request } from "./client";

export const fetchSignInMethods = () => request("GET", "/api/auth/methods", signInMethodsSchema);
export const fetchSignupMode = () => request("GET", "/api/auth/signup-mode", signupModeSchema);

/**
 * What the sign-in and sign-up pages read first: the ways in and the sign-up mode. A module of its
 * own because schemas are built when their module loads: the web app's first screen carries only these.
 */
import { z } from "zod";

export const signupModes = ["open", "invitation", "sso"] as const;
export type SignupMode = (typeof signupModes)[number];

/** GET /api/auth/signup-mode: what the login page offers. */
export const signupModeSchema = z.object({
  mode: z.enum(signupModes),
  /** Whether a new account may be made with a password right now (always true for the first one). */
  canSignUp: z.boolean(),
});
export type SignupModeInfo = z.infer<typeof signupModeSchema>;

/** GET /api/auth/methods: what the login page offers. */
export const signInMethodsSchema = z.object({
  password: z.boolean(),
  /** Single sign-on, when configured: the button's label. */
  sso: z.object({ label: z.string() }).nullable(),
});
export type SignInMethods = z.infer<typeof signInMethodsSchema>;

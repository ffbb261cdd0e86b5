/**
 * The reply schemas of the first screen's requests (session, sign-in options), loaded with `import()`
 * beside the requests themselves, so the sign-in page renders without zod (docs/ARCHITECTURE.md, Loading).
 */
export { signInMethodsSchema, signupModeSchema, userSchema } from "@lattice/domain";

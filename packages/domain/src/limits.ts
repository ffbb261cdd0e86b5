/**
 * The lengths and sizes every request is held to, in a module of their own without zod: the sign-in
 * page reads them (password length) and must not carry the schema library on the first screen.
 */
export const limits = {
  nameMax: 120,
  cardNameMax: 500,
  descriptionMax: 20_000,
  emailMax: 254,
  passwordMin: 8,
  passwordMax: 256,
  wipLimitMax: 10_000,
} as const;

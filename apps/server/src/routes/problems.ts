import { z } from "zod";
import { errorCodes } from "./problem-codes.js";

/** The problem+json reply, for route schemas (and so for the OpenAPI document). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(errorCodes),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe("application/problem+json");

export const problemResponses = <S extends number>(...statuses: S[]): Record<S, typeof problemSchema> =>
  Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>;

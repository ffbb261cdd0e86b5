/** Requests about repeating cards (docs/RECURRING.md); the card's `repeat` is in schemas.ts. */
import { z } from "zod";
import { isTimeZone } from "./people-schemas.js";
import { repeatLimits } from "./recurrence.js";
import { calendarDate, plainText, repeatCreateWhens } from "./schemas.js";

export const repeatEndsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("never") }),
  z.object({ kind: z.literal("after"), count: z.number().int().min(1).max(repeatLimits.endsAfterMax) }),
  z.object({ kind: z.literal("on"), date: calendarDate }),
]);
export type RepeatEnds = z.infer<typeof repeatEndsSchema>;

export const setRepeatBody = z.strictObject({
  /** RFC 5545 RRULE text, e.g. `FREQ=MONTHLY;BYDAY=+2TU`; a COUNT or UNTIL in it is its end. */
  rule: plainText(repeatLimits.ruleMax),
  /** The end; absent: the rule's own COUNT or UNTIL, else never (or the series' end when editing). */
  ends: repeatEndsSchema.optional(),
  createWhen: z.enum(repeatCreateWhens).default("completed"),
  /** For `before_start`: how many days before its date the next occurrence is made. */
  daysBefore: z.number().int().min(0).max(repeatLimits.daysBeforeMax).default(0),
  /** IANA time zone of "today" for the series; absent: the series' own, else the person's, else UTC. */
  timeZone: z
    .string()
    .max(100)
    .refine(isTimeZone, "must be a time zone name such as Europe/Paris")
    .optional(),
});
export type SetRepeatBody = z.infer<typeof setRepeatBody>;
/** What a client sends (the defaults filled in by the server). */
export type SetRepeatInput = z.input<typeof setRepeatBody>;

/**
 * Request and reply schemas of the chart endpoints, shared by the server (validation, OpenAPI) and
 * the web app. Query values arrive as strings and are coerced here.
 */
import { z } from "zod";
import { statusRoles } from "../roles.js";
import { calendarDate, id } from "../schemas.js";
import { dayOfIsoDate } from "./calendar.js";
import { forecastDefaults } from "./forecast.js";
import { chartLimits } from "./limits.js";

/** Chart periods and target dates are bounded like every date of the API (`dateRange`). */
const isoDate = calendarDate;

const rangeFields = {
  from: isoDate.optional().describe("First day (UTC), inclusive."),
  to: isoDate.optional().describe("Last day (UTC), inclusive."),
};

/** One custom field's filter: the card's value is (or includes) an option or person, or is set, or is not. */
export interface ChartFieldFilter {
  fieldId: string;
  /** An option id or user id, `set` (any value) or `none` (no value). */
  value: string;
}

const maxFieldFilters = 10;
const uuidText = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const fieldFilterPattern = new RegExp(`^${uuidText}:(${uuidText}|set|none)$`);

/** `fields=<fieldId>:<value>,…`, as the board's `field.<fieldId>=<value>` filters. */
const fieldFilterList = z
  .string()
  .transform((text, ctx): ChartFieldFilter[] => {
    const pairs = text.split(",").filter(Boolean);
    if (pairs.length > maxFieldFilters) {
      ctx.addIssue({
        code: "custom",
        message: `at most ${maxFieldFilters} field filters`,
        params: { refusal: { key: "refusal.field.fieldFiltersMax", values: { max: maxFieldFilters } } },
      });
      return z.NEVER;
    }
    const bad = pairs.find((pair) => !fieldFilterPattern.test(pair));
    if (bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `'${bad.slice(0, 80)}' is not <fieldId>:<optionId|userId|set|none>`,
        params: {
          refusal: {
            key: "refusal.field.fieldFilterForm",
            values: { filter: bad.slice(0, 80), form: "<fieldId>:<optionId|userId|set|none>" },
          },
        },
      });
      return z.NEVER;
    }
    const filters = pairs.map((pair) => {
      const [fieldId = "", value = ""] = pair.split(":");
      return { fieldId: fieldId.toLowerCase(), value: value.toLowerCase() };
    });
    if (new Set(filters.map((f) => f.fieldId)).size < filters.length) {
      ctx.addIssue({
        code: "custom",
        message: "names a field twice",
        params: { refusal: { key: "refusal.field.fieldFilterTwice" } },
      });
      return z.NEVER;
    }
    return filters;
  })
  .optional()
  .describe(
    "Only cards whose custom fields pass every filter: a comma list of `<fieldId>:<value>`, where the value is an option id or user id (the card's value is it or includes it), `set` (has a value) or `none` (has none).",
  );

/** Narrow a chart to some cards. */
const cardFilterFields = {
  responsibleId: id.optional().describe("Only cards with this responsible person."),
  labelId: id.optional().describe("Only cards with this label."),
  fields: fieldFilterList,
};

type Range = { from?: string | undefined; to?: string | undefined };

const checkRange = (value: Range, ctx: z.core.$RefinementCtx<Range>) => {
  if (!value.from || !value.to) return;
  const days = dayOfIsoDate(value.to) - dayOfIsoDate(value.from) + 1;
  if (days < 1)
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: "must not be before from",
      params: { refusal: { key: "refusal.field.toBeforeFrom" } },
    });
  else if (days > chartLimits.maxRangeDays) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `must be at most ${chartLimits.maxRangeDays} days after from`,
      params: {
        refusal: { key: "refusal.field.rangeAfterFrom", values: { days: chartLimits.maxRangeDays } },
      },
    });
  }
};

/** `?from=&to=`: ISO dates; the server defaults to the last 90 days. */
export const chartRangeQuery = z
  .object({ ...rangeFields, ...cardFilterFields })
  .strict()
  .superRefine(checkRange);
export type ChartRangeQuery = z.infer<typeof chartRangeQuery>;

const integerParam = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const confidenceList = z
  .string()
  .regex(/^\d{1,2}(,\d{1,2})*$/, "must be a comma-separated list of percentages between 1 and 99")
  .transform((s) => s.split(",").map(Number))
  .refine((list) => list.every((c) => c >= 1 && c <= 99), "each percentage must be between 1 and 99")
  .refine(
    (list) => list.length <= chartLimits.maxConfidences,
    `at most ${chartLimits.maxConfidences} levels`,
  );

export const forecastQuery = z
  .object({
    windowWeeks: integerParam(1, chartLimits.maxWindowWeeks, forecastDefaults.windowWeeks).describe(
      "Weeks of throughput history, ending today.",
    ),
    confidence: confidenceList
      .optional()
      .transform((list) => list ?? [...forecastDefaults.confidences])
      .describe("Confidence levels in percent, e.g. 15,50,85."),
    trials: integerParam(chartLimits.minTrials, chartLimits.maxTrials, forecastDefaults.trials),
    seed: integerParam(0, 4_294_967_295, forecastDefaults.seed),
    targetDate: isoDate.optional().describe('Answer "how many cards by this date".'),
    from: isoDate.optional().describe("First day of the burn-up (default: the first card's creation)."),
    ...cardFilterFields,
  })
  .strict();
export type ForecastQuery = z.infer<typeof forecastQuery>;

// ---------- replies ----------

const summarySchema = z.object({
  count: z.number().int(),
  average: z.number().nullable(),
  median: z
    .number()
    .nullable()
    .describe("The middle value; for an even count the mean of the two middle values."),
  p85: z
    .number()
    .nullable()
    .describe("85th percentile by nearest rank: the value at rank ceil(0.85 · count), an observed value."),
  p95: z
    .number()
    .nullable()
    .describe("95th percentile by nearest rank: the value at rank ceil(0.95 · count), an observed value."),
});

const binSchema = z.object({ days: z.number().int(), count: z.number().int() });
const statusTimeSchema = z.object({ statusId: z.string(), days: z.number() });

export const chartStatusSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(statusRoles) });

const wholeNumbers = z.array(z.number().int());

/**
 * The Time chart's cards as columns (index i of every list is one card, by completion time): the
 * whole chart of two years is about a third of one object per card with repeated keys, ISO
 * timestamps and status ids. Durations are whole milliseconds (the days of `timeChartFromReply` are
 * them divided by a day, exactly as computed). `timeChartFromReply` turns it back into the chart.
 */
const timePointColumnsSchema = z
  .object({
    start: z
      .number()
      .int()
      .describe("The first instant of `from` (UTC) in epoch milliseconds: `completedAt` counts from it."),
    cardIds: z.array(z.string()),
    names: z.array(z.string()),
    completedAt: wholeNumbers.describe("Milliseconds from `start` to the card's final completion."),
    leadDays: wholeNumbers,
    reactionDays: z.array(z.number().int().nullable()),
    cycleDays: z.array(z.number().int().nullable()),
    blockedMs: wholeNumbers.describe("Milliseconds blocked (overlapping blockings counted once)."),
    statusIds: z
      .array(z.string())
      .describe(
        "The statuses `timeInStatus` names by index: those of `statuses` first, then any since deleted.",
      ),
    timeInStatus: z
      .array(wholeNumbers)
      .describe("Per card, pairs of a status index and the milliseconds spent in it, in first-visit order."),
  })
  .refine(
    (p) =>
      [p.names, p.completedAt, p.leadDays, p.reactionDays, p.cycleDays, p.blockedMs, p.timeInStatus].every(
        (column) => column.length === p.cardIds.length,
      ),
    "every column has one value per card",
  );

export const timeChartSchema = z.object({
  from: z.string(),
  to: z.string(),
  statuses: z.array(chartStatusSchema).describe("The space's statuses in board order."),
  points: timePointColumnsSchema,
  lead: summarySchema,
  reaction: summarySchema,
  cycle: summarySchema,
  histograms: z.object({ lead: z.array(binSchema), reaction: z.array(binSchema), cycle: z.array(binSchema) }),
  timeInStatus: z.array(statusTimeSchema),
  blocked: z.object({ cards: z.number().int(), days: z.number() }),
});
/** The Time chart as it travels: its cards as columns (`timeChartReplyOf`, `timeChartFromReply`). */
export type TimeChartReply = z.infer<typeof timeChartSchema>;

const labelSchema = z.enum(["optimistic", "most_likely", "pessimistic"]).nullable();

const forecastBase = {
  today: z.string(),
  remaining: z.number().int(),
  window: z.object({ weeks: z.number().int(), from: z.string(), to: z.string() }),
  throughput: z.array(z.object({ from: z.string(), to: z.string(), completed: z.number().int() })),
};

export const forecastSchema = z.discriminatedUnion("status", [
  z.object({
    ...forecastBase,
    status: z.literal("forecast"),
    trials: z.number().int(),
    seed: z.number().int(),
    dates: z.array(
      z.object({
        confidence: z.number(),
        label: labelSchema,
        weeks: z.number().int().nullable(),
        date: z.string().nullable(),
      }),
    ),
    howMany: z
      .object({
        targetDate: z.string(),
        weeks: z.number().int(),
        remaining: z.number().int().describe("Cards left to do today: no answer is larger."),
        levels: z.array(
          z.object({
            confidence: z.number(),
            label: labelSchema,
            cards: z
              .number()
              .int()
              .describe(
                "At least this many of the remaining cards are done by targetDate at this confidence.",
              ),
            pace: z
              .number()
              .int()
              .describe(
                "What the weekly throughput alone would complete; above `remaining` when it would finish them all.",
              ),
          }),
        ),
      })
      .nullable(),
  }),
  z.object({ ...forecastBase, status: z.literal("done") }),
  z.object({
    ...forecastBase,
    status: z.literal("insufficient_history"),
    reason: z.enum(["no_history", "no_completions", "too_few_weeks"]),
    message: z.string(),
  }),
]);

export const forecastChartSchema = z.object({
  /** The spaces the chart covers (for a folder or workspace: those the caller may read). */
  spaceIds: z.array(z.string()),
  burnup: z.array(z.object({ date: z.string(), scope: z.number().int(), completed: z.number().int() })),
  forecast: forecastSchema,
});
export type ForecastChartReply = z.infer<typeof forecastChartSchema>;

export const cumulativeFlowSchema = z.object({
  from: z.string(),
  to: z.string(),
  statuses: z.array(chartStatusSchema),
  days: z.array(z.object({ date: z.string(), counts: z.array(z.number().int()) })),
  currentWip: z.number().int(),
  measuredFrom: z
    .string()
    .nullable()
    .describe(
      "First day the averages cover: from, or the day the first card was created if later; null when no card existed yet.",
    ),
  measuredDays: z.number().int().describe("Days the averages cover, measuredFrom to to."),
  averageWip: z
    .number()
    .describe("Card-days in in-progress statuses over the measured days, divided by them (time-weighted)."),
  completions: z.number().int().describe("Entries into a completed status during the measured days."),
  throughputPerDay: z.number().describe("Completions per measured day."),
  approximateCycleDays: z
    .number()
    .nullable()
    .describe(
      "Average WIP / throughput (Little's law): an approximation, not a measurement; null when nothing was completed.",
    ),
});
export type CumulativeFlowReply = z.infer<typeof cumulativeFlowSchema>;

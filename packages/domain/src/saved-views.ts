/**
 * Saved views: a space's view (board, list, calendar, Gantt, workload or a chart) kept under a name
 * with the address query that holds its filters, grouping, sort and columns. A view with no owner is
 * shared with everyone in the space; one shared view may be the space's default.
 */
export const savedViewKinds = [
  "board",
  "list",
  "calendar",
  "gantt",
  "workload",
  "forecast",
  "time",
  "flow",
  "aging",
] as const;
export type SavedViewKind = (typeof savedViewKinds)[number];

/** Bounds the database holds service-level targets and capacities to (checked again by the schemas). */
export const serviceLevelDaysRange = { min: 1, max: 3650 } as const;
export const capacityPerWeekRange = { min: 1, max: 500 } as const;

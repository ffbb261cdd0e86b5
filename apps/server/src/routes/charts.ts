/**
 * Chart endpoints: Time chart, Forecast chart (burn-up + Monte Carlo forecast) and cumulative flow.
 * Thin, like every route: validate the query → authorize read (404 for what the caller may not see)
 * → load the history (one query, or none while the spaces are unchanged: `chart-cache.ts`) →
 * compute with the domain's chart functions → reply. "Today" is the server's current UTC date.
 */
import { folderAccess, spaceAccess, spacesWithRoles, tables, workspaceAccess } from "@lattice/db";
import {
  agingChartOf,
  agingChartSchema,
  type ChartRangeQuery,
  calendarDate,
  chartLimits,
  chartRangeQuery,
  cumulativeFlowOf,
  cumulativeFlowSchema,
  dayOf,
  dayOfIsoDate,
  type ForecastQuery,
  forecastChartOf,
  forecastChartSchema,
  forecastQuery,
  idParams,
  isoDateOfDay,
  type StatusRole,
  type TimeChartReply,
  timeChartOf,
  timeChartReplyOf,
  timeChartSchema,
  workspaceDashboard,
  workspaceDashboardSchema,
} from "@lattice/domain";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize, invalidField } from "../commands/authorize.js";
import { currentUser } from "../plugins/auth.js";
import { createChartCache } from "../queries/chart-cache.js";
import { type CardFilter, readableSpaceIds } from "../queries/chart-data.js";
import { createChartReplyCache } from "../queries/chart-reply-cache.js";
import { loadLabelTargets } from "../queries/service-levels.js";
import { problemResponses } from "./problems.js";
import { replyEncoding } from "./reply-encoding.js";

const DEFAULT_RANGE_DAYS = 90;

const todayDay = (): number => dayOf(Date.now());

const filterOf = (query: CardFilter): CardFilter => ({
  responsibleId: query.responsibleId,
  labelId: query.labelId,
  fields: query.fields,
});

/** The period of a range query: default the last 90 days up to today. */
const periodOf = (query: ChartRangeQuery): { from: string; to: string } => {
  const to = query.to ?? isoDateOfDay(todayDay());
  const from = query.from ?? isoDateOfDay(dayOfIsoDate(to) - (DEFAULT_RANGE_DAYS - 1));
  if (dayOfIsoDate(from) > dayOfIsoDate(to))
    throw invalidField("querystring.from", "must not be after to", { key: "refusal.field.fromAfterTo" });
  if (dayOfIsoDate(to) - dayOfIsoDate(from) + 1 > chartLimits.maxRangeDays) {
    throw invalidField("querystring.from", `must be at most ${chartLimits.maxRangeDays} days before to`, {
      key: "refusal.field.rangeBeforeTo",
      values: { days: chartLimits.maxRangeDays },
    });
  }
  return { from, to };
};

/** Checks the forecast query against today and returns the domain's options. */
const forecastOptionsOf = (query: ForecastQuery) => {
  const today = todayDay();
  if (query.targetDate && dayOfIsoDate(query.targetDate) - today > chartLimits.maxTargetDays) {
    throw invalidField(
      "querystring.targetDate",
      `must be at most ${chartLimits.maxTargetDays} days from today`,
      { key: "refusal.field.targetFromToday", values: { days: chartLimits.maxTargetDays } },
    );
  }
  if (query.from && dayOfIsoDate(query.from) > today) {
    throw invalidField("querystring.from", "must not be after today", {
      key: "refusal.field.fromAfterToday",
    });
  }
  if (query.from && today - dayOfIsoDate(query.from) + 1 > chartLimits.maxRangeDays) {
    throw invalidField("querystring.from", `must be at most ${chartLimits.maxRangeDays} days ago`, {
      key: "refusal.field.rangeAgo",
      values: { days: chartLimits.maxRangeDays },
    });
  }
  return {
    today: isoDateOfDay(today),
    windowWeeks: query.windowWeeks,
    confidences: query.confidence,
    trials: query.trials,
    seed: query.seed,
    targetDate: query.targetDate ?? null,
    from: query.from ?? null,
  };
};

export const chartRoutes: FastifyPluginAsyncZod = async (app) => {
  // One per app (so per process): see chart-cache.ts for why it is never stale.
  const cache = createChartCache();
  const load = (spaceIds: readonly string[], filter: CardFilter) => cache.load(app.db.db, spaceIds, filter);
  // The Time chart's reply is the one that grows with the history (every card completed in the period).
  const timeReplies = createChartReplyCache();

  app.get(
    "/spaces/:id/charts/time",
    {
      schema: {
        tags: ["charts"],
        summary:
          "Time chart: lead, reaction and cycle time per completed card (calendar days), their median (the mean of the two middle values for an even count), 85th and 95th percentile (nearest rank: always an observed value) and average, histograms, time per status and blocked time.",
        params: idParams,
        querystring: chartRangeQuery,
        response: { 200: timeChartSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const access = authorize(
        await spaceAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Space",
      );
      const period = periodOf(request.query);
      const filter = filterOf(request.query);
      const history = await load([access.space.id], filter);
      const key = JSON.stringify([access.space.id, filter, period.from, period.to]);
      const text = timeReplies.text(key, history, () => {
        const now = Date.now();
        const chart = timeChartOf(history, { ...period, now });
        const lastCompletion = chart.points.at(-1)?.completedAt;
        // Checked here, as the reply serializer checks every other reply (this one is sent as text).
        const body = timeChartSchema.parse(timeChartReplyOf(chart, history.statuses));
        return {
          text: JSON.stringify(body),
          keep: lastCompletion === undefined || Date.parse(lastCompletion) <= now,
        };
      });
      reply.type("application/json; charset=utf-8");
      const encoding = replyEncoding(request.headers, text.length);
      // Already JSON text (or its compressed bytes): Fastify sends it as is.
      if (!encoding) return reply.send(text as unknown as TimeChartReply);
      const bytes = await timeReplies.compressed(key, text, encoding);
      reply.header("content-encoding", encoding).header("vary", "accept-encoding");
      return reply.send(bytes as unknown as TimeChartReply);
    },
  );

  app.get(
    "/spaces/:id/charts/aging",
    {
      schema: {
        tags: ["charts"],
        summary:
          "Aging work in progress: per in-progress status, percentiles (50/70/85/95) of the age at which the cards completed in the period left it, and one dot per open in-progress card with its age (calendar days since its first start), whether it is blocked, its target (strictest label, else space, else the 85th percentile) and its risk. The service-level expectation is the period's cycle-time median and 85th percentile, as on the Time chart.",
        params: idParams,
        querystring: chartRangeQuery,
        response: { 200: agingChartSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = authorize(
        await spaceAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Space",
      );
      const period = periodOf(request.query);
      const spaceId = access.space.id;
      const [history, labelTargetsByCard] = await Promise.all([
        load([spaceId], filterOf(request.query)),
        loadLabelTargets(app.db.db, spaceId),
      ]);
      const chart = agingChartOf(history, {
        ...period,
        now: Date.now(),
        spaceTargetDays: access.space.serviceLevelDays,
        labelTargetsByCard,
      });
      return { ...chart, statuses: [...history.statuses] };
    },
  );

  app.get(
    "/spaces/:id/charts/cumulative-flow",
    {
      schema: {
        tags: ["charts"],
        summary:
          "Cumulative flow: cards per status (board order) at the end of each day, with WIP, throughput and an approximate cycle time (Little's law).",
        params: idParams,
        querystring: chartRangeQuery,
        response: { 200: cumulativeFlowSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = authorize(
        await spaceAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Space",
      );
      const period = periodOf(request.query);
      const history = await load([access.space.id], filterOf(request.query));
      return cumulativeFlowOf(history, period.from, period.to);
    },
  );

  const forecastSummary =
    "Forecast chart: burn-up of completed cards against scope, and a Monte Carlo completion forecast from the weekly throughput (dates at the confidence levels, how many cards by targetDate). Deterministic for a seed.";

  app.get(
    "/spaces/:id/charts/forecast",
    {
      schema: {
        tags: ["charts"],
        summary: forecastSummary,
        params: idParams,
        querystring: forecastQuery,
        response: { 200: forecastChartSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const access = authorize(
        await spaceAccess(app.db.db, currentUser(request).id, request.params.id),
        "read",
        "Space",
      );
      const options = forecastOptionsOf(request.query);
      const spaceIds = [access.space.id];
      const history = await load(spaceIds, filterOf(request.query));
      return { spaceIds, ...forecastChartOf(history, options) };
    },
  );

  app.get(
    "/folders/:id/charts/forecast",
    {
      schema: {
        tags: ["charts"],
        summary: `${forecastSummary} Over every space in the folder and its subfolders that the caller may read.`,
        params: idParams,
        querystring: forecastQuery,
        response: { 200: forecastChartSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      const access = authorize(await folderAccess(app.db.db, userId, request.params.id), "read", "Folder");
      const options = forecastOptionsOf(request.query);
      const spaceIds = await readableSpaceIds(app.db.db, userId, access.workspace.id, access.folder.id);
      const history = await load(spaceIds, filterOf(request.query));
      return { spaceIds, ...forecastChartOf(history, options) };
    },
  );

  app.get(
    "/workspaces/:id/charts/forecast",
    {
      schema: {
        tags: ["charts"],
        summary: `${forecastSummary} Over every space of the workspace that the caller may read.`,
        params: idParams,
        querystring: forecastQuery,
        response: { 200: forecastChartSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      const access = authorize(
        await workspaceAccess(app.db.db, userId, request.params.id),
        "read",
        "Workspace",
      );
      const options = forecastOptionsOf(request.query);
      const spaceIds = await readableSpaceIds(app.db.db, userId, access.workspace.id, null);
      const history = await load(spaceIds, filterOf(request.query));
      return { spaceIds, ...forecastChartOf(history, options) };
    },
  );

  app.get(
    "/workspaces/:id/dashboard",
    {
      schema: {
        tags: ["charts"],
        summary:
          "Workspace dashboard: per space the caller may read, its cards by status role, span of planned dates, late and blocked counts and a weekly burn-up (done vs scope over the last 12 weeks); folders roll up their spaces and subfolders. `today` (YYYY-MM-DD) is the caller's date; it defaults to the server's UTC date.",
        params: idParams,
        querystring: z.object({ today: calendarDate.optional() }),
        response: { 200: workspaceDashboardSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const userId = currentUser(request).id;
      const workspaceId = request.params.id;
      const today = request.query.today ?? isoDateOfDay(todayDay());
      // One snapshot: the cards, their history and the folders agree.
      return app.db.db.transaction(
        async (tx) => {
          authorize(await workspaceAccess(tx, userId, workspaceId), "read", "Workspace");
          const spaces = (await spacesWithRoles(tx, userId, { workspaceId }))
            .filter((r) => r.space.archivedAt === null)
            .map((r) => ({ id: r.space.id, folderId: r.space.folderId }));
          const spaceIds = spaces.map((s) => s.id);
          const { folders, cards, statuses } = tables;
          const folderRows = await tx
            .select({ id: folders.id, parentFolderId: folders.parentFolderId })
            .from(folders)
            .where(and(eq(folders.workspaceId, workspaceId), isNull(folders.archivedAt)))
            .orderBy(asc(folders.position));
          if (spaceIds.length === 0) {
            return workspaceDashboard({ spaces, folders: folderRows, cards: [], histories: [], today });
          }
          const cardRows = await tx
            .select({
              id: cards.id,
              spaceId: cards.spaceId,
              role: statuses.role,
              startDate: cards.startDate,
              dueDate: cards.dueDate,
            })
            .from(cards)
            .innerJoin(statuses, eq(statuses.id, cards.statusId))
            .where(and(inArray(cards.spaceId, spaceIds), isNull(cards.archivedAt)));
          const history = await cache.load(tx, spaceIds, {});
          const isBlocked = (cardId: string) =>
            history.blockingsByCard.get(cardId)?.some((b) => b.to === null) ?? false;
          return workspaceDashboard({
            spaces,
            folders: folderRows,
            cards: cardRows.map((r) => ({ ...r, role: r.role as StatusRole, isBlocked: isBlocked(r.id) })),
            histories: history.histories,
            today,
          });
        },
        { isolationLevel: "repeatable read", accessMode: "read only" },
      );
    },
  );
};

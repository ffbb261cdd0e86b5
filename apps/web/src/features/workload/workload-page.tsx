/**
 * The Workload view of a space, a folder or a workspace: one row per person, their open cards as bars
 * over days or weeks (responsible solid, co-worker outlined), each period's count against their
 * capacity with overload marked. Drag a bar along its row to reschedule (both dates move), onto
 * another person's row to hand it over, or an undated card onto a row and day to schedule it; the
 * keyboard does the same (arrows on a focused bar). Changes show at once and are rolled back with a
 * toast when refused; teammates' changes arrive live (see use-live-workload.ts).
 *
 * Only the rows and periods in view are rendered (workload-grid.ts). Rows are memoised and the scroll
 * position is read once per animation frame, so a scroll renders only the rows that enter the window
 * (and all of them only when the day range in view moves by a step). A drag moves one element's
 * transform; React redraws once, at the drop.
 */
import {
  type Card,
  cardSpan,
  daysBetween,
  initialsColorOf,
  type LaidOutCard,
  type PeriodLoad,
  type Workload,
  type WorkloadCard,
  type WorkloadChange,
  type WorkloadZoom,
  workloadDrop,
} from "@lattice/domain";
import {
  memo,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { Link, useNavigate, useParams } from "react-router";
import { describeError, newMutationId } from "../../api/client";
import { api } from "../../api/endpoints";
import { useWorkspaceMembers } from "../../api/members";
import { type WorkloadScope, workloadApi } from "../../api/workload";
import type { Formatters } from "../../lib/i18n/format";
import { type Translator, translate, useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { useWorkspaces } from "../../store/workspaces";
import { initials } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { EmptyState } from "../../ui/empty-state";
import { Skeleton } from "../../ui/skeleton";
import { localToday } from "../filters/dates";
import { SpaceViewHeader } from "../space-views/space-view-header";
import { useLiveWorkload } from "./use-live-workload";
import {
  barBox,
  buildGrid,
  dayAt,
  dayWidthOf,
  LANE_HEIGHT,
  LOAD_HEIGHT,
  periodWidthOf,
  rowAt,
  shownRows,
  visibleDays,
  type WorkloadRow,
  windowOf,
} from "./workload-grid";
import "./workload.css";

const NAME_WIDTH = 200;
const HEADER_HEIGHT = 34;
/** Undated cards listed at once beside the grid (the rest are counted). */
const UNDATED_SHOWN = 200;
const DRAG_THRESHOLD = 4;

const spanText = (card: WorkloadCard, t: Translator["t"], format: Formatters) => {
  const span = cardSpan(card);
  return span ? format.dayRange(span.start, span.end) : t("workload.bar.noDates");
};

/** Shown with a count against a capacity: a day's capacity may be a fraction (capacity / 5). */
const capacityNumber = (capacity: number) => Number(capacity.toFixed(1));

const barValues = (bar: LaidOutCard<WorkloadCard>, t: Translator["t"], format: Formatters) => ({
  name: bar.card.name,
  span: spanText(bar.card, t, format),
  assignment: bar.assignment,
  blocked: bar.card.isBlocked ? "yes" : "no",
});

/**
 * A bar's name for screen readers, kept per laid-out bar (a new grid lays out new bars) and language,
 * so a row scrolled out and back in does not format its bars' names again.
 */
const barLabels = new WeakMap<LaidOutCard<WorkloadCard>, { t: Translator["t"]; label: string }>();
const barLabel = (bar: LaidOutCard<WorkloadCard>, t: Translator["t"], format: Formatters) => {
  const known = barLabels.get(bar);
  if (known && known.t === t) return known.label;
  const label = t("workload.bar.label", barValues(bar, t, format));
  barLabels.set(bar, { t, label });
  return label;
};

const loadTitle = (load: PeriodLoad, t: Translator["t"]) => {
  if (load.capacity === null) return t("workload.load.count", { count: load.count });
  const values = { count: load.count, capacity: capacityNumber(load.capacity) };
  return load.isOverloaded ? t("workload.load.overloaded", values) : t("workload.load.ofCapacity", values);
};

const applyChange = (card: WorkloadCard, change: WorkloadChange): WorkloadCard => ({
  ...card,
  ...(change.responsibleId !== undefined ? { responsibleId: change.responsibleId } : {}),
  ...(change.coworkerIds !== undefined ? { coworkerIds: change.coworkerIds } : {}),
  ...(change.startDate !== undefined ? { startDate: change.startDate } : {}),
  ...(change.dueDate !== undefined ? { dueDate: change.dueDate } : {}),
});

/** A card as the server now has it, in the view's compact shape (status role kept: not in the card). */
const fromCard = (card: Card, previous: WorkloadCard): WorkloadCard => ({
  ...previous,
  name: card.name,
  startDate: card.startDate,
  dueDate: card.dueDate,
  responsibleId: card.responsibleId,
  coworkerIds: card.coworkerIds,
  isBlocked: card.isBlocked,
});

/** Puts a changed card in the dated or undated list it now belongs to. */
const placeCard = (data: Workload, card: WorkloadCard | null, cardId: string): Workload => {
  const cards = data.cards.filter((c) => c.id !== cardId);
  const undated = data.undated.filter((c) => c.id !== cardId);
  const wasUndated = undated.length !== data.undated.length;
  if (card) {
    const span = cardSpan(card);
    if (span && span.start <= data.to && span.end >= data.from) cards.push(card);
    else if (!span) undated.unshift(card);
  }
  const undatedTotal = data.undatedTotal - (wasUndated ? 1 : 0) + (card && !cardSpan(card) ? 1 : 0);
  return { ...data, cards, undated, undatedTotal };
};

/** The toast text for a refused change, given the server's reason. */
type FailedText = (reason: string) => string;

interface Pending {
  token: number;
  change: WorkloadChange;
}

interface DragState {
  cardId: string;
  fromUserId: string | null;
  el: HTMLElement;
  pointerId: number;
  x: number;
  y: number;
  moved: boolean;
}

const scopeOf = (params: Record<string, string | undefined>): WorkloadScope | null => {
  if (params.spaceId) return { kind: "space", id: params.spaceId };
  if (params.folderId) return { kind: "folder", id: params.folderId };
  if (params.workspaceId) return { kind: "workspace", id: params.workspaceId };
  return null;
};

export const WorkloadPage = () => {
  const params = useParams();
  const workspaceId = params.workspaceId ?? "";
  const parsedScope = scopeOf(params);
  const scopeKey = parsedScope ? `${parsedScope.kind}:${parsedScope.id}` : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: one scope object per address
  const scope = useMemo(() => parsedScope, [scopeKey]);
  const navigate = useNavigate();
  const { t, format } = useTranslator();
  const [today] = useState(localToday);
  const [zoom, setZoom] = useState<WorkloadZoom>("week");
  const [page, setPage] = useState(0);
  const range = useMemo(() => windowOf(today, zoom, page), [today, zoom, page]);
  const [data, setData] = useState<Workload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [watch, setWatch] = useState<ReadonlyArray<{ spaceId: string; seq: number }> | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(() => new Map());
  const tokens = useRef(0);

  const tree = useWorkspaces((s) => s.trees[workspaceId]?.tree ?? null);
  const loadTree = useWorkspaces((s) => s.loadTree);
  const memberList = useWorkspaceMembers(workspaceId);
  const members = memberList.isLoaded ? memberList.members : undefined;
  useEffect(() => {
    if (!tree) void loadTree(workspaceId);
  }, [tree, workspaceId, loadTree]);
  const canWrite = tree ? tree.workspace.role !== "visitor" : false;

  // ---------- loading: one request at a time; a change during one asks once more ----------
  const request = useRef<{ running: boolean; again: boolean; generation: number }>({
    running: false,
    again: false,
    generation: 0,
  });
  const refresh = useCallback(() => {
    if (!scope) return;
    const state = request.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    const generation = state.generation;
    workloadApi
      .workload(scope, range.from, range.to)
      .then((reply) => {
        if (generation !== request.current.generation) return;
        setData(reply);
        setError(null);
        // Re-subscribing only when the set of spaces changes keeps the channels' positions.
        setWatch((previous) =>
          previous && previous.map((s) => s.spaceId).join() === reply.spaces.map((s) => s.id).join()
            ? previous
            : reply.spaces.map((s) => ({ spaceId: s.id, seq: s.seq })),
        );
      })
      .catch((e: unknown) => {
        if (generation === request.current.generation) setError(describeError(e));
      })
      .finally(() => {
        state.running = false;
        if (state.again && generation === request.current.generation) {
          state.again = false;
          refresh();
        }
      });
  }, [scope, range.from, range.to]);
  useEffect(() => {
    // A new scope or window: forget the old answer and any request still running for it.
    request.current = { running: false, again: false, generation: request.current.generation + 1 };
    setData(null);
    refresh();
  }, [refresh]);

  // ---------- live ----------
  useLiveWorkload(watch, workspaceId, {
    onCard: (card) =>
      setData((current) => {
        if (!current) return current;
        const known =
          current.cards.find((c) => c.id === card.id) ?? current.undated.find((c) => c.id === card.id);
        if (!known) {
          refresh();
          return current;
        }
        return placeCard(current, card.archivedAt ? null : fromCard(card, known), card.id);
      }),
    onOther: refresh,
  });

  // ---------- what is shown: confirmed cards with pending changes applied ----------
  const view = useMemo(() => {
    if (!data) return null;
    let shown = data;
    for (const [cardId, { change }] of pending) {
      const card = shown.cards.find((c) => c.id === cardId) ?? shown.undated.find((c) => c.id === cardId);
      if (card) shown = placeCard(shown, applyChange(card, change), cardId);
    }
    return shown;
  }, [data, pending]);
  const people = useMemo(() => {
    if (!view) return [];
    if (!members) return view.people;
    const byId = new Map(members.map((m) => [m.userId, m]));
    return view.people.map((p) => {
      const m = byId.get(p.userId);
      return m ? { ...p, capacityPerWeek: m.capacityPerWeek, name: m.name, color: m.color } : p;
    });
  }, [view, members]);
  const grid = useMemo(
    () => (view ? buildGrid(people, view.cards, range, zoom) : null),
    [view, people, range, zoom],
  );
  const cardById = useMemo(() => {
    const map = new Map<string, WorkloadCard>();
    for (const c of view?.cards ?? []) map.set(c.id, c);
    for (const c of view?.undated ?? []) map.set(c.id, c);
    return map;
  }, [view]);

  // ---------- changes ----------
  const commit = useCallback(async (card: WorkloadCard, change: WorkloadChange, failed: FailedText) => {
    if (Object.keys(change).length === 0) return;
    tokens.current += 1;
    const token = tokens.current;
    setPending((m) => {
      const next = new Map(m);
      next.set(card.id, { token, change: { ...m.get(card.id)?.change, ...change } });
      return next;
    });
    try {
      const updated = await api.updateCard(card.id, change, { mutationId: newMutationId() });
      setData((current) => {
        if (!current) return current;
        const known =
          current.cards.find((c) => c.id === card.id) ?? current.undated.find((c) => c.id === card.id);
        return known ? placeCard(current, fromCard(updated, known), card.id) : current;
      });
    } catch (e) {
      toast.error(failed(describeError(e)));
    } finally {
      setPending((m) => {
        if (m.get(card.id)?.token !== token) return m;
        const next = new Map(m);
        next.delete(card.id);
        return next;
      });
    }
  }, []);
  const nameOf = useCallback(
    (userId: string) => people.find((p) => p.userId === userId)?.name ?? translate("workload.someone"),
    [people],
  );
  /** The toast shown when the server refuses the change: what was tried, and why it failed. */
  const failedOf = useCallback(
    (card: WorkloadCard, change: WorkloadChange): FailedText => {
      const to =
        change.responsibleId ?? change.coworkerIds?.find((c) => !card.coworkerIds.includes(c)) ?? null;
      const isRescheduled = change.startDate !== undefined || change.dueDate !== undefined;
      const values = { card: card.name, person: to ? nameOf(to) : "" };
      return (reason) =>
        to && isRescheduled
          ? translate("workload.toast.giveAndReschedule", { ...values, reason })
          : to
            ? translate("workload.toast.give", { ...values, reason })
            : isRescheduled
              ? translate("workload.toast.reschedule", { ...values, reason })
              : translate("workload.toast.change", { ...values, reason });
    },
    [nameOf],
  );
  const drop = useCallback(
    (
      card: WorkloadCard,
      target: { fromUserId: string | null; toUserId: string; days: number; day?: string },
    ) => {
      const change = workloadDrop(card, target);
      void commit(card, change, failedOf(card, change));
    },
    [commit, failedOf],
  );

  // ---------- scrolling and windowing ----------
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  // Where the scroller is, read on every frame; what is drawn for it changes only by whole blocks of
  // rows and whole steps of days, so only then does the page render again.
  const viewport = useRef({ x: 0, y: 0, width: 1200, height: 800 });
  const rowsRef = useRef<readonly WorkloadRow[]>([]);
  rowsRef.current = grid?.rows ?? [];
  const originRef = useRef<string | null>(null);
  originRef.current = grid?.origin ?? null;
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  const [shown, setShown] = useState<{
    rows: [number, number];
    days: { first: string; last: string } | null;
  }>({ rows: [0, -1], days: null });
  const measure = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const next = {
      x: Math.max(0, el.scrollLeft),
      y: Math.max(0, el.scrollTop - HEADER_HEIGHT),
      width: el.clientWidth - NAME_WIDTH,
      height: el.clientHeight,
    };
    viewport.current = next;
    const rows = shownRows(rowsRef.current, next.y, next.height);
    const origin = originRef.current;
    const days = origin ? visibleDays(origin, zoomRef.current, next.x, next.width) : null;
    setShown((s) =>
      s.rows[0] === rows[0] &&
      s.rows[1] === rows[1] &&
      s.days?.first === days?.first &&
      s.days?.last === days?.last
        ? s
        : { rows, days },
    );
  }, []);
  // Scroll events can come several times a frame: the position is read once, in the next frame.
  const frame = useRef(0);
  const handleScroll = useCallback(() => {
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      measure();
    });
  }, [measure]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  useLayoutEffect(() => {
    measure();
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(handleScroll);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure, handleScroll]);
  // Today in view when a range opens.
  const hasGrid = grid !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls once per range and zoom
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !grid) return;
    const x = daysBetween(grid.origin, today) * dayWidthOf(zoom) - periodWidthOf(zoom);
    el.scrollLeft = Math.max(0, x);
    measure();
  }, [hasGrid, range.from, zoom]);

  // New rows or a new zoom: what is drawn is worked out again for the same scroll position.
  // biome-ignore lint/correctness/useExhaustiveDependencies: measure reads the grid through refs
  useLayoutEffect(() => measure(), [grid, zoom, measure]);
  const [firstRow, lastRow] = shown.rows;
  // Before the scroller is there to measure (the first render with data), the days of the last viewport.
  const days =
    shown.days ?? (grid ? visibleDays(grid.origin, zoom, viewport.current.x, viewport.current.width) : null);

  // ---------- pointer drag ----------
  const dragRef = useRef<DragState | null>(null);
  const handlePointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    if (event.button !== 0 || !canWrite) return;
    const el = (event.target as HTMLElement).closest<HTMLElement>("[data-card-id]");
    if (!el) return;
    dragRef.current = {
      cardId: el.dataset.cardId ?? "",
      fromUserId: el.dataset.userId ?? null,
      el,
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      moved: false,
    };
  };
  const handlePointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    const drag = dragRef.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!drag.moved) {
      drag.moved = true;
      drag.el.setPointerCapture?.(event.pointerId);
      drag.el.classList.add("is-dragging");
      // A row clips what it paints; the dragged bar has to show over the other rows.
      drag.el.closest(".wl-row")?.classList.add("has-drag");
    }
    drag.el.style.transform = `translate(${dx}px, ${dy}px)`;
  };
  const endDrag = (event: ReactPointerEvent<HTMLElement>, isCancelled: boolean) => {
    const drag = dragRef.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    dragRef.current = null;
    drag.el.style.transform = "";
    drag.el.classList.remove("is-dragging");
    drag.el.closest(".wl-row")?.classList.remove("has-drag");
    const card = cardById.get(drag.cardId);
    if (!card || !grid) return;
    if (!drag.moved) {
      if (!isCancelled) void navigate(`/w/${workspaceId}/s/${card.spaceId}/c/${card.id}`);
      return;
    }
    if (isCancelled) return;
    const box = gridRef.current?.getBoundingClientRect();
    if (!box) return;
    const row = rowAt(grid.rows, event.clientY - box.top);
    const x = event.clientX - box.left;
    if (!row || x < 0) return;
    if (drag.fromUserId === null) {
      drop(card, {
        fromUserId: null,
        toUserId: row.person.userId,
        days: 0,
        day: dayAt(grid.origin, zoom, x),
      });
    } else {
      const days = Math.round((event.clientX - drag.x) / dayWidthOf(zoom));
      drop(card, { fromUserId: drag.fromUserId, toUserId: row.person.userId, days });
    }
  };

  // ---------- tooltips ----------
  // A bar's and a period's tooltip is written when the pointer comes over it, not for every bar drawn:
  // rows entering on a scroll then format only their names for screen readers.
  const handleTipOver = (event: ReactPointerEvent<HTMLElement>) => {
    const el = (event.target as HTMLElement).closest<HTMLElement>(".wl-bar, .wl-load");
    if (!el || el.title || !grid) return;
    const userId = el.closest<HTMLElement>(".wl-row")?.dataset.rowUser;
    const row = grid.rows.find((r) => r.person.userId === userId);
    if (!row) return;
    if (el.dataset.cardId) {
      const bar = row.bars.find((b) => b.card.id === el.dataset.cardId);
      if (bar) el.title = t("workload.bar.title", barValues(bar, t, format));
    } else {
      const load = row.loads[Number(el.dataset.load)];
      if (load) el.title = loadTitle(load, t);
    }
  };
  // Dropped on the way out, so a bar redrawn with new dates or name never shows an old tooltip.
  const handleTipOut = (event: ReactPointerEvent<HTMLElement>) => {
    const el = (event.target as HTMLElement).closest<HTMLElement>(".wl-bar, .wl-load");
    if (el && !el.contains(event.relatedTarget as Node | null)) el.removeAttribute("title");
  };

  // ---------- keyboard ----------
  const focusAfter = useRef<{ cardId: string; userId: string } | null>(null);
  useEffect(() => {
    const want = focusAfter.current;
    if (!want) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(
      `[data-card-id="${want.cardId}"][data-user-id="${want.userId}"]`,
    );
    if (el) {
      el.focus();
      focusAfter.current = null;
    }
  });
  const handleBarKey = (event: ReactKeyboardEvent<HTMLElement>, card: WorkloadCard, row: WorkloadRow) => {
    if (!grid) return;
    const step = zoom === "day" ? 1 : 7;
    const index = grid.rows.indexOf(row);
    let target: { toUserId: string; days: number } | null = null;
    if (event.key === "ArrowLeft") target = { toUserId: row.person.userId, days: -step };
    else if (event.key === "ArrowRight") target = { toUserId: row.person.userId, days: step };
    else if (event.key === "ArrowUp" && index > 0)
      target = { toUserId: grid.rows[index - 1]?.person.userId ?? row.person.userId, days: 0 };
    else if (event.key === "ArrowDown" && index < grid.rows.length - 1)
      target = { toUserId: grid.rows[index + 1]?.person.userId ?? row.person.userId, days: 0 };
    if (!target || !canWrite) return;
    event.preventDefault();
    focusAfter.current = { cardId: card.id, userId: target.toUserId };
    const rowEl = scrollRef.current;
    const targetRow = grid.rows.find((r) => r.person.userId === target.toUserId);
    if (
      rowEl &&
      targetRow &&
      (targetRow.top < viewport.current.y ||
        targetRow.top + targetRow.height > viewport.current.y + viewport.current.height - HEADER_HEIGHT)
    )
      rowEl.scrollTop = targetRow.top;
    drop(card, { fromUserId: row.person.userId, ...target });
  };
  // Rows are memoised: they get handlers that never change and call the current ones.
  const barKeyRef = useRef(handleBarKey);
  barKeyRef.current = handleBarKey;
  const handleRowBarKey = useCallback(
    (event: ReactKeyboardEvent<HTMLElement>, card: WorkloadCard, row: WorkloadRow) =>
      barKeyRef.current(event, card, row),
    [],
  );
  const handleOpenCard = useCallback(
    (card: WorkloadCard) => void navigate(`/w/${workspaceId}/s/${card.spaceId}/c/${card.id}`),
    [navigate, workspaceId],
  );

  // ---------- header ----------
  const folder = scope?.kind === "folder" ? tree?.folders.find((f) => f.id === scope.id) : null;
  const title =
    scope?.kind === "folder"
      ? t("workload.titleOf", { name: folder?.name ?? t("workload.folder") })
      : scope?.kind === "workspace"
        ? t("workload.titleOf", { name: tree?.workspace.name ?? t("workload.workspace") })
        : t("workload.title");
  const totalOverloaded = grid ? grid.rows.filter((r) => r.overloaded > 0).length : 0;
  const actions = (
    <div className="wl-actions">
      <fieldset className="wl-zoom">
        <legend className="visually-hidden">{t("workload.zoom")}</legend>
        {(["day", "week"] as const).map((z) => (
          <Button
            key={z}
            variant={zoom === z ? "primary" : "secondary"}
            aria-pressed={zoom === z}
            onClick={() => {
              setZoom(z);
              setPage(0);
            }}
          >
            {z === "day" ? t("workload.zoom.days") : t("workload.zoom.weeks")}
          </Button>
        ))}
      </fieldset>
      <fieldset className="wl-paging">
        <legend className="visually-hidden">{t("workload.paging")}</legend>
        <Button
          variant="secondary"
          aria-label={t("workload.paging.earlier")}
          onClick={() => setPage((p) => p - 1)}
        >
          ‹
        </Button>
        <Button variant="secondary" onClick={() => setPage(0)} disabled={page === 0}>
          {t("workload.paging.today")}
        </Button>
        <Button
          variant="secondary"
          aria-label={t("workload.paging.later")}
          onClick={() => setPage((p) => p + 1)}
        >
          ›
        </Button>
      </fieldset>
    </div>
  );

  return (
    <main className="page wl-page" aria-busy={data === null}>
      {scope?.kind === "space" ? (
        <SpaceViewHeader workspaceId={workspaceId} spaceId={scope.id}>
          {actions}
        </SpaceViewHeader>
      ) : (
        <header className="page-header">
          <div>
            <nav aria-label={t("workload.breadcrumb")} className="breadcrumb">
              <Link to={`/w/${workspaceId}`}>{tree?.workspace.name ?? t("workload.workspace")}</Link>
            </nav>
            <h1 className="page-title">{title}</h1>
          </div>
          <div className="page-header-actions">{actions}</div>
        </header>
      )}
      <p className="wl-summary muted" aria-live="polite">
        {[
          grid && view
            ? t("workload.summary", {
                range: format.dayRange(range.from, range.to),
                cards: view.cards.length,
                people: grid.rows.length,
                overloaded: totalOverloaded,
              })
            : null,
          canWrite ? t("workload.summary.hint") : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {error && !data ? (
        <EmptyState icon="!" title={t("workload.error.title")}>
          <p>{error}</p>
          <Button variant="secondary" onClick={refresh}>
            {t("workload.error.retry")}
          </Button>
        </EmptyState>
      ) : !grid || !view || !days ? (
        <Skeleton height={320} />
      ) : (
        <div className="wl-layout">
          <div
            className={`wl-scroll wl-zoom-${zoom}`}
            ref={scrollRef}
            onScroll={handleScroll}
            onPointerDown={handlePointerDown}
            onPointerMove={handlePointerMove}
            onPointerUp={(e) => endDrag(e, false)}
            onPointerCancel={(e) => endDrag(e, true)}
            onPointerOver={handleTipOver}
            onPointerOut={handleTipOut}
          >
            <div className="wl-canvas" style={{ width: NAME_WIDTH + grid.width }}>
              <div className="wl-header" style={{ height: HEADER_HEIGHT }}>
                <div className="wl-corner" style={{ width: NAME_WIDTH }}>
                  {zoom === "day" ? t("workload.corner.day") : t("workload.corner.week")}
                </div>
                <div className="wl-periods" style={{ width: grid.width }}>
                  {grid.periods.map((period, i) =>
                    period.end < days.first || period.start > days.last ? null : (
                      <div
                        key={period.start}
                        className={`wl-period${period.start <= today && today <= period.end ? " is-today" : ""}`}
                        style={{ left: i * periodWidthOf(zoom), width: periodWidthOf(zoom) }}
                      >
                        {zoom === "day" ? format.weekdayDay(period.start) : format.calendarDay(period.start)}
                      </div>
                    ),
                  )}
                </div>
              </div>
              <div className="wl-body" style={{ height: grid.height }}>
                <div className="wl-names" style={{ width: NAME_WIDTH, height: grid.height }}>
                  {grid.rows.slice(firstRow, lastRow + 1).map((row) => (
                    <PersonCell key={row.person.userId} row={row} zoom={zoom} />
                  ))}
                </div>
                <div className="wl-grid" ref={gridRef} style={{ width: grid.width, height: grid.height }}>
                  {grid.rows.slice(firstRow, lastRow + 1).map((row) => (
                    <RowView
                      key={row.person.userId}
                      row={row}
                      origin={grid.origin}
                      zoom={zoom}
                      first={days.first}
                      last={days.last}
                      pending={pending}
                      onBarKey={handleRowBarKey}
                      onOpen={handleOpenCard}
                    />
                  ))}
                  {daysBetween(grid.origin, today) >= 0 && today <= range.to ? (
                    <div
                      className="wl-today"
                      aria-hidden="true"
                      style={{
                        left: daysBetween(grid.origin, today) * dayWidthOf(zoom) + dayWidthOf(zoom) / 2,
                      }}
                    />
                  ) : null}
                </div>
              </div>
            </div>
            {grid.rows.length === 0 ? <p className="wl-empty muted">{t("workload.empty")}</p> : null}
          </div>
          <Undated
            cards={view.undated}
            total={view.undatedTotal}
            people={grid.rows.map((r) => r.person)}
            canWrite={canWrite}
            today={today}
            onPointerDown={handlePointerDown}
            onPointerMove={handlePointerMove}
            onPointerUp={(e) => endDrag(e, false)}
            onPointerCancel={(e) => endDrag(e, true)}
            onSchedule={(card, userId, day) =>
              drop(card, { fromUserId: null, toUserId: userId, days: 0, day })
            }
          />
        </div>
      )}
    </main>
  );
};

/** Open cards without dates: drag one onto a row and day, or schedule it with the form (keyboard). */
const Undated = ({
  cards,
  total,
  people,
  canWrite,
  today,
  onSchedule,
  ...pointer
}: {
  cards: readonly WorkloadCard[];
  total: number;
  people: ReadonlyArray<{ userId: string; name: string }>;
  canWrite: boolean;
  today: string;
  onSchedule: (card: WorkloadCard, userId: string, day: string) => void;
  onPointerDown: (e: ReactPointerEvent<HTMLElement>) => void;
  onPointerMove: (e: ReactPointerEvent<HTMLElement>) => void;
  onPointerUp: (e: ReactPointerEvent<HTMLElement>) => void;
  onPointerCancel: (e: ReactPointerEvent<HTMLElement>) => void;
}) => {
  const { t, format } = useTranslator();
  const [open, setOpen] = useState<string | null>(null);
  const [userId, setUserId] = useState("");
  const [day, setDay] = useState(today);
  return (
    <aside className="wl-undated" aria-labelledby="wl-undated-title" {...pointer}>
      <h2 id="wl-undated-title" className="wl-undated-title">
        {t("workload.undated.title")} <span className="muted">({format.number(total)})</span>
      </h2>
      {cards.length === 0 ? <p className="muted">{t("workload.undated.none")}</p> : null}
      <ul>
        {cards.slice(0, UNDATED_SHOWN).map((card) => (
          <li key={card.id} className="wl-undated-item">
            <span className="wl-undated-card" data-card-id={card.id} title={t("workload.undated.dragHint")}>
              {card.name}
            </span>
            {canWrite ? (
              <button
                type="button"
                className="wl-link"
                aria-expanded={open === card.id}
                aria-label={t("workload.undated.scheduleCard", { name: card.name })}
                onClick={() => {
                  setOpen(open === card.id ? null : card.id);
                  setUserId(card.responsibleId ?? people[0]?.userId ?? "");
                  setDay(today);
                }}
              >
                {t("workload.undated.scheduleOpen")}
              </button>
            ) : null}
            {open === card.id ? (
              <form
                className="wl-schedule"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!userId || !day) return;
                  onSchedule(card, userId, day);
                  setOpen(null);
                }}
              >
                <label>
                  {t("workload.undated.person")}
                  <select value={userId} onChange={(e) => setUserId(e.target.value)}>
                    {people.map((p) => (
                      <option key={p.userId} value={p.userId}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t("workload.undated.day")}
                  <input type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
                </label>
                <Button type="submit" variant="primary">
                  {t("workload.undated.schedule")}
                </Button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {total > Math.min(cards.length, UNDATED_SHOWN) ? (
        <p className="muted">
          {t("workload.undated.more", { count: total - Math.min(cards.length, UNDATED_SHOWN) })}
        </p>
      ) : null}
    </aside>
  );
};

/** A person's name, capacity and overload count beside their row; redrawn only when the row changes. */
const PersonCell = memo(({ row, zoom }: { row: WorkloadRow; zoom: WorkloadZoom }) => {
  const { t } = useTranslator();
  const capacity =
    row.person.capacityPerWeek === null
      ? t("workload.person.noCapacity")
      : t("workload.person.capacity", { count: row.person.capacityPerWeek });
  return (
    <div
      className={`wl-person${row.overloaded > 0 ? " is-overloaded" : ""}`}
      style={{ top: row.top, height: row.height }}
    >
      <span
        className="wl-avatar"
        aria-hidden="true"
        style={{ background: initialsColorOf(row.person.userId, row.person.color) }}
      >
        {initials(row.person.name)}
      </span>
      <span className="wl-person-text">
        <span className="wl-person-name">{row.person.name}</span>
        <span className="wl-person-meta muted" title={capacity}>
          {capacity}
          {row.overloaded > 0 ? (
            <span className="wl-over-badge">
              {" · "}
              {zoom === "day"
                ? t("workload.person.overloadedDays", { count: row.overloaded })
                : t("workload.person.overloadedWeeks", { count: row.overloaded })}
            </span>
          ) : null}
        </span>
      </span>
    </div>
  );
});

/**
 * One person's row: the period counts and the bars within the day range [first, last]. Memoised: a
 * scroll that keeps the row in view and the day range as it was does not redraw it.
 */
const RowView = memo(
  ({
    row,
    origin,
    zoom,
    first,
    last,
    pending,
    onBarKey,
    onOpen,
  }: {
    row: WorkloadRow;
    origin: string;
    zoom: WorkloadZoom;
    first: string;
    last: string;
    pending: ReadonlyMap<string, Pending>;
    onBarKey: (event: ReactKeyboardEvent<HTMLElement>, card: WorkloadCard, row: WorkloadRow) => void;
    onOpen: (card: WorkloadCard) => void;
  }) => {
    const { t, format } = useTranslator();
    const periodWidth = periodWidthOf(zoom);
    return (
      <section
        className="wl-row"
        aria-label={t("workload.row.label", { name: row.person.name })}
        data-row-user={row.person.userId}
        style={{ top: row.top, height: row.height, backgroundSize: `${periodWidth}px 100%` }}
      >
        {row.loads.map((load, i) => {
          if (load.end < first || load.start > last || (load.count === 0 && !load.isOverloaded)) return null;
          return (
            <div
              key={load.start}
              className={`wl-load${load.isOverloaded ? " is-over" : ""}`}
              data-load={i}
              style={{ left: i * periodWidth, width: periodWidth }}
            >
              {load.capacity === null
                ? format.number(load.count)
                : `${format.number(load.count)}/${format.number(capacityNumber(load.capacity))}`}
              {load.isOverloaded ? (
                <span className="wl-over-band" style={{ height: row.height - LOAD_HEIGHT }} />
              ) : null}
            </div>
          );
        })}
        {row.bars.map((bar) => {
          if (bar.end < first || bar.start > last) return null;
          const box = barBox(origin, zoom, bar.start, bar.end);
          const isPending = pending.has(bar.card.id);
          return (
            <button
              type="button"
              key={bar.card.id}
              className={`wl-bar is-${bar.assignment}${bar.card.isBlocked ? " is-blocked" : ""}${isPending ? " is-pending" : ""}`}
              data-card-id={bar.card.id}
              data-user-id={row.person.userId}
              style={{
                left: box.left + 1,
                width: Math.max(box.width - 2, 6),
                top: LOAD_HEIGHT + bar.lane * LANE_HEIGHT,
              }}
              aria-label={barLabel(bar, t, format)}
              onKeyDown={(e) => onBarKey(e, bar.card, row)}
              onClick={(e) => {
                // Pointer clicks are handled at pointer up; this is Enter or Space.
                if (e.detail === 0) onOpen(bar.card);
              }}
            >
              {bar.card.isBlocked ? <span aria-hidden="true">⛔ </span> : null}
              {bar.card.name}
            </button>
          );
        })}
      </section>
    );
  },
);

/**
 * The Workload view of a space, a folder or a workspace: one row per person, their open cards as bars
 * over days or weeks (responsible solid, co-worker outlined), each period's count against their
 * capacity with overload marked. Drag a bar along its row to reschedule (both dates move), onto
 * another person's row to hand it over, or an undated card onto a row and day to schedule it; the
 * keyboard does the same (arrows on a focused bar). Changes show at once and are rolled back with a
 * toast when refused; teammates' changes arrive live (see use-live-workload.ts).
 *
 * Only the rows and periods in view are rendered (workload-grid.ts). A drag moves one element's
 * transform; React redraws once, at the drop.
 */
import {
  type Card,
  cardSpan,
  daysBetween,
  initialsColorOf,
  type Workload,
  type WorkloadCard,
  type WorkloadChange,
  type WorkloadZoom,
  workloadDrop,
} from "@lattice/domain";
import {
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
import { type WorkloadScope, workloadApi } from "../../api/workload";
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
  visibleDays,
  visibleRows,
  type WorkloadRow,
  windowOf,
} from "./workload-grid";
import "./workload.css";

const NAME_WIDTH = 200;
const HEADER_HEIGHT = 34;
/** Undated cards listed at once beside the grid (the rest are counted). */
const UNDATED_SHOWN = 200;
const DRAG_THRESHOLD = 4;

const dayLabel = (day: string, options: Intl.DateTimeFormatOptions) =>
  new Date(`${day}T00:00:00`).toLocaleDateString(undefined, options);

const spanText = (card: WorkloadCard) => {
  const span = cardSpan(card);
  if (!span) return "no dates";
  const f = (d: string) => dayLabel(d, { day: "numeric", month: "short" });
  return span.start === span.end ? f(span.start) : `${f(span.start)} – ${f(span.end)}`;
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
  const members = useWorkspaces((s) => s.members[workspaceId]);
  const loadMembers = useWorkspaces((s) => s.loadMembers);
  useEffect(() => {
    if (!tree) void loadTree(workspaceId);
    void loadMembers(workspaceId);
  }, [tree, workspaceId, loadTree, loadMembers]);
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
  useLiveWorkload(watch, {
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
  const commit = useCallback(async (card: WorkloadCard, change: WorkloadChange, label: string) => {
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
      toast.error(`Could not ${label}: ${describeError(e)}`);
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
    (userId: string) => people.find((p) => p.userId === userId)?.name ?? "someone",
    [people],
  );
  const labelOf = useCallback(
    (card: WorkloadCard, change: WorkloadChange) => {
      const to =
        change.responsibleId ?? change.coworkerIds?.find((c) => !card.coworkerIds.includes(c)) ?? null;
      const parts = [
        to ? `give “${card.name}” to ${nameOf(to)}` : null,
        change.startDate !== undefined || change.dueDate !== undefined ? `reschedule “${card.name}”` : null,
      ].filter(Boolean);
      return parts.join(" and ") || `change “${card.name}”`;
    },
    [nameOf],
  );
  const drop = useCallback(
    (
      card: WorkloadCard,
      target: { fromUserId: string | null; toUserId: string; days: number; day?: string },
    ) => {
      const change = workloadDrop(card, target);
      void commit(card, change, labelOf(card, change));
    },
    [commit, labelOf],
  );

  // ---------- scrolling and windowing ----------
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ x: 0, y: 0, width: 1200, height: 800 });
  const handleScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    setViewport({
      x: Math.max(0, el.scrollLeft),
      y: Math.max(0, el.scrollTop - HEADER_HEIGHT),
      width: el.clientWidth - NAME_WIDTH,
      height: el.clientHeight,
    });
  }, []);
  useLayoutEffect(() => {
    handleScroll();
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(handleScroll);
    observer.observe(el);
    return () => observer.disconnect();
  }, [handleScroll]);
  // Today in view when a range opens.
  const hasGrid = grid !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls once per range and zoom
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !grid) return;
    const x = daysBetween(grid.origin, today) * dayWidthOf(zoom) - periodWidthOf(zoom);
    el.scrollLeft = Math.max(0, x);
    handleScroll();
  }, [hasGrid, range.from, zoom]);

  const [firstRow, lastRow] = grid ? visibleRows(grid.rows, viewport.y, viewport.height) : [0, -1];
  const days = grid ? visibleDays(grid.origin, zoom, viewport.x, viewport.width) : null;

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
    }
    drag.el.style.transform = `translate(${dx}px, ${dy}px)`;
  };
  const endDrag = (event: ReactPointerEvent<HTMLElement>, isCancelled: boolean) => {
    const drag = dragRef.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    dragRef.current = null;
    drag.el.style.transform = "";
    drag.el.classList.remove("is-dragging");
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
      (targetRow.top < viewport.y ||
        targetRow.top + targetRow.height > viewport.y + viewport.height - HEADER_HEIGHT)
    )
      rowEl.scrollTop = targetRow.top;
    drop(card, { fromUserId: row.person.userId, ...target });
  };

  // ---------- header ----------
  const folder = scope?.kind === "folder" ? tree?.folders.find((f) => f.id === scope.id) : null;
  const title =
    scope?.kind === "folder"
      ? `${folder?.name ?? "Folder"} · Workload`
      : scope?.kind === "workspace"
        ? `${tree?.workspace.name ?? "Workspace"} · Workload`
        : "Workload";
  const totalOverloaded = grid ? grid.rows.filter((r) => r.overloaded > 0).length : 0;
  const actions = (
    <div className="wl-actions">
      <fieldset className="wl-zoom">
        <legend className="visually-hidden">Zoom</legend>
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
            {z === "day" ? "Days" : "Weeks"}
          </Button>
        ))}
      </fieldset>
      <fieldset className="wl-paging">
        <legend className="visually-hidden">Dates shown</legend>
        <Button variant="secondary" aria-label="Earlier" onClick={() => setPage((p) => p - 1)}>
          ‹
        </Button>
        <Button variant="secondary" onClick={() => setPage(0)} disabled={page === 0}>
          Today
        </Button>
        <Button variant="secondary" aria-label="Later" onClick={() => setPage((p) => p + 1)}>
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
            <nav aria-label="Breadcrumb" className="breadcrumb">
              <Link to={`/w/${workspaceId}`}>{tree?.workspace.name ?? "Workspace"}</Link>
            </nav>
            <h1 className="page-title">{title}</h1>
          </div>
          <div className="page-header-actions">{actions}</div>
        </header>
      )}
      <p className="wl-summary muted" aria-live="polite">
        {grid && view
          ? `${dayLabel(range.from, { day: "numeric", month: "short" })} – ${dayLabel(range.to, { day: "numeric", month: "short", year: "numeric" })} · ${view.cards.length} dated ${view.cards.length === 1 ? "card" : "cards"} · ${grid.rows.length} ${grid.rows.length === 1 ? "person" : "people"} · ${totalOverloaded} overloaded`
          : ""}
        {canWrite
          ? " · Drag a bar along a row to reschedule it, or to another person to hand it over; arrow keys do the same on a focused bar."
          : ""}
      </p>
      {error && !data ? (
        <EmptyState icon="!" title="The workload could not be loaded">
          <p>{error}</p>
          <Button variant="secondary" onClick={refresh}>
            Try again
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
          >
            <div className="wl-canvas" style={{ width: NAME_WIDTH + grid.width }}>
              <div className="wl-header" style={{ height: HEADER_HEIGHT }}>
                <div className="wl-corner" style={{ width: NAME_WIDTH }}>
                  Person · cards per {zoom}
                </div>
                <div className="wl-periods" style={{ width: grid.width }}>
                  {grid.periods.map((period, i) =>
                    period.end < days.first || period.start > days.last ? null : (
                      <div
                        key={period.start}
                        className={`wl-period${period.start <= today && today <= period.end ? " is-today" : ""}`}
                        style={{ left: i * periodWidthOf(zoom), width: periodWidthOf(zoom) }}
                      >
                        {zoom === "day"
                          ? dayLabel(period.start, { weekday: "narrow", day: "numeric" })
                          : dayLabel(period.start, { day: "numeric", month: "short" })}
                      </div>
                    ),
                  )}
                </div>
              </div>
              <div className="wl-body" style={{ height: grid.height }}>
                <div className="wl-names" style={{ width: NAME_WIDTH, height: grid.height }}>
                  {grid.rows.slice(firstRow, lastRow + 1).map((row) => (
                    <div
                      key={row.person.userId}
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
                        <span className="wl-person-meta muted">
                          {row.person.capacityPerWeek === null
                            ? "no capacity set"
                            : `${row.person.capacityPerWeek} a week`}
                          {row.overloaded > 0 ? (
                            <span className="wl-over-badge">
                              {" "}
                              · overloaded in {row.overloaded} {row.overloaded === 1 ? zoom : `${zoom}s`}
                            </span>
                          ) : null}
                        </span>
                      </span>
                    </div>
                  ))}
                </div>
                <div className="wl-grid" ref={gridRef} style={{ width: grid.width, height: grid.height }}>
                  {grid.rows.slice(firstRow, lastRow + 1).map((row) => (
                    <section
                      key={row.person.userId}
                      className="wl-row"
                      aria-label={`${row.person.name}'s cards`}
                      data-row-user={row.person.userId}
                      style={{
                        top: row.top,
                        height: row.height,
                        backgroundSize: `${periodWidthOf(zoom)}px 100%`,
                      }}
                    >
                      {row.loads.map((load, i) =>
                        load.end < days.first ||
                        load.start > days.last ||
                        (load.count === 0 && !load.isOverloaded) ? null : (
                          <div
                            key={load.start}
                            className={`wl-load${load.isOverloaded ? " is-over" : ""}`}
                            style={{ left: i * periodWidthOf(zoom), width: periodWidthOf(zoom) }}
                            title={`${load.count} ${load.count === 1 ? "card" : "cards"}${load.capacity === null ? "" : ` of ${Number(load.capacity.toFixed(1))}`}${load.isOverloaded ? ": overloaded" : ""}`}
                          >
                            {load.isOverloaded ? (
                              <span className="wl-over-band" style={{ height: row.height - LOAD_HEIGHT }} />
                            ) : null}
                            <span className="wl-load-text">
                              {load.capacity === null
                                ? load.count
                                : `${load.count}/${Number(load.capacity.toFixed(1))}`}
                            </span>
                          </div>
                        ),
                      )}
                      {row.bars.map((bar) => {
                        if (bar.end < days.first || bar.start > days.last) return null;
                        const box = barBox(grid.origin, zoom, bar.start, bar.end);
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
                            title={`${bar.card.name} · ${spanText(bar.card)} · ${bar.assignment === "responsible" ? "responsible" : "co-worker"}${bar.card.isBlocked ? " · blocked" : ""}`}
                            aria-label={`${bar.card.name}, ${bar.assignment === "responsible" ? "responsible" : "co-worker"}, ${spanText(bar.card)}${bar.card.isBlocked ? ", blocked" : ""}`}
                            onKeyDown={(e) => handleBarKey(e, bar.card, row)}
                            onClick={(e) => {
                              // Pointer clicks are handled at pointer up; this is Enter or Space.
                              if (e.detail === 0)
                                void navigate(`/w/${workspaceId}/s/${bar.card.spaceId}/c/${bar.card.id}`);
                            }}
                          >
                            {bar.card.isBlocked ? <span aria-hidden="true">⛔ </span> : null}
                            {bar.card.name}
                          </button>
                        );
                      })}
                    </section>
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
            {grid.rows.length === 0 ? (
              <p className="wl-empty muted">Nobody here can hold cards yet.</p>
            ) : null}
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
  const [open, setOpen] = useState<string | null>(null);
  const [userId, setUserId] = useState("");
  const [day, setDay] = useState(today);
  return (
    <aside className="wl-undated" aria-labelledby="wl-undated-title" {...pointer}>
      <h2 id="wl-undated-title" className="wl-undated-title">
        Without dates <span className="muted">({total})</span>
      </h2>
      {cards.length === 0 ? <p className="muted">Every open card has a date.</p> : null}
      <ul>
        {cards.slice(0, UNDATED_SHOWN).map((card) => (
          <li key={card.id} className="wl-undated-item">
            <span className="wl-undated-card" data-card-id={card.id} title="Drag onto a person and day">
              {card.name}
            </span>
            {canWrite ? (
              <button
                type="button"
                className="wl-link"
                aria-expanded={open === card.id}
                aria-label={`Schedule ${card.name}`}
                onClick={() => {
                  setOpen(open === card.id ? null : card.id);
                  setUserId(card.responsibleId ?? people[0]?.userId ?? "");
                  setDay(today);
                }}
              >
                Schedule…
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
                  Person
                  <select value={userId} onChange={(e) => setUserId(e.target.value)}>
                    {people.map((p) => (
                      <option key={p.userId} value={p.userId}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Day
                  <input type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
                </label>
                <Button type="submit" variant="primary">
                  Schedule
                </Button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {total > Math.min(cards.length, UNDATED_SHOWN) ? (
        <p className="muted">
          and {total - Math.min(cards.length, UNDATED_SHOWN)} more (the most recently changed are listed)
        </p>
      ) : null}
    </aside>
  );
};

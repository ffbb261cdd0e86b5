import {
  Action,
  boardColumns,
  type Card,
  can,
  orderedFields,
  type PresenceEntry,
  spaceChannel,
} from "@lattice/domain";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { AfterFirstOpen } from "../../lib/on-demand";
import { cardUpdatesOrRefusal, useBoard } from "../../store/board";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { useUi } from "../../store/ui";
import { useLiveBoard, usePresence, useSync } from "../../sync/live";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConnectionIndicator } from "../../ui/connection-indicator";
import { EmptyState } from "../../ui/empty-state";
import { Menu } from "../../ui/menu";
import { BoardSkeleton } from "../../ui/skeleton";
import { useAtRisk, useSpaceAging } from "../aging/aging-store";
import { LazyCardPanel as CardPanel } from "../card-detail/lazy-card-panel";
import { localToday } from "../filters/dates";
import { FilterBar } from "../filters/filter-bar";
import {
  activeFilterCount,
  type BoardFilters,
  type Grouping,
  matchesFilters,
  parseFilters,
  parseGrouping,
  writeFilters,
  writeGrouping,
} from "../filters/filters";
import { type LaneFields, laneChange, laneKeyOf, lanesFor } from "../filters/swimlanes";
import { useSpaceMeta } from "../filters/use-space-meta";
import { FieldsDialog } from "../space-settings/fields-dialog";
import { SpaceViewHeader } from "../space-views/space-view-header";
import { BoardCanvas, type Column, type LaneBand, type LaneMove } from "./board-canvas";
import {
  ActivityDrawer,
  ArchivedCardsDialog,
  BlockerTypesDialog,
  CardTemplatesDialog,
  SpaceMembersDialog,
} from "./board-dialogs";
import { ColumnsDialog } from "./columns-dialog";

export const BoardPage = () => {
  const { t } = useTranslator();
  const { workspaceId = "", spaceId = "", cardId } = useParams();
  const status = useBoard((s) => s.status);
  const error = useBoard((s) => s.error);
  const role = useBoard((s) => s.role);
  const view = useBoard((s) => s.view);
  const pending = useBoard((s) => s.pending);
  const boardSpaceId = useBoard((s) => s.spaceId);
  const load = useBoard((s) => s.load);
  const [columnsDialog, setColumnsDialog] = useState<{ focusStatusId: string | null } | null>(null);
  const navigate = useNavigate();
  const myUserId = useSession((s) => s.user?.id ?? null);
  const presence = useSync((s) => s.presence[spaceChannel(spaceId)]);
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(query)), [query]);
  const grouping = useMemo(() => parseGrouping(new URLSearchParams(query)), [query]);
  const [isActivityOpen, setIsActivityOpen] = useState(false);
  const [isBlockerTypesOpen, setIsBlockerTypesOpen] = useState(false);
  const [isMembersOpen, setIsMembersOpen] = useState(false);
  const [isArchiveOpen, setIsArchiveOpen] = useState(false);
  const openDialog = useUi((s) => s.openDialog);
  const openTrash = () =>
    workspaceId && spaceId
      ? openDialog({ type: "archive-trash", workspaceId, spaceId, tab: "trash" })
      : undefined;
  const [isFieldsOpen, setIsFieldsOpen] = useState(false);
  const [isCardTemplatesOpen, setIsCardTemplatesOpen] = useState(false);
  const { members, labels } = useSpaceMeta(workspaceId, spaceId);

  useLiveBoard(spaceId, () => navigate(`/w/${workspaceId}`));
  useSpaceAging(spaceId);
  const isAtRisk = useAtRisk(spaceId);
  usePresence(spaceId, cardId ?? null);

  const others = useMemo(() => {
    const byUser = new Map<string, PresenceEntry>();
    for (const entry of presence ?? []) if (entry.userId !== myUserId) byUser.set(entry.userId, entry);
    return [...byUser.values()];
  }, [presence, myUserId]);
  const viewersByCard = useMemo(() => {
    const map = new Map<string, PresenceEntry[]>();
    for (const entry of presence ?? []) {
      if (entry.userId === myUserId || !entry.cardId) continue;
      map.set(entry.cardId, [...(map.get(entry.cardId) ?? []), entry]);
    }
    return map;
  }, [presence, myUserId]);

  useEffect(() => {
    void load(spaceId);
  }, [spaceId, load]);

  const columns = useMemo(() => boardColumns(view), [view]);
  const today = localToday();
  const isFiltered = activeFilterCount(filters) > 0;
  const filtered = useMemo<Column[]>(
    () =>
      columns.map((column) => {
        if (!isFiltered) return column;
        const cards = column.cards.filter((card) =>
          matchesFilters(
            card,
            column.status.role,
            filters,
            today,
            view.fieldValues?.[card.id],
            isAtRisk(card.id),
          ),
        );
        return { ...column, cards, total: column.cards.length };
      }),
    [columns, filters, isFiltered, today, view.fieldValues, isAtRisk],
  );
  const fields = useMemo(() => orderedFields({ fields: view.fields ?? {} }), [view.fields]);
  const laneFields = useMemo<LaneFields>(
    () => ({ fields: view.fields ?? {}, values: view.fieldValues ?? {} }),
    [view.fields, view.fieldValues],
  );
  const shownCount = filtered.reduce((sum, c) => sum + c.cards.length, 0);
  const totalCount = columns.reduce((sum, c) => sum + c.cards.length, 0);
  const people = useMemo(() => members.map((m) => ({ id: m.userId, name: m.name })), [members]);
  const { lanes, cells } = useMemo((): { lanes: LaneBand[] | undefined; cells: Column[] } => {
    if (grouping === "none") return { lanes: undefined, cells: filtered };
    const cards: Card[] = filtered.flatMap((c) => c.cards);
    const bands = lanesFor(grouping, cards, today, people, labels, laneFields);
    // A grouping by a field that is gone (or cannot make lanes) shows the board without lanes.
    if (bands.length === 1 && bands[0]?.key === "all") return { lanes: undefined, cells: filtered };
    const out: Column[] = [];
    for (const lane of bands) {
      for (const column of filtered) {
        out.push({
          status: column.status,
          laneKey: lane.key,
          cards: column.cards.filter(
            (card) => laneKeyOf(card, grouping, today, labels, laneFields) === lane.key,
          ),
        });
      }
    }
    return { lanes: bands, cells: out };
  }, [grouping, filtered, today, people, labels, laneFields]);

  const setFilters = useCallback(
    (next: BoardFilters) => setSearchParams((current) => writeFilters(current, next), { replace: true }),
    [setSearchParams],
  );
  const setGrouping = useCallback(
    (next: Grouping) => setSearchParams((current) => writeGrouping(current, next), { replace: true }),
    [setSearchParams],
  );
  const handleLaneMove: LaneMove = useCallback(
    (cardId, fromLane, toLane, phase) => {
      const board = useBoard.getState();
      const current = board.view.cards[cardId];
      if (!current) return false;
      const { fields: fieldsById, fieldValues } = board.view;
      const change = laneChange(current, grouping, fromLane, toLane, localToday(), {
        fields: fieldsById ?? {},
        values: fieldValues ?? {},
      });
      if (change.kind === "refused") {
        if (phase === "check") toast.error(change.reason);
        return false;
      }
      if (change.kind === "none") return true;
      if (change.kind === "field") {
        if (phase === "apply") void board.setCardField(cardId, change.fieldId, change.value);
        return true;
      }
      const label = translate("errors.action.update", { name: current.name });
      if (phase === "check") {
        // The domain's own rules (dates, role) refuse the drop before anything moves.
        return cardUpdatesOrRefusal(label, [{ card: current, body: change.patch }]) !== null;
      }
      void board.changeCard(current, change.patch, label);
      return true;
    },
    [grouping],
  );
  const pendingCardIds = useMemo(() => {
    const ids = new Set<string>();
    for (const mutation of pending) {
      for (const event of mutation.events) {
        if ("card" in event.payload) ids.add(event.payload.card.id);
      }
    }
    return ids;
  }, [pending]);

  // Changes queue behind one that waits for the connection, so all pending ones are "not sent".
  const waitingCount = pending.some((m) => m.isWaiting) ? pending.length : 0;
  const isCurrent = boardSpaceId === spaceId;
  const isLoading = !isCurrent || status === "loading" || status === "idle";
  const canWrite = can(role, Action.writeCards);
  const canManage = can(role, Action.manageStatuses);
  // The header falls back on the workspace tree's name while the snapshot loads.
  const spaceName = isCurrent ? (view.space?.name ?? "") : "";
  const cardCount = Object.keys(view.cards).length;
  // Opening a card keeps the board's filters and lanes in the address.
  const cardHref = useCallback(
    (id: string) => `/w/${workspaceId}/s/${spaceId}/c/${id}${query ? `?${query}` : ""}`,
    [workspaceId, spaceId, query],
  );
  const handleEditColumns = useCallback(
    (statusId: string) => setColumnsDialog({ focusStatusId: statusId }),
    [],
  );

  // The hint's sentence is one message; the button's name inside it is set apart.
  const [hintBefore = "", hintAfter = ""] = t("board.hint.body", { addCard: "\u0000" }).split("\u0000");

  if (status === "error" && isCurrent) {
    return (
      <main className="page page-centered">
        <EmptyState icon="▦" title={t("board.unavailable.title")}>
          <p>{error ?? t("board.unavailable.body")}</p>
          <p>
            <Link to={`/w/${workspaceId}`}>{t("board.unavailable.back")}</Link>
          </p>
        </EmptyState>
      </main>
    );
  }

  return (
    <main className={`board-page${cardId ? " has-panel" : ""}`}>
      <SpaceViewHeader workspaceId={workspaceId} spaceId={spaceId} spaceName={spaceName}>
        {others.length > 0 ? (
          <ul className="presence-list" aria-label={t("board.presence.label")}>
            {others.slice(0, 5).map((entry) => (
              <li key={entry.userId} className="presence-item">
                <Avatar name={entry.name} seed={entry.userId} size={26} />
                <span className="visually-hidden">
                  {entry.cardId
                    ? t("board.presence.lookingAt", {
                        name: entry.name,
                        card: view.cards[entry.cardId]?.name ?? t("board.presence.aCard"),
                      })
                    : entry.name}
                </span>
              </li>
            ))}
            {others.length > 5 ? (
              <li className="presence-more">{t("board.presence.more", { count: others.length - 5 })}</li>
            ) : null}
          </ul>
        ) : null}
        {waitingCount > 0 ? (
          <span className="board-waiting" role="status" title={t("board.waiting.title")}>
            {t("board.waiting.count", { count: waitingCount })}
          </span>
        ) : null}
        <ConnectionIndicator />
        {!isLoading && !canWrite ? (
          <span className="role-pill role-visitor" title={t("board.readOnly.title")}>
            {t("board.readOnly.label")}
          </span>
        ) : null}
        {!isLoading && cardCount > 0 ? (
          <span className="board-stat muted">{t("board.cardCount", { count: cardCount })}</span>
        ) : null}
        <Button onClick={() => setIsActivityOpen((v) => !v)} aria-expanded={isActivityOpen}>
          {t("board.actions.activity")}
        </Button>
        {/* At phone width the space's settings fold into one menu so the header stays short. */}
        <span className="space-actions-wide">
          <Button onClick={() => setIsArchiveOpen(true)}>{t("board.actions.archived")}</Button>
          {canWrite ? (
            <Button onClick={() => setIsCardTemplatesOpen(true)}>{t("board.actions.cardTemplates")}</Button>
          ) : null}
          <Button onClick={openTrash}>{t("board.actions.trash")}</Button>
          {canManage ? (
            <Button onClick={() => setIsMembersOpen(true)}>{t("board.actions.members")}</Button>
          ) : null}
          {canManage ? (
            <Button onClick={() => setIsBlockerTypesOpen(true)}>{t("board.actions.blockerTypes")}</Button>
          ) : null}
          {canManage ? (
            <Button onClick={() => setIsFieldsOpen(true)}>{t("board.actions.fields")}</Button>
          ) : null}
          {canManage ? (
            <Button onClick={() => setColumnsDialog({ focusStatusId: null })}>
              <span aria-hidden="true">▥</span> {t("board.actions.columns")}
            </Button>
          ) : null}
        </span>
        <span className="space-actions-narrow">
          <Menu
            label={t("board.actions.more")}
            items={[
              { label: t("board.actions.archivedCards"), onSelect: () => setIsArchiveOpen(true) },
              ...(canWrite
                ? [{ label: t("board.actions.cardTemplates"), onSelect: () => setIsCardTemplatesOpen(true) }]
                : []),
              { label: t("board.actions.trash"), onSelect: openTrash },
              ...(canManage
                ? [
                    { label: t("board.actions.members"), onSelect: () => setIsMembersOpen(true) },
                    { label: t("board.actions.blockerTypes"), onSelect: () => setIsBlockerTypesOpen(true) },
                    { label: t("board.actions.fields"), onSelect: () => setIsFieldsOpen(true) },
                    {
                      label: t("board.actions.columns"),
                      onSelect: () => setColumnsDialog({ focusStatusId: null }),
                    },
                  ]
                : []),
            ]}
          />
        </span>
      </SpaceViewHeader>
      {isLoading ? (
        <div className="board-scroll">
          <BoardSkeleton />
        </div>
      ) : (
        <div className="board-scroll">
          {cardCount === 0 && canWrite ? (
            <div className="board-hint" role="note">
              <strong>{t("board.hint.title")}</strong> {hintBefore}
              <em>{t("board.hint.addCard")}</em>
              {hintAfter}
              {canManage ? ` ${t("board.hint.columns")}` : ""}
            </div>
          ) : null}
          {columns.length > 0 ? (
            <FilterBar
              filters={filters}
              grouping={grouping}
              members={members}
              labels={labels}
              fields={fields}
              myUserId={myUserId}
              shown={shownCount}
              total={totalCount}
              onChange={setFilters}
              onGroup={setGrouping}
            />
          ) : null}
          {columns.length === 0 ? (
            <EmptyState title={t("board.noColumns.title")}>
              <p>{canManage ? t("board.noColumns.owner") : t("board.noColumns.visitor")}</p>
            </EmptyState>
          ) : (
            <BoardCanvas
              columns={cells}
              {...(lanes ? { lanes, onLaneMove: handleLaneMove } : {})}
              cardHref={cardHref}
              openCardId={cardId}
              pendingCardIds={pendingCardIds}
              viewersByCard={viewersByCard}
              canWrite={canWrite}
              canManage={canManage}
              onEditColumns={handleEditColumns}
            />
          )}
        </div>
      )}
      {cardId ? <CardPanel key={cardId} cardId={cardId} workspaceId={workspaceId} spaceId={spaceId} /> : null}
      <AfterFirstOpen isOpen={isActivityOpen}>
        {isActivityOpen ? (
          <ActivityDrawer
            workspaceId={workspaceId}
            spaceId={spaceId}
            spaceName={spaceName}
            onClose={() => setIsActivityOpen(false)}
          />
        ) : null}
      </AfterFirstOpen>
      <AfterFirstOpen isOpen={isArchiveOpen}>
        <ArchivedCardsDialog
          isOpen={isArchiveOpen}
          spaceId={spaceId}
          canWrite={canWrite}
          cardHref={cardHref}
          onClose={() => setIsArchiveOpen(false)}
        />
      </AfterFirstOpen>
      <AfterFirstOpen isOpen={isBlockerTypesOpen}>
        <BlockerTypesDialog
          isOpen={isBlockerTypesOpen}
          spaceId={spaceId}
          onClose={() => setIsBlockerTypesOpen(false)}
        />
      </AfterFirstOpen>
      <AfterFirstOpen isOpen={isMembersOpen}>
        <SpaceMembersDialog
          isOpen={isMembersOpen}
          spaceId={spaceId}
          isPrivate={view.space?.isPrivate ?? false}
          workspaceMembers={members}
          onClose={() => setIsMembersOpen(false)}
        />
      </AfterFirstOpen>
      <AfterFirstOpen isOpen={isCardTemplatesOpen}>
        <CardTemplatesDialog
          isOpen={isCardTemplatesOpen}
          spaceId={spaceId}
          onClose={() => setIsCardTemplatesOpen(false)}
        />
      </AfterFirstOpen>
      <AfterFirstOpen isOpen={isFieldsOpen}>
        <FieldsDialog isOpen={isFieldsOpen} onClose={() => setIsFieldsOpen(false)} />
      </AfterFirstOpen>
      <ColumnsDialog
        isOpen={columnsDialog !== null}
        focusStatusId={columnsDialog?.focusStatusId ?? null}
        onClose={() => setColumnsDialog(null)}
      />
    </main>
  );
};

import { Action, can } from "@lattice/domain";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useTranslator } from "../../lib/i18n/i18n";
import { AfterFirstOpen } from "../../lib/on-demand";
import { useBoard } from "../../store/board";
import { useSession } from "../../store/session";
import { useUi } from "../../store/ui";
import { useLiveBoard, usePresence } from "../../sync/live";
import { Button } from "../../ui/button";
import { ConnectionIndicator } from "../../ui/connection-indicator";
import { EmptyState } from "../../ui/empty-state";
import { BoardSkeleton } from "../../ui/skeleton";
import { useAtRisk, useSpaceAging } from "../aging/aging-store";
import { LazyCardPanel as CardPanel } from "../card-detail/lazy-card-panel";
import { FilterBar } from "../filters/filter-bar";
import {
  type BoardFilters,
  type Grouping,
  parseFilters,
  parseGrouping,
  writeFilters,
  writeGrouping,
} from "../filters/filters";
import { useSpaceMeta } from "../filters/use-space-meta";
import { FieldsDialog } from "../space-settings/fields-dialog";
import { SpaceViewHeader } from "../space-views/space-view-header";
import { BoardActions } from "./board-actions";
import { BoardCanvas } from "./board-canvas";
import {
  ActivityDrawer,
  ArchivedCardsDialog,
  BlockerTypesDialog,
  CardTemplatesDialog,
  SpaceMembersDialog,
} from "./board-dialogs";
import { PresenceList, useBoardPresence } from "./board-presence";
import { ColumnsDialog } from "./columns-dialog";
import { useBoardCells, useLaneMove } from "./use-board-cells";

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
  const { others, viewersByCard } = useBoardPresence(spaceId, myUserId);
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

  useEffect(() => {
    void load(spaceId);
  }, [spaceId, load]);

  const { columns, fields, shownCount, totalCount, lanes, cells } = useBoardCells(
    view,
    filters,
    grouping,
    isAtRisk,
    members,
    labels,
  );

  const setFilters = useCallback(
    (next: BoardFilters) => setSearchParams((current) => writeFilters(current, next), { replace: true }),
    [setSearchParams],
  );
  const setGrouping = useCallback(
    (next: Grouping) => setSearchParams((current) => writeGrouping(current, next), { replace: true }),
    [setSearchParams],
  );
  const handleLaneMove = useLaneMove(grouping);
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
        <PresenceList others={others} cards={view.cards} />
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
        <BoardActions
          canWrite={canWrite}
          canManage={canManage}
          onArchived={() => setIsArchiveOpen(true)}
          onCardTemplates={() => setIsCardTemplatesOpen(true)}
          onTrash={openTrash}
          onMembers={() => setIsMembersOpen(true)}
          onBlockerTypes={() => setIsBlockerTypesOpen(true)}
          onFields={() => setIsFieldsOpen(true)}
          onColumns={() => setColumnsDialog({ focusStatusId: null })}
        />
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

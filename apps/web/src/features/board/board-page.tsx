import { Action, boardColumns, can } from "@lattice/domain";
import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { useBoard } from "../../store/board";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { EmptyState } from "../../ui/empty-state";
import { BoardSkeleton, Skeleton } from "../../ui/skeleton";
import { CardPanel } from "../card-detail/card-panel";
import { spacePath } from "../sidebar/tree";
import { BoardColumn } from "./board-column";
import { ColumnsDialog } from "./columns-dialog";

export const BoardPage = () => {
  const { workspaceId = "", spaceId = "", cardId } = useParams();
  const status = useBoard((s) => s.status);
  const error = useBoard((s) => s.error);
  const role = useBoard((s) => s.role);
  const view = useBoard((s) => s.view);
  const pending = useBoard((s) => s.pending);
  const boardSpaceId = useBoard((s) => s.spaceId);
  const load = useBoard((s) => s.load);
  const tree = useWorkspaces((s) => s.trees[workspaceId]?.tree ?? null);
  const loadTree = useWorkspaces((s) => s.loadTree);
  const [columnsDialog, setColumnsDialog] = useState<{ focusStatusId: string | null } | null>(null);

  useEffect(() => {
    void load(spaceId);
  }, [spaceId, load]);

  useEffect(() => {
    if (!tree) void loadTree(workspaceId);
  }, [tree, workspaceId, loadTree]);

  const columns = useMemo(() => boardColumns(view), [view]);
  const pendingCardIds = useMemo(() => {
    const ids = new Set<string>();
    for (const mutation of pending) {
      for (const event of mutation.events) {
        if ("card" in event.payload) ids.add(event.payload.card.id);
      }
    }
    return ids;
  }, [pending]);

  const isCurrent = boardSpaceId === spaceId;
  const isLoading = !isCurrent || status === "loading" || status === "idle";
  const canWrite = can(role, Action.writeCards);
  const canManage = can(role, Action.manageStatuses);
  const path = tree ? spacePath(tree, spaceId) : [];
  const spaceName = view.space?.name ?? path.at(-1) ?? "";
  const cardCount = Object.keys(view.cards).length;
  const cardHref = (id: string) => `/w/${workspaceId}/s/${spaceId}/c/${id}`;

  if (status === "error" && isCurrent) {
    return (
      <main className="page page-centered">
        <EmptyState icon="▦" title="This space is not available">
          <p>{error ?? "It may have been deleted, or you no longer have access."}</p>
          <p>
            <Link to={`/w/${workspaceId}`}>Back to the workspace</Link>
          </p>
        </EmptyState>
      </main>
    );
  }

  return (
    <main className={`board-page${cardId ? " has-panel" : ""}`}>
      <header className="board-header">
        <div className="board-heading">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            {path.length > 0 ? (
              <ol>
                {path.slice(0, -1).map((part, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: folder names may repeat; order is the identity
                  <li key={index}>
                    {index === 0 ? <Link to={`/w/${workspaceId}`}>{part}</Link> : <span>{part}</span>}
                    <span className="breadcrumb-sep" aria-hidden="true">
                      ›
                    </span>
                  </li>
                ))}
                <li aria-current="page">{path.at(-1)}</li>
              </ol>
            ) : (
              <Skeleton width={160} height={12} />
            )}
          </nav>
          <h1 className="board-title">{spaceName || <Skeleton width={200} height={22} />}</h1>
        </div>
        <div className="board-header-actions">
          {!isLoading && !canWrite ? (
            <span className="role-pill role-visitor" title="You can read this board but not change it">
              Read only
            </span>
          ) : null}
          {!isLoading && cardCount > 0 ? (
            <span className="board-stat muted">
              {cardCount} card{cardCount === 1 ? "" : "s"}
            </span>
          ) : null}
          {canManage ? (
            <Button onClick={() => setColumnsDialog({ focusStatusId: null })}>
              <span aria-hidden="true">▥</span> Columns
            </Button>
          ) : null}
        </div>
      </header>
      {isLoading ? (
        <div className="board-scroll">
          <BoardSkeleton />
        </div>
      ) : (
        <div className="board-scroll">
          {cardCount === 0 && canWrite ? (
            <div className="board-hint" role="note">
              <strong>This space has no cards yet.</strong> Use <em>Add card</em> at the bottom of a column to
              add the first one — press Enter to add it and keep typing for the next.
              {canManage ? " Rename or add columns with the Columns button." : ""}
            </div>
          ) : null}
          {columns.length === 0 ? (
            <EmptyState title="No columns">
              <p>
                {canManage
                  ? "Add a column to start using this board."
                  : "The owners have not set up columns yet."}
              </p>
            </EmptyState>
          ) : (
            <div className="board-columns">
              {columns.map((column, index) => (
                <BoardColumn
                  key={column.status.id}
                  status={column.status}
                  cards={column.cards}
                  cardHref={cardHref}
                  openCardId={cardId}
                  pendingCardIds={pendingCardIds}
                  canWrite={canWrite}
                  canManage={canManage}
                  isFirst={index === 0}
                  isLast={index === columns.length - 1}
                  onEditColumns={(statusId) => setColumnsDialog({ focusStatusId: statusId })}
                />
              ))}
            </div>
          )}
        </div>
      )}
      {cardId ? <CardPanel key={cardId} cardId={cardId} workspaceId={workspaceId} spaceId={spaceId} /> : null}
      <ColumnsDialog
        isOpen={columnsDialog !== null}
        focusStatusId={columnsDialog?.focusStatusId ?? null}
        onClose={() => setColumnsDialog(null)}
      />
    </main>
  );
};

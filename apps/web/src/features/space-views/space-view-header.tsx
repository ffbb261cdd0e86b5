/**
 * The one header of every view of a space (Board, List, Calendar, Gantt, Forecast, Time, Flow): the
 * breadcrumb workspace › folders › space by name, the space's name, the view tabs always under it on the
 * left, and the view's own actions on the right. Views differ only in the actions they pass.
 */
import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { Link } from "react-router";
import { useTranslator } from "../../lib/i18n/i18n";
import { useWorkspaces } from "../../store/workspaces";
import { Skeleton } from "../../ui/skeleton";
import { spacePath } from "../sidebar/tree";
import { SpaceTabs } from "./space-tabs";
import "./space-header.css";
import "./space-views.css";

// Saved views load beside the view (not part of the first screen's bytes).
const SavedViewsBar = lazy(() =>
  import("../saved-views/saved-views-bar").then((m) => ({ default: m.SavedViewsBar })),
);

export const SpaceViewHeader = ({
  workspaceId,
  spaceId,
  spaceName,
  children,
}: {
  workspaceId: string;
  spaceId: string;
  /** The name the view already knows (the board's snapshot); the workspace tree supplies it otherwise. */
  spaceName?: string;
  children?: ReactNode;
}) => {
  const { t } = useTranslator();
  const tree = useWorkspaces((s) => s.trees[workspaceId]?.tree ?? null);
  const loadTree = useWorkspaces((s) => s.loadTree);
  useEffect(() => {
    if (!tree) void loadTree(workspaceId);
  }, [tree, workspaceId, loadTree]);
  const path = tree ? spacePath(tree, spaceId) : [];
  const name = spaceName || (path.length > 1 ? path.at(-1) : "") || "";
  return (
    <header className="board-header space-header">
      <div className="board-heading space-heading">
        <nav aria-label={t("views.breadcrumb")} className="breadcrumb">
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
              <li aria-current="page">{name || path.at(-1)}</li>
            </ol>
          ) : (
            <Skeleton width={160} height={12} />
          )}
        </nav>
        <h1 className="board-title">{name || <Skeleton width={200} height={22} />}</h1>
      </div>
      {children ? <div className="board-header-actions space-header-actions">{children}</div> : null}
      <SpaceTabs workspaceId={workspaceId} spaceId={spaceId} />
      <Suspense fallback={null}>
        <SavedViewsBar workspaceId={workspaceId} spaceId={spaceId} />
      </Suspense>
    </header>
  );
};

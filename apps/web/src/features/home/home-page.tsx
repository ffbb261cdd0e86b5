import { Action, can } from "@lattice/domain";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { useUi } from "../../store/ui";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { EmptyState } from "../../ui/empty-state";
import { ListSkeleton } from "../../ui/skeleton";

/** "/" with no workspace chosen: invite to create the first workspace, or to pick a space. */
export const HomePage = () => {
  const status = useWorkspaces((s) => s.status);
  const count = useWorkspaces((s) => s.order.filter((id) => s.byId[id]?.archivedAt === null).length);
  const openDialog = useUi((s) => s.openDialog);

  if (status === "idle" || status === "loading") {
    return (
      <main className="page page-centered">
        <ListSkeleton />
      </main>
    );
  }
  if (count === 0) {
    return (
      <main className="page page-centered">
        <EmptyState
          icon="◧"
          title="Create your first workspace"
          action={
            <Button variant="primary" onClick={() => openDialog({ type: "create-workspace" })}>
              Create a workspace
            </Button>
          }
        >
          <p>
            A workspace holds your team's folders and spaces. Each space is a board where cards move from To
            Do to Done.
          </p>
        </EmptyState>
      </main>
    );
  }
  return (
    <main className="page page-centered">
      <EmptyState icon="▦" title="Pick a space">
        <p>Choose a space in the sidebar to open its board.</p>
      </EmptyState>
    </main>
  );
};

/** "/w/:workspaceId": the workspace overview lists its spaces. */
export const WorkspaceHomePage = () => {
  const { workspaceId = "" } = useParams();
  const entry = useWorkspaces((s) => s.trees[workspaceId]);
  const loadTree = useWorkspaces((s) => s.loadTree);
  const openDialog = useUi((s) => s.openDialog);

  useEffect(() => {
    void loadTree(workspaceId);
  }, [workspaceId, loadTree]);

  if (!entry || (!entry.tree && entry.status === "loading")) {
    return (
      <main className="page page-centered">
        <ListSkeleton />
      </main>
    );
  }
  if (!entry.tree) {
    return (
      <main className="page page-centered">
        <EmptyState title="This workspace is not available">
          <p>{entry.error ?? "It may have been deleted, or you are no longer a member."}</p>
        </EmptyState>
      </main>
    );
  }
  const { workspace } = entry.tree;
  const spaces = entry.tree.spaces.filter((s) => s.archivedAt === null);
  const canCreate = can(workspace.role, Action.createHierarchy);
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{workspace.name}</h1>
          {workspace.description ? <p className="muted">{workspace.description}</p> : null}
        </div>
        <div className="page-header-actions">
          <Link className="btn btn-secondary btn-md" to={`/w/${workspace.id}/settings`}>
            {can(workspace.role, Action.manageSettings) ? "Settings" : "Members"}
          </Link>
          {canCreate ? (
            <Button
              variant="primary"
              onClick={() => openDialog({ type: "create-space", workspaceId, folderId: null })}
            >
              New space
            </Button>
          ) : null}
        </div>
      </header>
      {spaces.length === 0 ? (
        <EmptyState icon="▦" title="No spaces yet">
          <p>
            {canCreate
              ? "Create a space to start a board. Use folders to group spaces by team or project."
              : "Nobody has created a space here yet."}
          </p>
        </EmptyState>
      ) : (
        <ul className="space-grid">
          {spaces.map((space) => (
            <li key={space.id}>
              <Link className="space-tile" to={`/w/${workspace.id}/s/${space.id}`}>
                <span className="space-tile-name">{space.name}</span>
                <span className="space-tile-meta muted">{space.description || "Board"}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
};

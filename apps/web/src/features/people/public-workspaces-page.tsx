/** Public workspaces of this instance: anyone signed in may join one, as its owners chose. */
import type { PublicWorkspace } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../../api/client";
import { peopleApi } from "../../api/people";
import { toast } from "../../store/toasts";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";
import { EmptyState } from "../../ui/empty-state";
import { ListSkeleton } from "../../ui/skeleton";

export const PublicWorkspacesPage = () => {
  const [list, setList] = useState<PublicWorkspace[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const navigate = useNavigate();

  const load = useCallback(async () => {
    setError(null);
    try {
      setList(await peopleApi.listPublicWorkspaces());
    } catch (err) {
      setError(describeError(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const join = async (workspace: PublicWorkspace) => {
    setBusyId(workspace.id);
    try {
      const joined = await peopleApi.joinWorkspace(workspace.id);
      await useWorkspaces.getState().loadWorkspaces();
      toast.success(`You joined ${joined.name} as ${joined.role === "member" ? "a member" : "a visitor"}.`);
      void navigate(`/w/${joined.id}`);
    } catch (err) {
      toast.error(`Could not join ${workspace.name}. ${describeError(err)}`);
      setBusyId(null);
    }
  };

  return (
    <main className="page page-narrow">
      <header className="page-header">
        <div>
          <p className="eyebrow">This instance</p>
          <h1 className="page-title">Public workspaces</h1>
        </div>
      </header>
      {error ? (
        <p className="form-error" role="alert">
          {error}{" "}
          <button type="button" className="link-button" onClick={() => void load()}>
            Retry
          </button>
        </p>
      ) : !list ? (
        <ListSkeleton rows={3} />
      ) : list.length === 0 ? (
        <EmptyState title="No public workspaces">
          <p>When an owner makes a workspace public, it is listed here for everyone to join.</p>
        </EmptyState>
      ) : (
        <ul className="member-list" aria-label="Public workspaces">
          {list.map((workspace) => (
            <li key={workspace.id} className="member-row">
              <div className="member-identity">
                <span className="member-name">{workspace.name}</span>
                <span className="member-email muted">
                  {workspace.description ? `${workspace.description} · ` : ""}
                  {workspace.memberCount} member{workspace.memberCount === 1 ? "" : "s"} · joins as{" "}
                  {workspace.joinRole}
                </span>
              </div>
              {workspace.isMember ? (
                <Button size="sm" onClick={() => void navigate(`/w/${workspace.id}`)}>
                  Open
                </Button>
              ) : (
                <Button
                  variant="primary"
                  size="sm"
                  isBusy={busyId === workspace.id}
                  onClick={() => void join(workspace)}
                  aria-label={`Join ${workspace.name}`}
                >
                  Join
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
};

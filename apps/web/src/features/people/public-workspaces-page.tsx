/** Public workspaces of this instance: anyone signed in may join one, as its owners chose. */
import type { PublicWorkspace } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../../api/client";
import { peopleApi } from "../../api/people";
import { useTranslator } from "../../lib/i18n/i18n";
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
  const { t } = useTranslator();

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
      toast.success(t("people.public.joined", { name: joined.name, role: joined.role ?? "visitor" }));
      void navigate(`/w/${joined.id}`);
    } catch (err) {
      toast.error(t("people.public.joinFailed", { name: workspace.name, reason: describeError(err) }));
      setBusyId(null);
    }
  };

  return (
    <main className="page page-narrow">
      <header className="page-header">
        <div>
          <p className="eyebrow">{t("people.thisInstance")}</p>
          <h1 className="page-title">{t("people.public.title")}</h1>
        </div>
      </header>
      {error ? (
        <p className="form-error" role="alert">
          {error}{" "}
          <button type="button" className="link-button" onClick={() => void load()}>
            {t("common.retry")}
          </button>
        </p>
      ) : !list ? (
        <ListSkeleton rows={3} />
      ) : list.length === 0 ? (
        <EmptyState title={t("people.public.empty")}>
          <p>{t("people.public.emptyHint")}</p>
        </EmptyState>
      ) : (
        <ul className="member-list" aria-label={t("people.public.title")}>
          {list.map((workspace) => (
            <li key={workspace.id} className="member-row">
              <div className="member-identity">
                <span className="member-name">{workspace.name}</span>
                <span className="member-email muted">
                  {workspace.description ? `${workspace.description} · ` : ""}
                  {t("people.public.details", { count: workspace.memberCount, role: workspace.joinRole })}
                </span>
              </div>
              {workspace.isMember ? (
                <Button size="sm" onClick={() => void navigate(`/w/${workspace.id}`)}>
                  {t("people.public.open")}
                </Button>
              ) : (
                <Button
                  variant="primary"
                  size="sm"
                  isBusy={busyId === workspace.id}
                  onClick={() => void join(workspace)}
                  aria-label={t("people.public.joinNamed", { name: workspace.name })}
                >
                  {t("people.public.join")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
};

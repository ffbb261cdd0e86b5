/**
 * Saved views in the space header (docs/SAVED-VIEWS.md): the space's shared views and the person's
 * own, after the built-in view tabs; "Save view" keeps the current tab and its address query under a
 * name. Opening a saved view goes to its address, so it shows exactly what was saved. Entering a space
 * by its bare address (the sidebar, a link) opens the space's default view when one is chosen; the
 * Board tab itself still shows the board.
 */
import {
  type SavedView,
  type SavedViewKind,
  savedViewHref,
  savedViewKinds,
  savedViewLimits,
} from "@lattice/domain";
import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { describeError } from "../../api/client";
import { type MessageKey, translate, useTranslator } from "../../lib/i18n/i18n";
import { onBoardEvent } from "../../store/board";
import { toast } from "../../store/toasts";
import { onSavedViewEvent } from "../../sync/live";
import { Button } from "../../ui/button";
import { ConfirmDialog, Dialog } from "../../ui/dialog";
import { Field, Input } from "../../ui/input";
import { Menu, type MenuItem } from "../../ui/menu";
import { currentView } from "../space-views/space-tabs";
import { useSavedViews } from "./saved-views-store";
import "./saved-views.css";

const noViews: SavedView[] = [];

/** The kind of the tab a path shows ("" is the board); null for a tab that cannot be saved. */
const kindOfPath = (path: string): SavedViewKind | null => {
  if (path === "") return "board";
  return (savedViewKinds as readonly string[]).includes(path) ? (path as SavedViewKind) : null;
};

const queryOf = (search: string): string => (search.startsWith("?") ? search.slice(1) : search);

const kindKeys: Record<SavedViewKind, MessageKey> = {
  board: "views.tab.board",
  list: "views.tab.list",
  calendar: "views.tab.calendar",
  gantt: "views.tab.gantt",
  workload: "views.tab.workload",
  forecast: "views.tab.forecast",
  time: "views.tab.time",
  flow: "views.tab.flow",
  aging: "views.tab.aging",
};

type Editing = { mode: "save" } | { mode: "rename"; view: SavedView } | null;

export const SavedViewsBar = ({ workspaceId, spaceId }: { workspaceId: string; spaceId: string }) => {
  const { t } = useTranslator();
  const location = useLocation();
  const navigate = useNavigate();
  const isCurrent = useSavedViews((s) => s.spaceId === spaceId);
  const items = useSavedViews((s) => (s.spaceId === spaceId ? s.items : noViews));
  const status = useSavedViews((s) => (s.spaceId === spaceId ? s.status : "loading"));
  const canShare = useSavedViews((s) => s.spaceId === spaceId && s.canShare);
  const canChooseDefault = useSavedViews((s) => s.spaceId === spaceId && s.canChooseDefault);
  const load = useSavedViews((s) => s.load);
  const receive = useSavedViews((s) => s.receive);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);

  useEffect(() => {
    void load(spaceId);
  }, [spaceId, load]);
  // Shared views arrive on the space channel the open view follows.
  useEffect(
    () =>
      onBoardEvent((event) => {
        if (event.type.startsWith("saved_view.")) receive(event);
      }),
    [receive],
  );
  // The person's own views arrive on their own channel.
  useEffect(() => onSavedViewEvent(receive), [receive]);

  const kind = kindOfPath(currentView(location.pathname, spaceId));
  const query = queryOf(location.search);
  const active = items.find((v) => v.kind === kind && v.query === query) ?? null;

  // Entering the space by its bare address opens its default view (once per entry).
  const handled = useRef<string | null>(null);
  const bare = `/w/${workspaceId}/s/${spaceId}`;
  const isBareEntry =
    location.pathname.replace(/\/$/, "") === bare &&
    location.search === "" &&
    !(location.state as { view?: string } | null)?.view;
  const defaultView = items.find((v) => v.isDefault) ?? null;
  useEffect(() => {
    if (!isBareEntry || status !== "ready" || !defaultView || handled.current === location.key) return;
    handled.current = location.key;
    const href = savedViewHref(workspaceId, defaultView);
    if (href !== bare) void navigate(href, { replace: true, state: { view: "saved" } });
  }, [isBareEntry, status, defaultView, location.key, workspaceId, bare, navigate]);

  const shared = items.filter((v) => v.ownerId === null);
  const mine = items.filter((v) => v.ownerId !== null);

  const fail = (what: MessageKey) => (error: unknown) =>
    toast.error(translate(what, { reason: describeError(error) }));
  const store = useSavedViews.getState;

  const itemsFor = (view: SavedView, group: SavedView[]): Array<MenuItem | "separator"> => {
    const isShared = view.ownerId === null;
    const mayChange = !isShared || canShare;
    const index = group.findIndex((v) => v.id === view.id);
    const before = group[index - 1];
    const after = group[index + 1];
    const result: Array<MenuItem | "separator"> = [];
    if (mayChange) {
      result.push(
        { label: t("savedViews.menu.rename"), onSelect: () => setEditing({ mode: "rename", view }) },
        {
          label: t("savedViews.menu.update"),
          isDisabled: kind === null,
          onSelect: () => {
            if (kind === null) return;
            store()
              .update(view.id, { kind, query })
              .then(
                () => toast.success(translate("savedViews.updated", { name: view.name })),
                fail("savedViews.failed.update"),
              );
          },
        },
        {
          label: t("savedViews.menu.moveLeft"),
          isDisabled: !before,
          onSelect: () => {
            if (before)
              store().update(view.id, { beforeId: before.id }).catch(fail("savedViews.failed.move"));
          },
        },
        {
          label: t("savedViews.menu.moveRight"),
          isDisabled: !after,
          onSelect: () => {
            if (after) store().update(view.id, { afterId: after.id }).catch(fail("savedViews.failed.move"));
          },
        },
      );
    }
    if (isShared && canChooseDefault) {
      result.push({
        label: view.isDefault ? t("savedViews.menu.undefault") : t("savedViews.menu.makeDefault"),
        onSelect: () => {
          store()
            .setDefault(spaceId, view.isDefault ? null : view.id)
            .catch(fail("savedViews.failed.default"));
        },
      });
    }
    if (mayChange) {
      result.push("separator", {
        label: t("savedViews.menu.delete"),
        isDanger: true,
        onSelect: () => setDeleting(view),
      });
    }
    return result;
  };

  const renderGroup = (group: SavedView[], isShared: boolean) =>
    group.length === 0 ? null : (
      <div className="saved-views-group">
        <span className="saved-views-group-title" aria-hidden="true">
          {t(isShared ? "savedViews.group.shared" : "savedViews.group.mine")}
        </span>
        <ul
          className="saved-views-list"
          aria-label={t(isShared ? "savedViews.group.sharedLabel" : "savedViews.group.mineLabel")}
        >
          {group.map((view) => (
            <li
              key={view.id}
              className={`saved-view${view.id === active?.id ? " is-active" : ""}${isShared ? " is-shared" : " is-personal"}`}
            >
              <Link
                to={savedViewHref(workspaceId, view)}
                state={{ view: "saved" }}
                className="saved-view-link"
                aria-current={view.id === active?.id ? "page" : undefined}
                title={
                  view.query
                    ? t("savedViews.view.titleQuery", { kind: t(kindKeys[view.kind]), query: view.query })
                    : t(kindKeys[view.kind])
                }
              >
                <span className="saved-view-icon" aria-hidden="true">
                  {isShared ? "◆" : "●"}
                </span>
                <span className="saved-view-name">{view.name}</span>
                {view.isDefault ? (
                  <span className="saved-view-badge">{t("savedViews.view.default")}</span>
                ) : null}
                <span className="visually-hidden">
                  {t(isShared ? "savedViews.view.sharedHidden" : "savedViews.view.mineHidden", {
                    kind: t(kindKeys[view.kind]),
                  })}
                </span>
              </Link>
              <Menu label={t("savedViews.view.actions", { name: view.name })} items={itemsFor(view, group)} />
            </li>
          ))}
        </ul>
      </div>
    );

  return (
    <section className="saved-views" aria-label={t("savedViews.label")}>
      {renderGroup(shared, true)}
      {renderGroup(mine, false)}
      {isCurrent && status === "ready" && kind !== null ? (
        <Button
          size="sm"
          variant="ghost"
          className="saved-views-save"
          onClick={() => setEditing({ mode: "save" })}
        >
          {t("savedViews.save")}
        </Button>
      ) : null}
      {editing ? (
        <SaveViewDialog
          key={editing.mode === "rename" ? editing.view.id : "save"}
          editing={editing}
          canShare={canShare}
          canChooseDefault={canChooseDefault}
          onClose={() => setEditing(null)}
          onSave={async ({ name, isShared, isDefault }) => {
            if (editing.mode === "rename") {
              await store().update(editing.view.id, { name });
              return;
            }
            if (kind === null) return;
            await store().create(spaceId, { name, kind, query, isShared, isDefault });
            toast.success(translate(isShared ? "savedViews.savedShared" : "savedViews.savedMine", { name }));
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== null}
        title={t("savedViews.delete.title")}
        message={
          deleting?.ownerId === null
            ? t("savedViews.delete.shared", { name: deleting.name })
            : t("savedViews.delete.mine", { name: deleting?.name ?? "" })
        }
        confirmLabel={t("common.delete")}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          const view = deleting;
          setDeleting(null);
          if (view) store().remove(view.id).catch(fail("savedViews.failed.delete"));
        }}
      />
    </section>
  );
};

const SaveViewDialog = ({
  editing,
  canShare,
  canChooseDefault,
  onClose,
  onSave,
}: {
  editing: NonNullable<Editing>;
  canShare: boolean;
  canChooseDefault: boolean;
  onClose: () => void;
  onSave: (values: { name: string; isShared: boolean; isDefault: boolean }) => Promise<void>;
}) => {
  const { t } = useTranslator();
  const isRename = editing.mode === "rename";
  const [name, setName] = useState(isRename ? editing.view.name : "");
  const [isShared, setIsShared] = useState(false);
  const [isDefault, setIsDefault] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const handleSubmit = () => {
    if (name.trim() === "") {
      setError(t("savedViews.dialog.nameRequired"));
      return;
    }
    setIsBusy(true);
    onSave({ name: name.trim(), isShared, isDefault: isShared && isDefault }).then(
      () => onClose(),
      (e: unknown) => {
        setIsBusy(false);
        setError(describeError(e));
      },
    );
  };
  return (
    <Dialog
      isOpen
      title={isRename ? t("savedViews.dialog.renameTitle") : t("savedViews.dialog.saveTitle")}
      description={isRename ? undefined : t("savedViews.dialog.description")}
      onClose={onClose}
      onSubmit={handleSubmit}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy}>
            {isRename ? t("common.rename") : t("common.save")}
          </Button>
        </>
      }
    >
      <Field label={t("savedViews.dialog.name")} error={error ?? undefined}>
        {(props) => (
          <Input
            {...props}
            value={name}
            maxLength={savedViewLimits.nameMax}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            autoFocus
          />
        )}
      </Field>
      {!isRename && canShare ? (
        <fieldset className="saved-views-options">
          <legend>{t("savedViews.dialog.who")}</legend>
          <label>
            <input type="radio" name="visibility" checked={!isShared} onChange={() => setIsShared(false)} />{" "}
            {t("savedViews.dialog.onlyMe")}
          </label>
          <label>
            <input type="radio" name="visibility" checked={isShared} onChange={() => setIsShared(true)} />{" "}
            {t("savedViews.dialog.everyone")}
          </label>
          {canChooseDefault ? (
            <label className={isShared ? "" : "is-disabled"}>
              <input
                type="checkbox"
                checked={isShared && isDefault}
                disabled={!isShared}
                onChange={(e) => setIsDefault(e.target.checked)}
              />{" "}
              {t("savedViews.dialog.default")}
            </label>
          ) : null}
        </fieldset>
      ) : null}
      {!isRename && !canShare ? <p className="saved-views-note">{t("savedViews.dialog.onlyYou")}</p> : null}
    </Dialog>
  );
};

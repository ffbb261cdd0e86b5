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

const kindLabel: Record<SavedViewKind, string> = {
  board: "Board",
  list: "List",
  calendar: "Calendar",
  gantt: "Gantt",
  workload: "Workload",
  forecast: "Forecast",
  time: "Time",
  flow: "Flow",
  aging: "Aging",
};

type Editing = { mode: "save" } | { mode: "rename"; view: SavedView } | null;

export const SavedViewsBar = ({ workspaceId, spaceId }: { workspaceId: string; spaceId: string }) => {
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

  const fail = (what: string) => (error: unknown) =>
    toast.error(`Could not ${what}. ${describeError(error)}`);
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
        { label: "Rename…", onSelect: () => setEditing({ mode: "rename", view }) },
        {
          label: "Update with the current view",
          isDisabled: kind === null,
          onSelect: () => {
            if (kind === null) return;
            store()
              .update(view.id, { kind, query })
              .then(
                () => toast.success(`Saved the current view as ‘${view.name}’.`),
                fail("update the view"),
              );
          },
        },
        {
          label: "Move left",
          isDisabled: !before,
          onSelect: () => {
            if (before) store().update(view.id, { beforeId: before.id }).catch(fail("move the view"));
          },
        },
        {
          label: "Move right",
          isDisabled: !after,
          onSelect: () => {
            if (after) store().update(view.id, { afterId: after.id }).catch(fail("move the view"));
          },
        },
      );
    }
    if (isShared && canChooseDefault) {
      result.push({
        label: view.isDefault ? "Stop being the default view" : "Make the space's default view",
        onSelect: () => {
          store()
            .setDefault(spaceId, view.isDefault ? null : view.id)
            .catch(fail("change the default view"));
        },
      });
    }
    if (mayChange) {
      result.push("separator", { label: "Delete…", isDanger: true, onSelect: () => setDeleting(view) });
    }
    return result;
  };

  const renderGroup = (group: SavedView[], title: string, isShared: boolean) =>
    group.length === 0 ? null : (
      <div className="saved-views-group">
        <span className="saved-views-group-title" aria-hidden="true">
          {title}
        </span>
        <ul className="saved-views-list" aria-label={`${title} saved views`}>
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
                title={`${kindLabel[view.kind]}${view.query ? ` · ${view.query}` : ""}`}
              >
                <span className="saved-view-icon" aria-hidden="true">
                  {isShared ? "◆" : "●"}
                </span>
                <span className="saved-view-name">{view.name}</span>
                {view.isDefault ? <span className="saved-view-badge">default</span> : null}
                <span className="visually-hidden">
                  {`, ${kindLabel[view.kind]}, ${isShared ? "shared" : "only you"}`}
                </span>
              </Link>
              <Menu label={`Actions for ${view.name}`} items={itemsFor(view, group)} />
            </li>
          ))}
        </ul>
      </div>
    );

  return (
    <section className="saved-views" aria-label="Saved views">
      {renderGroup(shared, "Shared", true)}
      {renderGroup(mine, "Mine", false)}
      {isCurrent && status === "ready" && kind !== null ? (
        <Button
          size="sm"
          variant="ghost"
          className="saved-views-save"
          onClick={() => setEditing({ mode: "save" })}
        >
          + Save view
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
            toast.success(`Saved ‘${name}’${isShared ? " for everyone in the space" : " for you"}.`);
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={deleting !== null}
        title="Delete this saved view?"
        message={
          deleting?.ownerId === null
            ? `‘${deleting.name}’ is shared: it goes for everyone in the space. The cards stay as they are.`
            : `‘${deleting?.name ?? ""}’ goes from your saved views. The cards stay as they are.`
        }
        confirmLabel="Delete"
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          const view = deleting;
          setDeleting(null);
          if (view) store().remove(view.id).catch(fail("delete the view"));
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
  const isRename = editing.mode === "rename";
  const [name, setName] = useState(isRename ? editing.view.name : "");
  const [isShared, setIsShared] = useState(false);
  const [isDefault, setIsDefault] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const handleSubmit = () => {
    if (name.trim() === "") {
      setError("Give the view a name.");
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
      title={isRename ? "Rename saved view" : "Save view"}
      description={
        isRename ? undefined : "Keeps this tab with its filters, grouping, sort and columns under a name."
      }
      onClose={onClose}
      onSubmit={handleSubmit}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" isBusy={isBusy}>
            {isRename ? "Rename" : "Save"}
          </Button>
        </>
      }
    >
      <Field label="Name" error={error ?? undefined}>
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
          <legend>Who sees it</legend>
          <label>
            <input type="radio" name="visibility" checked={!isShared} onChange={() => setIsShared(false)} />{" "}
            Only me
          </label>
          <label>
            <input type="radio" name="visibility" checked={isShared} onChange={() => setIsShared(true)} />{" "}
            Everyone in the space
          </label>
          {canChooseDefault ? (
            <label className={isShared ? "" : "is-disabled"}>
              <input
                type="checkbox"
                checked={isShared && isDefault}
                disabled={!isShared}
                onChange={(e) => setIsDefault(e.target.checked)}
              />{" "}
              Open it when people enter the space (default view)
            </label>
          ) : null}
        </fieldset>
      ) : null}
      {!isRename && !canShare ? <p className="saved-views-note">Only you will see this view.</p> : null}
    </Dialog>
  );
};

/** Open blockings of a card (with Clear), the cleared ones in a collapsed history, and "Block". */
import { Action, type BlockerType, type Blocking, type Card, can, type Member } from "@lattice/domain";
import { useCallback, useEffect, useId, useState } from "react";
import { describeError } from "../../api/client";
import { coordinationApi } from "../../api/coordination";
import { findApi } from "../../api/search";
import { useBoard } from "../../store/board";
import { rememberOpenBlockings } from "../../store/known-blockings";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { useCardEvents } from "./coordination-store";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const fmt = (iso: string) => when.format(new Date(iso));

const kindLabels: Record<BlockerType["kind"], string> = {
  local: "this space",
  global: "everywhere",
  on_demand: "on demand",
};

/**
 * A space owner names a new local blocker type without leaving the form (a new space has none, and
 * the form is useless without one).
 */
const NewBlockerType = ({
  spaceId,
  onCreated,
  onCancel,
}: {
  spaceId: string;
  onCreated: (type: BlockerType) => void;
  onCancel?: () => void;
}) => {
  const inputId = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError("Name the blocker type, for example “Waiting for a supplier”.");
    setIsSaving(true);
    setError(null);
    try {
      onCreated(await findApi.createLocalBlockerType(spaceId, { name: trimmed }));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <div className="coord-new-type" data-testid="new-blocker-type">
      <label className="field-label" htmlFor={inputId}>
        New blocker type for this space
      </label>
      <div className="coord-row">
        <input
          id={inputId}
          className="input"
          maxLength={120}
          placeholder="Waiting for a supplier"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the type here; it must not submit the Block form around it.
            if (e.key === "Enter") {
              e.preventDefault();
              void create();
            }
          }}
        />
        <Button size="sm" type="button" onClick={() => void create()} disabled={isSaving}>
          Add type
        </Button>
        {onCancel ? (
          <Button size="sm" variant="ghost" type="button" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
      {error ? (
        <p className="coord-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
};

const BlockForm = ({
  card,
  members,
  onDone,
}: {
  card: Card;
  members: Member[];
  onDone: (created: boolean) => void;
}) => {
  const [types, setTypes] = useState<BlockerType[] | null>(null);
  const [typeId, setTypeId] = useState("");
  const [reason, setReason] = useState("");
  const [responsibleId, setResponsibleId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isAddingType, setIsAddingType] = useState(false);
  const canManageTypes = can(
    useBoard((s) => s.role),
    Action.manageStatuses,
  );
  useEffect(() => {
    coordinationApi.blockerTypes(card.spaceId).then(
      (list) => {
        // On-demand types are offered only where the space enabled them.
        const usable = list.filter((t) => t.kind !== "on_demand" || t.isEnabled);
        setTypes(usable);
        setTypeId((current) => current || usable[0]?.id || "");
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [card.spaceId]);
  const handleTypeCreated = (type: BlockerType) => {
    setTypes((list) => [...(list ?? []), type]);
    setTypeId(type.id);
    setIsAddingType(false);
    setError(null);
    toast.success(`Blocker type “${type.name}” added.`);
  };
  const hasNoTypes = types !== null && types.length === 0;
  const submit = async () => {
    if (hasNoTypes) {
      return setError(
        canManageTypes
          ? "Add a blocker type first: name it above."
          : "This space has no blocker types yet: ask a space owner to add one.",
      );
    }
    if (!typeId) return setError("Choose what blocks the card.");
    if (!reason.trim()) return setError("Say why it is blocked.");
    setIsSaving(true);
    setError(null);
    try {
      await coordinationApi.block(card.id, {
        blockerTypeId: typeId,
        reason: reason.trim(),
        responsibleId: responsibleId || null,
      });
      onDone(true);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <form
      className="coord-form"
      data-testid="block-form"
      onKeyDown={(e) => {
        // Escape cancels this form only, not the card panel around it.
        if (e.key !== "Escape") return;
        e.stopPropagation();
        e.preventDefault();
        if (isAddingType) setIsAddingType(false);
        else onDone(false);
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {hasNoTypes ? (
        canManageTypes ? (
          <>
            <p className="coord-muted">This space has no blocker types yet. Name the first one:</p>
            <NewBlockerType spaceId={card.spaceId} onCreated={handleTypeCreated} />
          </>
        ) : (
          <p className="coord-muted">
            This space has no blocker types yet. Ask a space owner to add one under “Blocker types” in the
            board header.
          </p>
        )
      ) : (
        <>
          <label className="field-label" htmlFor="blocker-type">
            Blocked by
          </label>
          <div className="coord-row">
            <select
              id="blocker-type"
              className="input select"
              value={typeId}
              onChange={(e) => setTypeId(e.target.value)}
              disabled={!types}
            >
              {(types ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} — {kindLabels[t.kind]}
                  {t.activeCount > 0
                    ? ` · blocks ${t.activeCount} card${t.activeCount === 1 ? "" : "s"}`
                    : ""}
                </option>
              ))}
            </select>
            {canManageTypes && !isAddingType ? (
              <Button size="sm" variant="ghost" type="button" onClick={() => setIsAddingType(true)}>
                New type…
              </Button>
            ) : null}
          </div>
          {isAddingType ? (
            <NewBlockerType
              spaceId={card.spaceId}
              onCreated={handleTypeCreated}
              onCancel={() => setIsAddingType(false)}
            />
          ) : null}
        </>
      )}
      <label className="field-label" htmlFor="blocker-reason">
        Reason
      </label>
      <textarea
        id="blocker-reason"
        className="input textarea"
        rows={2}
        maxLength={2000}
        placeholder="What are we waiting for?"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <label className="field-label" htmlFor="blocker-responsible">
        Who must clear it
      </label>
      <select
        id="blocker-responsible"
        className="input select"
        value={responsibleId}
        onChange={(e) => setResponsibleId(e.target.value)}
      >
        <option value="">Anyone</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
      {error ? (
        <p className="coord-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="coord-form-actions">
        <Button size="sm" variant="ghost" type="button" onClick={() => onDone(false)}>
          Cancel
        </Button>
        <Button size="sm" variant="danger" type="submit" disabled={isSaving}>
          Block card
        </Button>
      </div>
    </form>
  );
};

export const BlockersSection = ({
  card,
  members,
  canWrite,
  myUserId,
}: {
  card: Card;
  members: Member[];
  canWrite: boolean;
  myUserId: string | null;
}) => {
  const [blockings, setBlockings] = useState<Blocking[] | null>(null);
  const [isBlocking, setIsBlocking] = useState(false);
  const reload = useCallback(() => {
    coordinationApi.blockings(card.id).then(setBlockings, () => setBlockings([]));
  }, [card.id]);
  useEffect(reload, [reload]);
  useCardEvents(card.id, ["blocking."], reload);
  // A move refused because the card is blocked can then name its blockers before any request.
  useEffect(() => {
    if (blockings)
      rememberOpenBlockings(
        card.id,
        blockings.filter((b) => !b.clearedAt).map((b) => ({ blockerName: b.blockerName, reason: b.reason })),
      );
  }, [card.id, blockings]);
  const nameOf = (id: string | null) =>
    id === null
      ? "Someone"
      : id === myUserId
        ? "You"
        : (members.find((m) => m.userId === id)?.name ?? "A former member");
  const clear = async (blocking: Blocking) => {
    try {
      await coordinationApi.clearBlocking(blocking.id);
      reload();
    } catch (e) {
      toast.error(`Could not clear “${blocking.blockerName}”. ${describeError(e)}`);
    }
  };
  const open = (blockings ?? []).filter((b) => !b.clearedAt);
  const cleared = (blockings ?? []).filter((b) => b.clearedAt).reverse();
  return (
    <div data-testid="blockers">
      {blockings && open.length === 0 && !isBlocking ? <p className="coord-muted">Not blocked.</p> : null}
      {open.length > 0 ? (
        <ul className="blocking-list" aria-label="Open blockers">
          {open.map((b) => (
            <li key={b.id} className="blocking-item">
              <div className="blocking-head">
                <strong>⊘ {b.blockerName}</strong>
                {canWrite ? (
                  <Button size="sm" onClick={() => void clear(b)}>
                    Clear
                  </Button>
                ) : null}
              </div>
              <span>{b.reason}</span>
              <span className="blocking-meta">
                Blocked by {nameOf(b.blockedBy)} · {fmt(b.blockedAt)}
                {b.responsibleId ? ` · ${nameOf(b.responsibleId)} must clear it` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        isBlocking ? (
          <BlockForm
            card={card}
            members={members}
            onDone={(created) => {
              setIsBlocking(false);
              if (created) reload();
            }}
          />
        ) : (
          <Button size="sm" style={{ marginTop: 8 }} onClick={() => setIsBlocking(true)}>
            ⊘ Block…
          </Button>
        )
      ) : null}
      {cleared.length > 0 ? (
        <details className="blocking-history">
          <summary>History ({cleared.length} cleared)</summary>
          <ul className="blocking-list">
            {cleared.map((b) => (
              <li key={b.id} className="blocking-item is-cleared">
                <strong>{b.blockerName}</strong>
                <span>{b.reason}</span>
                <span className="blocking-meta">
                  Blocked by {nameOf(b.blockedBy)} · {fmt(b.blockedAt)} — cleared by {nameOf(b.clearedBy)} ·{" "}
                  {b.clearedAt ? fmt(b.clearedAt) : ""}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
};

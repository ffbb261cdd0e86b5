/** Open blockings of a card (with Clear), the cleared ones in a collapsed history, and "Block". */
import type { BlockerType, Blocking, Card, Member } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { describeError } from "../../api/client";
import { coordinationApi } from "../../api/coordination";
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
  const submit = async () => {
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
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field-label" htmlFor="blocker-type">
        Blocked by
      </label>
      {types && types.length === 0 ? (
        <p className="coord-muted">
          This space has no blocker types yet. A space owner can create them in the space settings.
        </p>
      ) : (
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
              {t.activeCount > 0 ? ` · blocks ${t.activeCount} card${t.activeCount === 1 ? "" : "s"}` : ""}
            </option>
          ))}
        </select>
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
        <Button size="sm" variant="danger" type="submit" disabled={isSaving || !typeId}>
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

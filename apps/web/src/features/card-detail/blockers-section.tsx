/** Open blockings of a card (with Clear), the cleared ones in a collapsed history, and "Block". */
import { Action, type BlockerType, type Blocking, type Card, can, type Member } from "@lattice/domain";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { blockerTypesApi, putBlockerType, useBlockerTypes } from "../../api/blocker-types";
import { describeError } from "../../api/client";
import { coordinationApi } from "../../api/coordination";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { rememberOpenBlockings } from "../../store/known-blockings";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { useCardEvents } from "./coordination-store";

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
  const { t } = useTranslator();
  const inputId = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError(t("card.blockers.nameType"));
    setIsSaving(true);
    setError(null);
    try {
      const type = await blockerTypesApi.createLocal(spaceId, { name: trimmed });
      void putBlockerType(spaceId, type);
      onCreated(type);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <div className="coord-new-type" data-testid="new-blocker-type">
      <label className="field-label" htmlFor={inputId}>
        {t("card.blockers.newType")}
      </label>
      <div className="coord-row">
        <input
          id={inputId}
          className="input"
          maxLength={120}
          placeholder={t("card.blockers.typeExample")}
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
          {t("card.blockers.addType")}
        </Button>
        {onCancel ? (
          <Button size="sm" variant="ghost" type="button" onClick={onCancel}>
            {t("common.cancel")}
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
  const { t } = useTranslator();
  const { types: listed, error: typesError } = useBlockerTypes(card.spaceId);
  // On-demand types are offered only where the space enabled them.
  const types = useMemo(
    () => listed?.filter((type) => type.kind !== "on_demand" || type.isEnabled) ?? null,
    [listed],
  );
  const [chosenTypeId, setTypeId] = useState("");
  const typeId = chosenTypeId || types?.[0]?.id || "";
  const [reason, setReason] = useState("");
  const [responsibleId, setResponsibleId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isAddingType, setIsAddingType] = useState(false);
  const canManageTypes = can(
    useBoard((s) => s.role),
    Action.manageStatuses,
  );
  const handleTypeCreated = (type: BlockerType) => {
    setTypeId(type.id);
    setIsAddingType(false);
    setError(null);
    toast.success(translate("card.blockers.typeAdded", { name: type.name }));
  };
  const hasNoTypes = types !== null && types.length === 0;
  const submit = async () => {
    if (hasNoTypes) {
      return setError(canManageTypes ? t("card.blockers.addTypeFirst") : t("card.blockers.askForType"));
    }
    if (!typeId) return setError(t("card.blockers.chooseType"));
    if (!reason.trim()) return setError(t("card.blockers.sayWhy"));
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
            <p className="coord-muted">{t("card.blockers.noTypesOwner")}</p>
            <NewBlockerType spaceId={card.spaceId} onCreated={handleTypeCreated} />
          </>
        ) : (
          <p className="coord-muted">{t("card.blockers.noTypes")}</p>
        )
      ) : (
        <>
          <label className="field-label" htmlFor="blocker-type">
            {t("card.blockers.blockedBy")}
          </label>
          <div className="coord-row">
            <select
              id="blocker-type"
              className="input select"
              value={typeId}
              onChange={(e) => setTypeId(e.target.value)}
              disabled={!types}
            >
              {(types ?? []).map((type) => (
                <option key={type.id} value={type.id}>
                  {t("card.blockers.typeOption", {
                    name: type.name,
                    kind: type.kind,
                    count: type.activeCount,
                  })}
                </option>
              ))}
            </select>
            {canManageTypes && !isAddingType ? (
              <Button size="sm" variant="ghost" type="button" onClick={() => setIsAddingType(true)}>
                {t("card.blockers.newTypeButton")}
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
        {t("card.blockers.reason")}
      </label>
      <textarea
        id="blocker-reason"
        className="input textarea"
        rows={2}
        maxLength={2000}
        placeholder={t("card.blockers.reasonPlaceholder")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <label className="field-label" htmlFor="blocker-responsible">
        {t("card.blockers.whoClears")}
      </label>
      <select
        id="blocker-responsible"
        className="input select"
        value={responsibleId}
        onChange={(e) => setResponsibleId(e.target.value)}
      >
        <option value="">{t("card.blockers.anyone")}</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
      {error || typesError ? (
        <p className="coord-error" role="alert">
          {error ?? describeError(typesError)}
        </p>
      ) : null}
      <div className="coord-form-actions">
        <Button size="sm" variant="ghost" type="button" onClick={() => onDone(false)}>
          {t("common.cancel")}
        </Button>
        <Button size="sm" variant="danger" type="submit" disabled={isSaving}>
          {t("card.blockers.block")}
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
  const { t, format } = useTranslator();
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
      ? t("card.person.someone")
      : id === myUserId
        ? t("card.person.you")
        : (members.find((m) => m.userId === id)?.name ?? t("card.person.former"));
  const clear = async (blocking: Blocking) => {
    try {
      await coordinationApi.clearBlocking(blocking.id);
      reload();
    } catch (e) {
      toast.error(
        translate("card.blockers.clearFailed", { name: blocking.blockerName, reason: describeError(e) }),
      );
    }
  };
  const open = (blockings ?? []).filter((b) => !b.clearedAt);
  const cleared = (blockings ?? []).filter((b) => b.clearedAt).reverse();
  return (
    <div data-testid="blockers">
      {blockings && open.length === 0 && !isBlocking ? (
        <p className="coord-muted">{t("card.blockers.none")}</p>
      ) : null}
      {open.length > 0 ? (
        <ul className="blocking-list" aria-label={t("card.blockers.open")}>
          {open.map((b) => (
            <li key={b.id} className="blocking-item">
              <div className="blocking-head">
                <strong>⊘ {b.blockerName}</strong>
                {canWrite ? (
                  <Button size="sm" onClick={() => void clear(b)}>
                    {t("card.blockers.clear")}
                  </Button>
                ) : null}
              </div>
              <span>{b.reason}</span>
              <span className="blocking-meta">
                {t("card.blockers.blockedByWhen", {
                  name: nameOf(b.blockedBy),
                  when: format.dateTime(b.blockedAt),
                })}
                {b.responsibleId
                  ? ` · ${t("card.blockers.mustClear", { name: nameOf(b.responsibleId) })}`
                  : ""}
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
            ⊘ {t("card.blockers.blockButton")}
          </Button>
        )
      ) : null}
      {cleared.length > 0 ? (
        <details className="blocking-history">
          <summary>{t("card.blockers.history", { count: cleared.length })}</summary>
          <ul className="blocking-list">
            {cleared.map((b) => (
              <li key={b.id} className="blocking-item is-cleared">
                <strong>{b.blockerName}</strong>
                <span>{b.reason}</span>
                <span className="blocking-meta">
                  {t("card.blockers.clearedLine", {
                    name: nameOf(b.blockedBy),
                    when: format.dateTime(b.blockedAt),
                    clearer: nameOf(b.clearedBy),
                    cleared: b.clearedAt ? format.dateTime(b.clearedAt) : "",
                  })}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
};

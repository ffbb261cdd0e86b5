/** Parents (the first is the default), children, previous and next cards, with date conflicts. */
import type { Card } from "@lattice/domain";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { ApiError, describeError } from "../../api/client";
import {
  type CardRelations,
  type RelatedEntry,
  type RelationType,
  refreshRelations,
  relationsApi,
  useCardRelations,
} from "../../api/relations";
import { type SearchHit, useSearch } from "../../api/search";
import { type MessageKey, translate, useTranslator } from "../../lib/i18n/i18n";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { useBoard } from "../../store/board";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { conflictText } from "./coordination-helpers";
import { boardConflicts } from "./coordination-store";

const groups: Array<{ key: keyof CardRelations; title: MessageKey; type: RelationType }> = [
  { key: "parents", title: "card.relations.parents", type: "parent" },
  { key: "children", title: "card.relations.children", type: "child" },
  { key: "previous", title: "card.relations.previous", type: "previous" },
  { key: "next", title: "card.relations.next", type: "next" },
];

const typeLabels: Record<RelationType, MessageKey> = {
  parent: "card.relations.type.parent",
  child: "card.relations.type.child",
  previous: "card.relations.type.previous",
  next: "card.relations.type.next",
};

const AddRelation = ({
  card,
  onAdded,
  onCancel,
}: {
  card: Card;
  onAdded: () => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslator();
  const [type, setType] = useState<RelationType>("child");
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | null>(null);
  const trimmed = query.trim();
  const asked = useDebouncedValue(trimmed, 200);
  const search = useSearch(asked, 12);
  const isSearching = trimmed !== asked || search.status === "loading";
  // Cards of this workspace other than this one, each once.
  const hits = useMemo(() => {
    if (!trimmed) return [];
    const seen = new Set<string>();
    return search.hits.filter(
      (h) =>
        h.cardId !== card.id &&
        h.workspaceId === card.workspaceId &&
        !seen.has(h.cardId) &&
        seen.add(h.cardId),
    );
  }, [trimmed, search.hits, card.id, card.workspaceId]);
  const shownError = error ?? (search.error ? describeError(search.error) : null);

  const add = async (hit: SearchHit) => {
    setError(null);
    try {
      await relationsApi.add(card.id, type, hit.cardId);
      onAdded();
    } catch (e) {
      // A cycle (409) names the cards that would go round: show it where the person is looking.
      setError(e instanceof ApiError ? e.detail || e.title : describeError(e));
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the form closes the form only
    <div
      className="coord-form"
      data-testid="add-relation"
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.stopPropagation();
        e.preventDefault();
        onCancel();
      }}
    >
      <label className="field-label" htmlFor="relation-type">
        {t("card.relations.relation")}
      </label>
      <select
        id="relation-type"
        className="input select"
        value={type}
        onChange={(e) => setType(e.target.value as RelationType)}
      >
        {(Object.keys(typeLabels) as RelationType[]).map((relationType) => (
          <option key={relationType} value={relationType}>
            {t(typeLabels[relationType])}
          </option>
        ))}
      </select>
      <label className="field-label" htmlFor="relation-search">
        {t("card.relations.cardToRelate")}
      </label>
      <input
        id="relation-search"
        className="input"
        type="search"
        placeholder={t("card.relations.search")}
        value={query}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to add a relation
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
      />
      {shownError ? (
        <p className="coord-error" role="alert">
          {shownError}
        </p>
      ) : null}
      <ul className="picker-list" aria-label={t("card.relations.matches")}>
        {query.trim() && !isSearching && hits.length === 0 ? (
          <li className="coord-muted">{t("card.relations.noMatch")}</li>
        ) : null}
        {hits.map((hit) => (
          <li key={hit.cardId}>
            <button type="button" className="picker-option coord-search-hit" onClick={() => void add(hit)}>
              <span>
                {hit.name}
                {hit.spaceId !== card.spaceId ? <small>{t("card.relations.inAnotherSpace")}</small> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="coord-form-actions">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {t("common.done")}
        </Button>
      </div>
    </div>
  );
};

export const RelationsSection = ({ card, canWrite }: { card: Card; canWrite: boolean }) => {
  const { t, format } = useTranslator();
  const { relations, error: loadError } = useCardRelations(card.id);
  const error = loadError ? describeError(loadError) : null;
  const reload = () => void refreshRelations(card.id);
  const [isAdding, setIsAdding] = useState(false);
  const conflicts = useBoard((s) => boardConflicts(s.view, card.id));
  const statuses = useBoard((s) => s.view.statuses);

  const remove = async (entry: RelatedEntry) => {
    try {
      await relationsApi.remove(entry.relationId);
      reload();
    } catch (e) {
      toast.error(translate("card.relations.removeFailed", { reason: describeError(e) }));
    }
  };

  const hrefOf = (entry: RelatedEntry) => `/w/${card.workspaceId}/s/${entry.spaceId}/c/${entry.id}`;
  const total = relations ? groups.reduce((n, g) => n + relations[g.key].length, 0) : 0;

  return (
    <div data-testid="relations">
      {error ? <p className="coord-error">{error}</p> : null}
      {relations && total === 0 && !isAdding ? (
        <p className="coord-muted">{t("card.relations.none")}</p>
      ) : null}
      {relations
        ? groups.map((g) =>
            relations[g.key].length > 0 ? (
              <div key={g.key} className="relation-group">
                <h4 className="relation-group-title">{t(g.title)}</h4>
                <ul className="relation-list" aria-label={t(g.title)}>
                  {relations[g.key].map((entry, index) => {
                    const status = statuses[entry.statusId];
                    return (
                      <li key={entry.relationId} className="relation-item">
                        {status ? (
                          <span
                            className={`status-dot status-dot-${status.role}`}
                            title={status.name}
                            aria-hidden="true"
                          />
                        ) : null}
                        <Link to={hrefOf(entry)} title={entry.name}>
                          {entry.name}
                        </Link>
                        {g.key === "parents" && index === 0 ? (
                          <span className="badge badge-accent" title={t("card.relations.defaultTitle")}>
                            {t("card.relations.default")}
                          </span>
                        ) : null}
                        {entry.spaceId !== card.spaceId ? (
                          <span className="badge">{t("card.relations.otherSpace")}</span>
                        ) : null}
                        {entry.dueDate ? (
                          <span className="coord-muted">
                            {t("card.relations.due", { date: format.calendarDay(entry.dueDate, true) })}
                          </span>
                        ) : null}
                        {canWrite ? (
                          <button
                            type="button"
                            className="chip-remove"
                            aria-label={t("card.relations.removeTo", { name: entry.name })}
                            title={t("card.relations.remove")}
                            onClick={() => void remove(entry)}
                          >
                            ✕
                          </button>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ) : null,
          )
        : null}
      {conflicts.map((c) => (
        <p key={`${c.otherCardId}-${c.kind}-${c.reason}`} className="coord-warning" role="note">
          <span aria-hidden="true">⚠</span>
          <span>{t("card.relations.conflict", { reason: conflictText({ t, format }, c) })}</span>
        </p>
      ))}
      {canWrite ? (
        isAdding ? (
          <AddRelation
            card={card}
            onAdded={() => {
              reload();
              setIsAdding(false);
            }}
            onCancel={() => setIsAdding(false)}
          />
        ) : (
          <Button size="sm" onClick={() => setIsAdding(true)} style={{ marginTop: 8 }}>
            {t("card.relations.add")}
          </Button>
        )
      ) : null}
    </div>
  );
};

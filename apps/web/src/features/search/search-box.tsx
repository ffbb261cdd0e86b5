/**
 * The header's search: debounced, a combobox with a listbox of hits (ArrowUp/Down move, Enter opens,
 * Escape closes then clears). Snippets show the matched words marked, as text only.
 */

import { useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../../api/client";
import { type SearchHit, useSearch } from "../../api/search";
import { useTranslator } from "../../lib/i18n/i18n";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { snippetParts } from "./snippet";

const debounceMs = 200;
const limit = 12;

const noHits: SearchHit[] = [];

const hitHref = (hit: SearchHit) => `/w/${hit.workspaceId}/s/${hit.spaceId}/c/${hit.cardId}`;

export const Snippet = ({ text }: { text: string }) => (
  <>
    {snippetParts(text).map((part, index) =>
      part.isMatch ? (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder
        <mark key={index}>{part.text}</mark>
      ) : (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder
        <span key={index}>{part.text}</span>
      ),
    )}
  </>
);

export const SearchBox = () => {
  const { t } = useTranslator();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(-1);
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const listId = useId();
  const trimmed = query.trim();
  const asked = useDebouncedValue(trimmed, debounceMs);
  const search = useSearch(asked, limit);
  const hits = trimmed ? search.hits : noHits;
  const status = !trimmed ? "idle" : trimmed !== asked ? "loading" : search.status;
  const error = search.error ? describeError(search.error) : null;

  // A new answer: the first hit is the one Enter opens.
  useEffect(() => {
    setActive(search.hits.length > 0 ? 0 : -1);
  }, [search.hits]);

  useEffect(() => {
    if (!isOpen) return;
    const handlePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", handlePointer);
    return () => document.removeEventListener("pointerdown", handlePointer);
  }, [isOpen]);

  const open = (hit: SearchHit) => {
    setIsOpen(false);
    void navigate(hitHref(hit));
  };

  const handleKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setIsOpen(true);
        setActive((i) => (hits.length === 0 ? -1 : (i + 1) % hits.length));
        return;
      case "ArrowUp":
        event.preventDefault();
        setIsOpen(true);
        setActive((i) => (hits.length === 0 ? -1 : (i - 1 + hits.length) % hits.length));
        return;
      case "Enter": {
        const hit = hits[active];
        if (isOpen && hit) {
          event.preventDefault();
          open(hit);
        }
        return;
      }
      case "Escape":
        event.preventDefault();
        if (isOpen && trimmed) setIsOpen(false);
        else {
          setQuery("");
          event.currentTarget.blur();
        }
        return;
      default:
        return;
    }
  };

  const showList = isOpen && trimmed.length > 0;
  const activeHit = showList ? hits[active] : undefined;
  return (
    <div className="search-box" ref={rootRef}>
      <svg
        className="search-icon"
        aria-hidden="true"
        width="15"
        height="15"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        <circle cx="11" cy="11" r="7" />
        <path d="m20 20-3.5-3.5" />
      </svg>
      <input
        type="search"
        className="input search-input"
        placeholder={t("search.placeholder")}
        aria-label={t("search.label")}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={activeHit ? `${listId}-${activeHit.cardId}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setIsOpen(true);
        }}
        onFocus={() => setIsOpen(true)}
        onKeyDown={handleKeyDown}
      />
      {showList ? (
        <div className="search-popup">
          {status === "error" ? (
            <p className="search-note" role="alert">
              {error}
            </p>
          ) : hits.length === 0 ? (
            <p className="search-note" role="status">
              {status === "ready" ? t("search.noMatch", { query: trimmed }) : t("search.searching")}
            </p>
          ) : null}
          <div id={listId} role="listbox" aria-label={t("search.results")} className="search-results">
            {hits.map((hit, index) => (
              <div
                key={hit.cardId}
                tabIndex={-1}
                id={`${listId}-${hit.cardId}`}
                role="option"
                aria-selected={index === active}
                className={`search-hit${index === active ? " is-active" : ""}`}
                onPointerMove={() => setActive(index)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => open(hit)}
                onKeyDown={() => undefined}
              >
                <span className="search-hit-name">{hit.name}</span>
                {hit.matchedIn === "comment" ? (
                  <span className="search-hit-tag">{t("search.inComment")}</span>
                ) : null}
                {hit.matchedIn === "attachment" ? (
                  <span className="search-hit-tag">{t("search.inDocument")}</span>
                ) : null}
                {hit.isArchived ? (
                  <span className="search-hit-tag search-hit-archived">{t("search.archived")}</span>
                ) : null}
                <span className="search-hit-snippet">
                  <Snippet text={hit.snippet} />
                </span>
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
};

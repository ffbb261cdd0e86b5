/** The bar above the board's columns: filters, grouping into swimlanes, "3 of 10 cards", clear all. */
import { type Label, type Member, statusRoles } from "@lattice/domain";
import type { ReactNode } from "react";
import { statusRoleLabels } from "../board/columns-dialog";
import { activeFilterCount, type BoardFilters, type DueFilter, type Grouping, noFilters } from "./filters";

interface FilterBarProps {
  filters: BoardFilters;
  /** Swimlanes are offered only where a view can show them (with `onGroup`). */
  grouping?: Grouping;
  members: readonly Member[];
  labels: readonly Label[];
  myUserId: string | null;
  shown: number;
  total: number;
  onChange: (filters: BoardFilters) => void;
  onGroup?: (grouping: Grouping) => void;
  /** A view's own filters, shown first (the List's name and column). */
  leading?: ReactNode;
  /** How many of those are active: they count towards "3 of 10" and "Clear all". */
  leadingActive?: number;
  /** Clears the view's own filters too; without it "Clear all" clears the board's filters. */
  onClearAll?: () => void;
}

const dueLabels: Record<DueFilter, string> = {
  overdue: "Overdue",
  this_week: "Due this week",
  none: "No due date",
};

export const FilterBar = ({
  filters,
  grouping,
  members,
  labels,
  myUserId,
  shown,
  total,
  onChange,
  onGroup,
  leading,
  leadingActive = 0,
  onClearAll,
}: FilterBarProps) => {
  const set = <K extends keyof BoardFilters>(key: K, value: string) =>
    onChange({ ...filters, [key]: value === "" ? null : value });
  const active = activeFilterCount(filters) + leadingActive;
  const people = [...members].sort((a, b) => (a.userId === myUserId ? -1 : b.userId === myUserId ? 1 : 0));
  const personName = (m: Member) => (m.userId === myUserId ? `${m.name} (me)` : m.name);
  // A filter on someone who is no longer listed still shows (and can be cleared).
  const isKnown = (id: string | null) => id === null || id === "none" || members.some((m) => m.userId === id);

  return (
    <section
      className={`filter-bar${active > 0 ? " is-filtered" : ""}`}
      aria-label={onGroup ? "Filter and group cards" : "Filter cards"}
    >
      {leading}
      <label className="filter">
        <span className="filter-label">Responsible</span>
        <select
          className="input select filter-select"
          value={filters.responsible ?? ""}
          onChange={(e) => set("responsible", e.target.value)}
        >
          <option value="">Anyone</option>
          <option value="none">No one</option>
          {people.map((m) => (
            <option key={m.userId} value={m.userId}>
              {personName(m)}
            </option>
          ))}
          {isKnown(filters.responsible) ? null : (
            <option value={filters.responsible ?? ""}>Former member</option>
          )}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Co-worker</span>
        <select
          className="input select filter-select"
          value={filters.coworker ?? ""}
          onChange={(e) => set("coworker", e.target.value)}
        >
          <option value="">Anyone</option>
          {people.map((m) => (
            <option key={m.userId} value={m.userId}>
              {personName(m)}
            </option>
          ))}
          {isKnown(filters.coworker) ? null : <option value={filters.coworker ?? ""}>Former member</option>}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Label</span>
        <select
          className="input select filter-select"
          value={filters.label ?? ""}
          onChange={(e) => set("label", e.target.value)}
        >
          <option value="">Any</option>
          <option value="none">No label</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Status</span>
        <select
          className="input select filter-select"
          value={filters.role ?? ""}
          onChange={(e) => set("role", e.target.value)}
        >
          <option value="">Any</option>
          {statusRoles.map((role) => (
            <option key={role} value={role}>
              {statusRoleLabels[role]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Due</span>
        <select
          className="input select filter-select"
          value={filters.due ?? ""}
          onChange={(e) => set("due", e.target.value)}
        >
          <option value="">Any time</option>
          {(Object.keys(dueLabels) as DueFilter[]).map((due) => (
            <option key={due} value={due}>
              {dueLabels[due]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Blocked</span>
        <select
          className="input select filter-select"
          value={filters.blocked ?? ""}
          onChange={(e) => set("blocked", e.target.value)}
        >
          <option value="">Either</option>
          <option value="yes">Blocked</option>
          <option value="no">Not blocked</option>
        </select>
      </label>
      {onGroup ? (
        <label className="filter filter-group">
          <span className="filter-label">Swimlanes</span>
          <select
            className="input select filter-select"
            value={grouping ?? "none"}
            onChange={(e) => onGroup(e.target.value as Grouping)}
          >
            <option value="none">None</option>
            <option value="responsible">By responsible</option>
            <option value="label">By label</option>
            <option value="due">By due date</option>
          </select>
        </label>
      ) : null}
      <div className="filter-summary">
        {active > 0 ? (
          <>
            <span role="status" className="filter-count">
              {shown} of {total} card{total === 1 ? "" : "s"}
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() => (onClearAll ? onClearAll() : onChange(noFilters))}
            >
              Clear all
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
};

/**
 * The bar above a view's cards: a Filter button whose panel holds the filters, a chip for each active
 * one (removable on its own), grouping into swimlanes, "3 of 10 cards" and Clear all. The filters stay
 * in the URL exactly as before (see filters.ts); this is only how they are shown.
 */
import { type CustomField, type Label, type Member, statusRoles } from "@lattice/domain";
import { type ReactNode, useRef } from "react";
import { type MessageKey, translate, useTranslator } from "../../lib/i18n/i18n";
import { Popover } from "../../ui/menu";
import { statusRoleKeys } from "../board/columns-dialog";
import { activeFilterCount, type BoardFilters, type DueFilter, type Grouping, noFilters } from "./filters";

interface FilterBarProps {
  filters: BoardFilters;
  /** Swimlanes are offered only where a view can show them (with `onGroup`). */
  grouping?: Grouping;
  members: readonly Member[];
  labels: readonly Label[];
  /** The space's custom fields, in order: each can filter, and choice and person ones make lanes. */
  fields?: readonly CustomField[];
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

const dueKeys: Record<DueFilter, MessageKey> = {
  overdue: "filters.due.overdue",
  this_week: "filters.due.thisWeek",
  none: "filters.due.none",
};

export interface FilterChip {
  key: keyof BoardFilters | `field.${string}`;
  text: string;
  /** Set on a custom field's chip: removing it drops that field's filter. */
  fieldId?: string;
}

/** What a field filter's value reads as: an option's or a person's name, "any value" or "none". */
const fieldFilterText = (field: CustomField | undefined, wanted: string, person: (id: string) => string) => {
  if (wanted === "none") return translate("filters.chip.fieldNone");
  if (wanted === "set") return translate("filters.chip.fieldAny");
  if (field?.kind === "person") return person(wanted);
  return field?.options.find((o) => o.id === wanted)?.name ?? translate("filters.chip.removedOption");
};

/** Lanes can be made of a field with a fixed set of values: its options, or the space's people. */
export const isLaneField = (field: CustomField): boolean =>
  field.kind === "single_choice" || field.kind === "multi_choice" || field.kind === "person";

/** What each active filter says on its chip, in the order of the panel. */
export const filterChips = (
  filters: BoardFilters,
  members: readonly Member[],
  labels: readonly Label[],
  myUserId: string | null,
  fields: readonly CustomField[] = [],
): FilterChip[] => {
  const person = (id: string) => {
    const member = members.find((m) => m.userId === id);
    if (!member) return translate("filters.chip.formerMember");
    return member.userId === myUserId ? translate("filters.me", { name: member.name }) : member.name;
  };
  const chips: FilterChip[] = [];
  if (filters.responsible !== null)
    chips.push({
      key: "responsible",
      text: translate("filters.chip.responsible", {
        name: filters.responsible === "none" ? translate("filters.chip.noOne") : person(filters.responsible),
      }),
    });
  if (filters.coworker !== null)
    chips.push({
      key: "coworker",
      text: translate("filters.chip.coworker", { name: person(filters.coworker) }),
    });
  if (filters.label !== null) {
    const name =
      filters.label === "none"
        ? translate("filters.chip.fieldNone")
        : (labels.find((l) => l.id === filters.label)?.name ?? translate("filters.chip.deletedLabel"));
    chips.push({ key: "label", text: translate("filters.chip.label", { name }) });
  }
  if (filters.role !== null)
    chips.push({
      key: "role",
      text: translate("filters.chip.status", { name: translate(statusRoleKeys[filters.role]) }),
    });
  if (filters.due !== null) chips.push({ key: "due", text: translate(dueKeys[filters.due]) });
  if (filters.blocked !== null)
    chips.push({
      key: "blocked",
      text: translate(filters.blocked === "yes" ? "filters.blocked.yes" : "filters.blocked.no"),
    });
  if (filters.risk !== null) chips.push({ key: "risk", text: translate("filters.age.atRisk") });
  for (const [fieldId, wanted] of Object.entries(filters.fields)) {
    const field = fields.find((f) => f.id === fieldId);
    chips.push({
      key: `field.${fieldId}`,
      fieldId,
      text: translate("filters.chip.field", {
        field: field?.name ?? translate("filters.chip.deletedField"),
        value: fieldFilterText(field, wanted, person),
      }),
    });
  }
  return chips;
};

export const FilterBar = ({
  filters,
  grouping,
  members,
  labels,
  fields = [],
  myUserId,
  shown,
  total,
  onChange,
  onGroup,
  leading,
  leadingActive = 0,
  onClearAll,
}: FilterBarProps) => {
  const { t } = useTranslator();
  // Two changes in a row (before the URL has re-rendered the bar) must both land: each builds on
  // the last one made, not on the filters of the last render.
  const latest = useRef(filters);
  latest.current = filters;
  const change = (next: BoardFilters) => {
    latest.current = next;
    onChange(next);
  };
  const set = <K extends keyof BoardFilters>(key: K, value: string) =>
    change({ ...latest.current, [key]: value === "" ? null : value });
  const boardActive = activeFilterCount(filters);
  const active = boardActive + leadingActive;
  const chips = filterChips(filters, members, labels, myUserId, fields);
  const setField = (fieldId: string, value: string) => {
    const { [fieldId]: _dropped, ...others } = latest.current.fields;
    change({ ...latest.current, fields: value === "" ? others : { ...others, [fieldId]: value } });
  };
  const removeChip = (chip: FilterChip) =>
    chip.fieldId ? setField(chip.fieldId, "") : change({ ...latest.current, [chip.key]: null });
  const people = [...members].sort((a, b) => (a.userId === myUserId ? -1 : b.userId === myUserId ? 1 : 0));
  const personName = (m: Member) => (m.userId === myUserId ? t("filters.me", { name: m.name }) : m.name);
  // A filter on someone who is no longer listed still shows (and can be cleared).
  const isKnown = (id: string | null) => id === null || id === "none" || members.some((m) => m.userId === id);

  return (
    <section
      className={`filter-bar${active > 0 ? " is-filtered" : ""}`}
      aria-label={onGroup ? t("filters.bar.labelGroup") : t("filters.bar.label")}
    >
      {leading}
      <Popover
        label={t("filters.panel.label")}
        icon="⚲"
        align="start"
        text={
          <>
            {t("filters.button")}
            {boardActive > 0 ? (
              <span className="filter-badge" aria-hidden="true">
                {boardActive}
              </span>
            ) : null}
          </>
        }
        triggerLabel={
          boardActive > 0 ? t("filters.buttonActive", { count: boardActive }) : t("filters.button")
        }
        triggerClassName={`btn btn-secondary btn-sm filter-button${boardActive > 0 ? " is-active" : ""}`}
        panelClassName="filter-panel"
      >
        {() => (
          <div className="filter-panel-fields">
            <label className="filter">
              <span className="filter-label">{t("filters.responsible")}</span>
              <select
                className="input select filter-select"
                value={filters.responsible ?? ""}
                onChange={(e) => set("responsible", e.target.value)}
              >
                <option value="">{t("filters.anyone")}</option>
                <option value="none">{t("filters.noOne")}</option>
                {people.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {personName(m)}
                  </option>
                ))}
                {isKnown(filters.responsible) ? null : (
                  <option value={filters.responsible ?? ""}>{t("filters.formerMember")}</option>
                )}
              </select>
            </label>
            <label className="filter">
              <span className="filter-label">{t("filters.coworker")}</span>
              <select
                className="input select filter-select"
                value={filters.coworker ?? ""}
                onChange={(e) => set("coworker", e.target.value)}
              >
                <option value="">{t("filters.anyone")}</option>
                {people.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {personName(m)}
                  </option>
                ))}
                {isKnown(filters.coworker) ? null : (
                  <option value={filters.coworker ?? ""}>{t("filters.formerMember")}</option>
                )}
              </select>
            </label>
            <label className="filter">
              <span className="filter-label">{t("filters.label")}</span>
              <select
                className="input select filter-select"
                value={filters.label ?? ""}
                onChange={(e) => set("label", e.target.value)}
              >
                <option value="">{t("filters.any")}</option>
                <option value="none">{t("filters.noLabel")}</option>
                {labels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter">
              <span className="filter-label">{t("filters.status")}</span>
              <select
                className="input select filter-select"
                value={filters.role ?? ""}
                onChange={(e) => set("role", e.target.value)}
              >
                <option value="">{t("filters.any")}</option>
                {statusRoles.map((role) => (
                  <option key={role} value={role}>
                    {t(statusRoleKeys[role])}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter">
              <span className="filter-label">{t("filters.due")}</span>
              <select
                className="input select filter-select"
                value={filters.due ?? ""}
                onChange={(e) => set("due", e.target.value)}
              >
                <option value="">{t("filters.due.any")}</option>
                {(Object.keys(dueKeys) as DueFilter[]).map((due) => (
                  <option key={due} value={due}>
                    {t(dueKeys[due])}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter">
              <span className="filter-label">{t("filters.blocked")}</span>
              <select
                className="input select filter-select"
                value={filters.blocked ?? ""}
                onChange={(e) => set("blocked", e.target.value)}
              >
                <option value="">{t("filters.blocked.either")}</option>
                <option value="yes">{t("filters.blocked.yes")}</option>
                <option value="no">{t("filters.blocked.no")}</option>
              </select>
            </label>
            <label className="filter">
              <span className="filter-label">{t("filters.age")}</span>
              <select
                className="input select filter-select"
                value={filters.risk ?? ""}
                onChange={(e) => set("risk", e.target.value)}
              >
                <option value="">{t("filters.age.any")}</option>
                <option value="at_risk">{t("filters.age.atRisk")}</option>
              </select>
            </label>
            {fields.map((field) => (
              <label key={field.id} className="filter">
                <span className="filter-label">{field.name}</span>
                <select
                  className="input select filter-select"
                  value={filters.fields[field.id] ?? ""}
                  onChange={(e) => setField(field.id, e.target.value)}
                >
                  <option value="">{t("filters.any")}</option>
                  <option value="set">{t("filters.field.set")}</option>
                  <option value="none">{t("filters.field.none")}</option>
                  {field.kind === "person"
                    ? people.map((m) => (
                        <option key={m.userId} value={m.userId}>
                          {personName(m)}
                        </option>
                      ))
                    : field.options.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                </select>
              </label>
            ))}
          </div>
        )}
      </Popover>
      {chips.length > 0 ? (
        <ul className="filter-chips" aria-label={t("filters.chips.label")}>
          {chips.map((chip) => (
            <li key={chip.key} className="filter-chip">
              <span>{chip.text}</span>
              <button
                type="button"
                className="filter-chip-remove"
                aria-label={t("filters.chips.remove", { name: chip.text })}
                onClick={() => removeChip(chip)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {onGroup ? (
        <label className="filter filter-group">
          <span className="filter-label">{t("filters.lanes")}</span>
          <select
            className="input select filter-select"
            value={grouping ?? "none"}
            onChange={(e) => onGroup(e.target.value as Grouping)}
          >
            <option value="none">{t("common.none")}</option>
            <option value="responsible">{t("filters.lanes.responsible")}</option>
            <option value="label">{t("filters.lanes.label")}</option>
            <option value="due">{t("filters.lanes.due")}</option>
            {fields.filter(isLaneField).map((field) => (
              <option key={field.id} value={`field:${field.id}`}>
                {t("filters.lanes.field", { name: field.name })}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="filter-summary">
        {active > 0 ? (
          <>
            <span role="status" className="filter-count">
              {t("filters.count", { shown, total })}
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() => (onClearAll ? onClearAll() : onChange(noFilters))}
            >
              {t("filters.clearAll")}
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
};

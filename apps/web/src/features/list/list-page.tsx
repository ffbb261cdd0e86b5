import { type CustomField, orderedFields } from "@lattice/domain";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { type MessageKey, useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { useSession } from "../../store/session";
import { DateField } from "../../ui/date-field";
import { EmptyState } from "../../ui/empty-state";
import { Popover } from "../../ui/menu";
import { ListSkeleton } from "../../ui/skeleton";
import { FieldEditor } from "../fields/field-editor";
import { fieldValueText } from "../fields/field-values";
import { FilterBar } from "../filters/filter-bar";
import { type BoardFilters, noFilters, parseFilters, writeFilters } from "../filters/filters";
import { setCardDates } from "../space-views/card-dates";
import { PlanningCardPanel, useCardHref } from "../space-views/card-route";
import { SpaceViewHeader } from "../space-views/space-view-header";
import "../space-views/space-views.css";
import "./list.css";
import { AgeBadge } from "../aging/age-badge";
import { useSpaceAging, useSpaceAgings } from "../aging/aging-store";
import { useSpaceView } from "../space-views/use-space-view";
import { ExportCsvButton } from "./export-csv";
import {
  buildRows,
  filterRows,
  isSortKey,
  type ListFilters,
  type ListRow,
  type SortDirection,
  type SortKey,
  sortRows,
} from "./list-rows";

const columns: Array<{ key: SortKey; label: MessageKey }> = [
  { key: "name", label: "list.column.name" },
  { key: "status", label: "list.column.status" },
  { key: "responsible", label: "list.column.responsible" },
  { key: "coworkers", label: "list.column.coworkers" },
  { key: "labels", label: "list.column.labels" },
  { key: "start", label: "list.column.start" },
  { key: "due", label: "list.column.due" },
  { key: "progress", label: "list.column.progress" },
  { key: "blocked", label: "list.column.blocked" },
  { key: "age", label: "list.column.age" },
];

const rowHeight = 44;

/** The built-in columns' widths (list.css), then one per custom field. */
const baseTemplate =
  "minmax(180px, 2fr) 130px 120px minmax(100px, 1fr) minmax(100px, 1fr) 152px 152px 104px 100px 130px";
const fieldColumnWidth = 170;
const baseMinWidth = 1270;

/**
 * A custom field in a List cell, edited in place: an input or a select in the row, or, for multiple
 * choice (which does not fit a row), a button showing the choices that opens their checkboxes.
 */
const FieldCell = ({
  field,
  row,
  canWrite,
  people,
  personName,
  onChange,
}: {
  field: CustomField;
  row: ListRow;
  canWrite: boolean;
  people: Parameters<typeof FieldEditor>[0]["people"];
  personName: (userId: string) => string;
  onChange: Parameters<typeof FieldEditor>[0]["onChange"];
}) => {
  const { t } = useTranslator();
  const value = row.fieldValues[field.id];
  const label = t("list.fieldOf", { field: field.name, card: row.name });
  if (canWrite && field.kind === "multi_choice") {
    const text = fieldValueText(field, value, personName);
    return (
      <Popover
        label={label}
        align="start"
        icon={null}
        text={text || "—"}
        triggerLabel={
          text ? t("list.fieldValue", { label, value: text }) : t("list.fieldValueNone", { label })
        }
        triggerClassName="list-inline list-field-trigger"
        panelClassName="list-field-panel"
      >
        {() => (
          <FieldEditor
            field={field}
            value={value}
            people={people}
            canWrite
            label={label}
            onChange={onChange}
          />
        )}
      </Popover>
    );
  }
  return (
    <FieldEditor
      field={field}
      value={value}
      people={people}
      canWrite={canWrite}
      label={label}
      onChange={onChange}
    />
  );
};

export const ListPage = () => {
  const { workspaceId = "", spaceId = "" } = useParams();
  const cardHref = useCardHref("list");
  const { t, format } = useTranslator();
  const dayText = (day: string | null) => (day ? format.dayRange(day, day) : "");
  const { view, relations, meta, today, isLoading, isError, error, canWrite } = useSpaceView(
    workspaceId,
    spaceId,
  );
  const moveCard = useBoard((s) => s.moveCard);
  const setCardField = useBoard((s) => s.setCardField);
  const fields = useMemo(() => orderedFields({ fields: view.fields ?? {} }), [view.fields]);
  const personName = useMemo(() => {
    const names = new Map(meta.members.map((m) => [m.userId, m.name]));
    return (id: string) => names.get(id) ?? t("list.formerMember");
  }, [meta.members, t]);
  const rowStyle = {
    gridTemplateColumns: `${baseTemplate}${fields.map(() => ` ${fieldColumnWidth}px`).join("")}`,
  };
  const myUserId = useSession((s) => s.user?.id ?? null);
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  // The board's filters from the same address, plus the List's own name and column filters.
  const boardFilters = useMemo(() => parseFilters(new URLSearchParams(query)), [query]);
  const text = params.get("q") ?? "";
  const statusId = params.get("status") ?? "";
  const sortParam = params.get("sort");
  const sortKey: SortKey | null = isSortKey(sortParam, fields) ? sortParam : null;
  const direction: SortDirection = params.get("dir") === "desc" ? "desc" : "asc";

  const setParam = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === "") next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  useSpaceAging(spaceId);
  const agings = useSpaceAgings(spaceId);
  const allRows = useMemo(
    () => buildRows(view, relations, meta.members, meta.labels, agings, t("list.unknownPerson")),
    [view, relations, meta.members, meta.labels, agings, t],
  );
  const rows = useMemo(() => {
    const filters: ListFilters = { text, statusId, board: boardFilters, today };
    const filtered = filterRows(allRows, filters);
    return sortKey ? sortRows(filtered, sortKey, direction, fields, personName) : filtered;
  }, [allRows, text, statusId, boardFilters, today, sortKey, direction, fields, personName]);
  const setBoardFilters = (next: BoardFilters) =>
    setParams((current) => writeFilters(current, next), { replace: true });
  const allStatuses = useMemo(
    () => Object.values(view.statuses).sort((a, b) => (a.position < b.position ? -1 : 1)),
    [view.statuses],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });

  const toggleSort = (key: SortKey) => {
    if (sortKey !== key) setParam({ sort: key, dir: "asc" });
    else if (direction === "asc") setParam({ sort: key, dir: "desc" });
    else setParam({ sort: "", dir: "" });
  };

  const changeDate = (row: ListRow, field: "startDate" | "dueDate", value: string) => {
    const next = { startDate: row.startDate, dueDate: row.dueDate, [field]: value === "" ? null : value };
    void setCardDates([{ cardId: row.id, ...next }]);
  };

  if (isError) {
    return (
      <main className="page page-centered">
        <EmptyState icon="▦" title={t("list.unavailable.title")}>
          <p>{error ?? t("list.unavailable.body")}</p>
          <p>
            <Link to={`/w/${workspaceId}`}>{t("list.unavailable.back")}</Link>
          </p>
        </EmptyState>
      </main>
    );
  }

  return (
    <main className="board-page sv-page list-page">
      <SpaceViewHeader workspaceId={workspaceId} spaceId={spaceId} spaceName={view.space?.name ?? ""}>
        <span className="board-stat muted" aria-live="polite">
          {isLoading ? "" : t("list.count", { shown: rows.length, total: allRows.length })}
        </span>
        <ExportCsvButton
          rows={rows}
          fields={fields}
          personName={personName}
          spaceName={view.space?.name ?? "space"}
          today={today}
          isDisabled={isLoading || rows.length === 0}
        />
      </SpaceViewHeader>
      <FilterBar
        filters={boardFilters}
        members={meta.members}
        labels={meta.labels}
        fields={fields}
        myUserId={myUserId}
        shown={rows.length}
        total={allRows.length}
        onChange={setBoardFilters}
        leadingActive={(text === "" ? 0 : 1) + (statusId === "" ? 0 : 1)}
        onClearAll={() =>
          setParams(
            (current) => {
              const next = writeFilters(current, noFilters);
              next.delete("q");
              next.delete("status");
              return next;
            },
            { replace: true },
          )
        }
        leading={
          <>
            <label className="filter">
              <span className="filter-label">{t("list.filter.name")}</span>
              <input
                className="input filter-select list-filter-text"
                type="search"
                placeholder={t("list.filter.namePlaceholder")}
                value={text}
                onChange={(e) => setParam({ q: e.target.value })}
              />
            </label>
            <label className="filter">
              <span className="filter-label">{t("list.filter.column")}</span>
              <select
                className="input select filter-select"
                value={statusId}
                onChange={(e) => setParam({ status: e.target.value })}
              >
                <option value="">{t("list.filter.allColumns")}</option>
                {allStatuses.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          </>
        }
      />
      {isLoading ? (
        <div className="list-scroll" role="status" aria-busy="true" aria-label={t("list.loading")}>
          <ListSkeleton rows={8} />
        </div>
      ) : allRows.length === 0 ? (
        <EmptyState icon="☰" title={t("list.empty.title")}>
          <p>{t("list.empty.body")}</p>
        </EmptyState>
      ) : (
        <div className="list-scroll" ref={scrollRef}>
          <table
            className="list-table"
            aria-label={t("list.table")}
            aria-rowcount={rows.length + 1}
            style={{ minWidth: baseMinWidth + fields.length * fieldColumnWidth }}
          >
            <thead className="list-head">
              <tr className="list-row list-row-head" aria-rowindex={1} style={rowStyle}>
                {columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={`list-cell list-cell-${c.key}`}
                    aria-sort={
                      sortKey === c.key ? (direction === "asc" ? "ascending" : "descending") : "none"
                    }
                  >
                    <button type="button" className="list-sort" onClick={() => toggleSort(c.key)}>
                      {t(c.label)}
                      <span aria-hidden="true" className="list-sort-mark">
                        {sortKey === c.key ? (direction === "asc" ? "▲" : "▼") : ""}
                      </span>
                    </button>
                  </th>
                ))}
                {fields.map((field) => {
                  const key: SortKey = `field:${field.id}`;
                  return (
                    <th
                      key={field.id}
                      scope="col"
                      className="list-cell list-cell-field"
                      aria-sort={
                        sortKey === key ? (direction === "asc" ? "ascending" : "descending") : "none"
                      }
                    >
                      <button type="button" className="list-sort" onClick={() => toggleSort(key)}>
                        {field.name}
                        <span aria-hidden="true" className="list-sort-mark">
                          {sortKey === key ? (direction === "asc" ? "▲" : "▼") : ""}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            {rows.length === 0 ? null : (
              <tbody className="list-body" style={{ height: virtualizer.getTotalSize() }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const row = rows[item.index] as ListRow;
                  return (
                    <tr
                      key={row.id}
                      aria-rowindex={item.index + 2}
                      className="list-row"
                      style={{ ...rowStyle, transform: `translateY(${item.start}px)`, height: rowHeight }}
                    >
                      <td className="list-cell list-cell-name">
                        <Link to={cardHref(row.id)} dir="auto" title={row.name}>
                          {row.name}
                        </Link>
                      </td>
                      <td className="list-cell list-cell-status">
                        {canWrite ? (
                          <select
                            className="input select list-inline"
                            aria-label={t("list.statusOf", { card: row.name })}
                            value={row.statusId}
                            onChange={(e) =>
                              void moveCard(row.id, { kind: "status", statusId: e.target.value })
                            }
                          >
                            {allStatuses.map((s) => (
                              <option key={s.id} value={s.id}>
                                {s.name}
                              </option>
                            ))}
                          </select>
                        ) : (
                          row.statusName
                        )}
                      </td>
                      <td className="list-cell list-cell-responsible">
                        {row.responsibleName || <span className="muted">—</span>}
                      </td>
                      <td className="list-cell list-cell-coworkers" title={row.coworkerNames.join(", ")}>
                        {row.coworkerNames.join(", ")}
                      </td>
                      <td className="list-cell list-cell-labels">
                        {row.labelIds.map((id) => {
                          const label = meta.labels.find((l) => l.id === id);
                          return label ? (
                            <span key={id} className="list-label" style={{ borderColor: label.color }}>
                              <span className="list-label-dot" style={{ background: label.color }} />
                              {label.name}
                            </span>
                          ) : null;
                        })}
                      </td>
                      {(["startDate", "dueDate"] as const).map((field) => (
                        <td
                          key={field}
                          className={`list-cell list-cell-${field === "startDate" ? "start" : "due"}`}
                        >
                          {canWrite ? (
                            <DateField
                              className="list-inline"
                              label={t(field === "startDate" ? "list.startDateOf" : "list.dueDateOf", {
                                card: row.name,
                              })}
                              value={row[field]}
                              max={field === "startDate" ? row.dueDate : null}
                              min={field === "dueDate" ? row.startDate : null}
                              isClearable
                              placeholder="—"
                              onChange={(day) => changeDate(row, field, day ?? "")}
                            />
                          ) : (
                            dayText(row[field])
                          )}
                        </td>
                      ))}
                      <td className="list-cell list-cell-progress">
                        <span className="list-progress" aria-hidden="true">
                          <span style={{ width: `${Math.round(row.progress * 100)}%` }} />
                        </span>
                        {t("list.progress", { share: row.progress })}
                      </td>
                      <td className="list-cell list-cell-blocked">
                        {row.isBlocked ? <span className="list-blocked">{t("list.blocked")}</span> : ""}
                      </td>
                      <td className="list-cell list-cell-age">
                        {row.ageDays === null ? "" : <AgeBadge ageDays={row.ageDays} risk={row.risk} />}
                      </td>
                      {fields.map((field) => (
                        <td key={field.id} className="list-cell list-cell-field">
                          <FieldCell
                            field={field}
                            row={row}
                            canWrite={canWrite}
                            people={meta.members}
                            personName={personName}
                            onChange={(value) => void setCardField(row.id, field.id, value)}
                          />
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            )}
          </table>
          {rows.length === 0 ? <p className="list-no-match muted">{t("list.noMatch")}</p> : null}
        </div>
      )}
      <PlanningCardPanel view="list" />
    </main>
  );
};

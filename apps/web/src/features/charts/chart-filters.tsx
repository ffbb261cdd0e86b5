/**
 * The card filters of the space's charts, read from the same address parameters as the board's
 * (`responsible`, `label`, `field.<fieldId>`), so filters chosen on the board travel to the charts
 * with the view tabs and back. The time chart and the cumulative flow show all three controls; the
 * forecast, which also covers folders and workspaces, adds the field control to its own.
 */
import { type CustomField, fieldListSchema, type Member } from "@lattice/domain";
import { useEffect, useState } from "react";
import type { SetURLSearchParams } from "react-router";
import { request } from "../../api/client";
import { useSpaceLabels } from "../../api/labels";
import { useWorkspaceMembers } from "../../api/members";
import { useTranslator } from "../../lib/i18n/i18n";
import { Select } from "../../ui/input";
import { parseFilters } from "../filters/filters";
import { Control } from "./chart-page";

const fieldParamPrefix = "field.";
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ChartCardFilter {
  responsibleId?: string | undefined;
  labelId?: string | undefined;
  /** `<fieldId>:<value>,…` as the chart endpoints take it. */
  fields?: string | undefined;
}

/** The chart request's card filter from the address (`none` and other board-only values left out). */
export const chartCardFilterOf = (search: URLSearchParams): ChartCardFilter => {
  const filters = parseFilters(search);
  const fields = Object.entries(filters.fields)
    .filter(([fieldId]) => uuid.test(fieldId))
    .map(([fieldId, value]) => `${fieldId}:${value}`)
    .join(",");
  return {
    responsibleId: filters.responsible && uuid.test(filters.responsible) ? filters.responsible : undefined,
    labelId: filters.label && uuid.test(filters.label) ? filters.label : undefined,
    fields: fields || undefined,
  };
};

/** The space's fields, labels and the workspace's people, for the filter controls. */
const useFilterChoices = (workspaceId: string, spaceId: string) => {
  const [fields, setFields] = useState<CustomField[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    request("GET", `/api/spaces/${spaceId}/fields`, fieldListSchema, { signal: controller.signal }).then(
      (list) => setFields(list.items),
      () => undefined,
    );
    return () => controller.abort();
  }, [spaceId]);
  const labels = useSpaceLabels(spaceId);
  const { members } = useWorkspaceMembers(workspaceId);
  return { fields, labels, members };
};

const setParams = (setSearch: SetURLSearchParams, change: (next: URLSearchParams) => void) =>
  setSearch(
    (prev) => {
      const next = new URLSearchParams(prev);
      change(next);
      return next;
    },
    { replace: true },
  );

/** The first field filter in the address (the control edits one; others set on the board still apply). */
const chosenField = (search: URLSearchParams): { fieldId: string; value: string } | null => {
  for (const [key, value] of search) {
    if (key.startsWith(fieldParamPrefix)) return { fieldId: key.slice(fieldParamPrefix.length), value };
  }
  return null;
};

const FieldControls = ({
  fields,
  members,
  search,
  setSearch,
  disabled,
}: {
  fields: CustomField[];
  members: Member[];
  search: URLSearchParams;
  setSearch: SetURLSearchParams;
  disabled?: boolean;
}) => {
  const { t } = useTranslator();
  const chosen = chosenField(search);
  const field = fields.find((f) => f.id === chosen?.fieldId) ?? null;
  const choose = (fieldId: string, value: string | null) =>
    setParams(setSearch, (next) => {
      if (chosen) next.delete(`${fieldParamPrefix}${chosen.fieldId}`);
      if (fieldId && value) next.set(`${fieldParamPrefix}${fieldId}`, value);
    });
  const values: Array<{ id: string; name: string }> =
    field?.kind === "person"
      ? members.map((m) => ({ id: m.userId, name: m.name }))
      : field?.kind === "single_choice" || field?.kind === "multi_choice"
        ? field.options
        : [];
  return (
    <>
      <Control label={t("charts.filter.field")}>
        {(id) => (
          <Select
            id={id}
            value={field?.id ?? ""}
            disabled={disabled || fields.length === 0}
            title={
              disabled
                ? t("charts.filter.fieldsOneSpace")
                : fields.length === 0
                  ? t("charts.filter.noFields")
                  : undefined
            }
            onChange={(e) => choose(e.target.value, "set")}
          >
            <option value="">{t("charts.filter.anyField")}</option>
            {fields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
        )}
      </Control>
      {field ? (
        <Control label={t("charts.filter.fieldIs", { field: field.name })}>
          {(id) => (
            <Select id={id} value={chosen?.value ?? "set"} onChange={(e) => choose(field.id, e.target.value)}>
              <option value="set">{t("charts.filter.anyValue")}</option>
              <option value="none">{t("charts.filter.empty")}</option>
              {values.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </Select>
          )}
        </Control>
      ) : null}
    </>
  );
};

/** The field filter alone (the forecast has its own responsible and label controls). */
export const FieldFilterControls = ({
  workspaceId,
  spaceId,
  search,
  setSearch,
  disabled,
}: {
  workspaceId: string;
  spaceId: string;
  search: URLSearchParams;
  setSearch: SetURLSearchParams;
  disabled?: boolean;
}) => {
  const { fields, members } = useFilterChoices(workspaceId, spaceId);
  return (
    <FieldControls
      fields={fields}
      members={members}
      search={search}
      setSearch={setSearch}
      {...(disabled ? { disabled } : {})}
    />
  );
};

/** Responsible person, label and field, for the time chart and the cumulative flow. */
export const CardFilterControls = ({
  workspaceId,
  spaceId,
  search,
  setSearch,
}: {
  workspaceId: string;
  spaceId: string;
  search: URLSearchParams;
  setSearch: SetURLSearchParams;
}) => {
  const { t } = useTranslator();
  const { fields, labels, members } = useFilterChoices(workspaceId, spaceId);
  const filter = chartCardFilterOf(search);
  const setParam = (key: string, value: string) =>
    setParams(setSearch, (next) => {
      if (value) next.set(key, value);
      else next.delete(key);
    });
  return (
    <>
      <Control label={t("charts.filter.responsible")}>
        {(id) => (
          <Select
            id={id}
            value={filter.responsibleId ?? ""}
            onChange={(e) => setParam("responsible", e.target.value)}
          >
            <option value="">{t("charts.filter.anyone")}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
        )}
      </Control>
      <Control label={t("charts.filter.label")}>
        {(id) => (
          <Select id={id} value={filter.labelId ?? ""} onChange={(e) => setParam("label", e.target.value)}>
            <option value="">{t("charts.filter.anyLabel")}</option>
            {labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        )}
      </Control>
      <FieldControls fields={fields} members={members} search={search} setSearch={setSearch} />
    </>
  );
};

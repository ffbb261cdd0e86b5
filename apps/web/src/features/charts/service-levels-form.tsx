/**
 * The space's service-level targets, beside its Aging chart: the space's own and each label's (the
 * strictest label on a card wins over the space's). Owners change them; others read them.
 */
import {
  type Space,
  serviceLevelDaysRange,
  spaceSchema,
  type WorkspaceRole,
  workspaceRoles,
} from "@lattice/domain";
import { type FormEvent, useEffect, useState } from "react";
import { describeError, type ReplySchema, request } from "../../api/client";
import { api } from "../../api/endpoints";
import { labelsApi, putLabel, useSpaceLabels } from "../../api/labels";
import { useTranslator } from "../../lib/i18n/i18n";

type SpaceWithRole = Space & { role: WorkspaceRole };

/** The space as GET /api/spaces/:id answers it: with the caller's role. */
const spaceWithRole: ReplySchema<SpaceWithRole> = {
  safeParse(data) {
    const space = spaceSchema.safeParse(data);
    const role = (data as { role?: unknown } | null)?.role;
    return space.success && workspaceRoles.includes(role as WorkspaceRole)
      ? { success: true, data: { ...space.data, role: role as WorkspaceRole } }
      : { success: false };
  },
};

const daysOf = (text: string): number | null | "invalid" => {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= serviceLevelDaysRange.min && n <= serviceLevelDaysRange.max
    ? n
    : "invalid";
};

const TargetField = ({
  label,
  value,
  canEdit,
  onSave,
}: {
  label: string;
  value: number | null;
  canEdit: boolean;
  onSave: (days: number | null) => Promise<void>;
}) => {
  const { t } = useTranslator();
  const [text, setText] = useState(value === null ? "" : String(value));
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  useEffect(() => setText(value === null ? "" : String(value)), [value]);
  if (!canEdit) {
    return (
      <p className="service-level-row">
        {value === null
          ? t("charts.serviceLevels.rowNone", { label })
          : t("charts.serviceLevels.row", { label, days: value })}
      </p>
    );
  }
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const days = daysOf(text);
    if (days === "invalid") {
      setError(
        t("charts.serviceLevels.invalid", { min: serviceLevelDaysRange.min, max: serviceLevelDaysRange.max }),
      );
      return;
    }
    setError(null);
    setIsSaving(true);
    try {
      await onSave(days);
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <form className="service-level-row" onSubmit={handleSubmit}>
      <label>
        <span>{label}</span>
        <input
          className="input"
          type="number"
          inputMode="numeric"
          min={serviceLevelDaysRange.min}
          max={serviceLevelDaysRange.max}
          placeholder={t("charts.serviceLevels.placeholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <span aria-hidden="true">{t("charts.serviceLevels.unit")}</span>
      </label>
      <button type="submit" className="btn btn-secondary btn-sm" disabled={isSaving}>
        {t("common.save")}
      </button>
      {error ? (
        <span className="service-level-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
};

export const ServiceLevelsForm = ({ spaceId, onChanged }: { spaceId: string; onChanged: () => void }) => {
  const { t } = useTranslator();
  const [space, setSpace] = useState<SpaceWithRole | null>(null);
  const labels = useSpaceLabels(spaceId);
  useEffect(() => {
    const controller = new AbortController();
    request("GET", `/api/spaces/${spaceId}`, spaceWithRole, { signal: controller.signal }).then(
      setSpace,
      () => undefined,
    );
    return () => controller.abort();
  }, [spaceId]);
  if (!space) return null;
  const canEdit = space.role === "owner";
  return (
    <section className="service-levels" aria-label={t("charts.serviceLevels.title")}>
      <h3 className="chart-figure-title">{t("charts.serviceLevels.title")}</h3>
      <p className="chart-note">{t("charts.serviceLevels.note")}</p>
      <TargetField
        label={t("charts.serviceLevels.space")}
        value={space.serviceLevelDays}
        canEdit={canEdit}
        onSave={async (days) => {
          const updated = await api.updateSpace(spaceId, { serviceLevelDays: days });
          setSpace({ ...space, serviceLevelDays: updated.serviceLevelDays });
          onChanged();
        }}
      />
      {labels.map((l) => (
        <TargetField
          key={l.id}
          label={t("charts.serviceLevels.label", { name: l.name })}
          value={l.serviceLevelDays}
          canEdit={canEdit}
          onSave={async (days) => {
            putLabel(await labelsApi.update(l.id, { serviceLevelDays: days }));
            onChanged();
          }}
        />
      ))}
    </section>
  );
};

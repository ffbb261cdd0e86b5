/** Period selection kept in the URL: last 30 / 90 days, or a custom from–to. */
import type { SetURLSearchParams } from "react-router";
import { useTranslator } from "../../lib/i18n/i18n";
import { DateField } from "../../ui/date-field";
import { Select } from "../../ui/input";
import { Control } from "./chart-page";
import { formatPeriod, type PeriodPreset } from "./shape";

export const PeriodControls = ({
  preset,
  from,
  to,
  setSearch,
}: {
  preset: PeriodPreset;
  from: string;
  to: string;
  setSearch: SetURLSearchParams;
}) => {
  const words = useTranslator();
  const { t } = words;
  const update = (changes: Record<string, string | null>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === "") next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <Control label={t("charts.filter.period")}>
        {(id) => (
          <>
            <Select
              id={id}
              value={preset}
              onChange={(e) => {
                const value = e.target.value as PeriodPreset;
                update(
                  value === "custom"
                    ? { period: "custom", from, to }
                    : { period: value === "90" ? null : value, from: null, to: null },
                );
              }}
            >
              <option value="30">{t("charts.filter.last30")}</option>
              <option value="90">{t("charts.filter.last90")}</option>
              <option value="custom">{t("charts.filter.custom")}</option>
            </Select>
          </>
        )}
      </Control>
      {preset === "custom" ? (
        <>
          <Control label={t("charts.filter.from")}>
            {(id) => (
              <>
                <DateField
                  id={id}
                  label={t("charts.filter.from")}
                  value={from}
                  max={to}
                  onChange={(day) => day && update({ period: "custom", from: day })}
                />
              </>
            )}
          </Control>
          <Control label={t("charts.filter.to")}>
            {(id) => (
              <>
                <DateField
                  id={id}
                  label={t("charts.filter.to")}
                  value={to}
                  min={from}
                  onChange={(day) => day && update({ period: "custom", to: day })}
                />
              </>
            )}
          </Control>
        </>
      ) : (
        <p className="chart-control-note">{formatPeriod(words, from, to)}</p>
      )}
    </>
  );
};

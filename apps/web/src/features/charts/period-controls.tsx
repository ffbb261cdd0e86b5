/** Period selection kept in the URL: last 30 / 90 days, or a custom from–to. */
import type { SetURLSearchParams } from "react-router";
import { DateField } from "../../ui/date-field";
import { Select } from "../../ui/input";
import { Control } from "./chart-page";
import { formatDate, type PeriodPreset } from "./shape";

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
      <Control label="Period">
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
              <option value="30">Last 30 days</option>
              <option value="90">Last 90 days</option>
              <option value="custom">Custom…</option>
            </Select>
          </>
        )}
      </Control>
      {preset === "custom" ? (
        <>
          <Control label="From">
            {(id) => (
              <>
                <DateField
                  id={id}
                  label="From"
                  value={from}
                  max={to}
                  onChange={(day) => day && update({ period: "custom", from: day })}
                />
              </>
            )}
          </Control>
          <Control label="To">
            {(id) => (
              <>
                <DateField
                  id={id}
                  label="To"
                  value={to}
                  min={from}
                  onChange={(day) => day && update({ period: "custom", to: day })}
                />
              </>
            )}
          </Control>
        </>
      ) : (
        <p className="chart-control-note">
          {formatDate(from)} – {formatDate(to)}
        </p>
      )}
    </>
  );
};

/**
 * The card panel's repeat: the summary line ("Repeats every 2nd Tuesday; next Jan 12") and an editor
 * with presets built from the card's date, a custom RRULE, the end and when the next occurrence is
 * made. The server reads the rule (a rule it cannot read comes back as its message, shown here).
 */
import type { Card, RepeatCreateWhen, SetRepeatInput } from "@lattice/domain";
import { useState } from "react";
import { describeError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { Button } from "../../ui/button";
import { localToday } from "../filters/dates";
import {
  presetLabel,
  presetOf,
  presetRule,
  type RepeatPreset,
  repeatLine,
  repeatPresets,
  type WeekdayCode,
  weekdayCodes,
  weekdayName,
} from "./repeat-rule";

type EndKind = "never" | "after" | "on";

const browserTimeZone = (): string | undefined => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

const RepeatEditor = ({ card, day, onDone }: { card: Card; day: string; onDone: () => void }) => {
  const words = useTranslator();
  const { t } = words;
  const applyConfirmed = useBoard((s) => s.applyConfirmed);
  const current = card.repeat;
  const opened = current ? presetOf(current.rule, day) : { preset: "weekly" as RepeatPreset, days: [] };
  const [preset, setPreset] = useState<RepeatPreset>(opened.preset);
  const [days, setDays] = useState<WeekdayCode[]>(opened.days);
  const [custom, setCustom] = useState(current?.rule ?? "FREQ=WEEKLY;INTERVAL=2");
  const [endKind, setEndKind] = useState<EndKind>(
    current?.endsAfter ? "after" : current?.endsOn ? "on" : "never",
  );
  const [count, setCount] = useState(String(current?.endsAfter ?? 10));
  const [endDate, setEndDate] = useState(current?.endsOn ?? "");
  const [createWhen, setCreateWhen] = useState<RepeatCreateWhen>(current?.createWhen ?? "completed");
  const [daysBefore, setDaysBefore] = useState(String(current?.daysBefore ?? 1));
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const toggleDay = (code: WeekdayCode) =>
    setDays((chosen) => (chosen.includes(code) ? chosen.filter((d) => d !== code) : [...chosen, code]));

  const handleSave = async () => {
    const rule = preset === "custom" ? custom.trim() : presetRule(preset, day, days);
    const ends: SetRepeatInput["ends"] =
      endKind === "after"
        ? { kind: "after", count: Number(count) }
        : endKind === "on"
          ? { kind: "on", date: endDate }
          : preset === "custom"
            ? undefined
            : { kind: "never" };
    const zone = browserTimeZone();
    const body: SetRepeatInput = {
      rule,
      createWhen,
      ...(createWhen === "before_start" ? { daysBefore: Number(daysBefore) } : {}),
      ...(ends ? { ends } : {}),
      ...(current === null && zone ? { timeZone: zone } : {}),
    };
    setIsBusy(true);
    setError(null);
    try {
      const saved = await api.setRepeat(card.id, body);
      applyConfirmed([{ type: "card.updated", payload: { card: saved } }]);
      onDone();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setIsBusy(false);
    }
  };

  const id = (name: string) => `repeat-${name}-${card.id}`;
  return (
    <div className="repeat-editor" data-testid="repeat-editor">
      <label htmlFor={id("preset")}>{t("card.repeat.repeats")}</label>
      <select
        id={id("preset")}
        className="input select"
        value={preset}
        onChange={(e) => setPreset(e.target.value as RepeatPreset)}
      >
        {repeatPresets.map((p) => (
          <option key={p} value={p}>
            {presetLabel(words, p, day)}
          </option>
        ))}
      </select>
      {preset === "weekly" ? (
        <fieldset className="repeat-days">
          <legend className="visually-hidden">{t("card.repeat.onTheseDays")}</legend>
          {weekdayCodes.map((code) => (
            <label key={code}>
              <input type="checkbox" checked={days.includes(code)} onChange={() => toggleDay(code)} />{" "}
              {weekdayName(words, code, "short")}
            </label>
          ))}
        </fieldset>
      ) : null}
      {preset === "custom" ? (
        <>
          <label htmlFor={id("rule")}>{t("card.repeat.customRule")}</label>
          <input
            id={id("rule")}
            className="input"
            value={custom}
            maxLength={500}
            onChange={(e) => setCustom(e.target.value)}
          />
        </>
      ) : null}
      <label htmlFor={id("end")}>{t("card.repeat.ends")}</label>
      <div className="coord-row">
        <select
          id={id("end")}
          className="input select"
          value={endKind}
          onChange={(e) => setEndKind(e.target.value as EndKind)}
        >
          <option value="never">
            {preset === "custom" ? t("card.repeat.endNeverOrRule") : t("card.repeat.endNever")}
          </option>
          <option value="after">{t("card.repeat.endAfter")}</option>
          <option value="on">{t("card.repeat.endOn")}</option>
        </select>
        {endKind === "after" ? (
          <input
            aria-label={t("card.repeat.count")}
            className="input"
            type="number"
            min={1}
            max={1000}
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        ) : null}
        {endKind === "on" ? (
          <input
            aria-label={t("card.repeat.lastDate")}
            className="input"
            type="date"
            value={endDate}
            onChange={(e) => setEndDate(e.target.value)}
          />
        ) : null}
      </div>
      <label htmlFor={id("when")}>{t("card.repeat.makeNext")}</label>
      <div className="coord-row">
        <select
          id={id("when")}
          className="input select"
          value={createWhen}
          onChange={(e) => setCreateWhen(e.target.value as RepeatCreateWhen)}
        >
          <option value="completed">{t("card.repeat.whenCompleted")}</option>
          <option value="before_start">{t("card.repeat.beforeStart")}</option>
        </select>
        {createWhen === "before_start" ? (
          <input
            aria-label={t("card.repeat.daysBefore")}
            className="input"
            type="number"
            min={0}
            max={365}
            value={daysBefore}
            onChange={(e) => setDaysBefore(e.target.value)}
          />
        ) : null}
      </div>
      {error ? (
        <p className="repeat-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="coord-row">
        <Button size="sm" onClick={() => void handleSave()} disabled={isBusy}>
          {t("card.repeat.save")}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone} disabled={isBusy}>
          {t("common.cancel")}
        </Button>
      </div>
    </div>
  );
};

export const RepeatSection = ({ card, canWrite }: { card: Card; canWrite: boolean }) => {
  const words = useTranslator();
  const { t } = words;
  const applyConfirmed = useBoard((s) => s.applyConfirmed);
  const [isEditing, setIsEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [today] = useState(localToday);
  const day = card.repeat?.occurrenceDate ?? card.startDate ?? card.dueDate;

  const handleStop = async () => {
    setError(null);
    try {
      const saved = await api.stopRepeat(card.id);
      applyConfirmed([{ type: "card.updated", payload: { card: saved } }]);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <div data-testid="repeat">
      {card.repeat ? (
        <p className="repeat-summary" data-testid="repeat-summary">
          <span aria-hidden="true">↻</span> {repeatLine(words, card.repeat, today)}
        </p>
      ) : (
        <p className="faint">{day ? t("card.repeat.none") : t("card.repeat.noneNoDate")}</p>
      )}
      {error ? (
        <p className="repeat-error" role="alert">
          {error}
        </p>
      ) : null}
      {canWrite && day && isEditing ? (
        <RepeatEditor card={card} day={day} onDone={() => setIsEditing(false)} />
      ) : null}
      {canWrite && day && !isEditing ? (
        <div className="coord-row">
          <Button variant="ghost" size="sm" onClick={() => setIsEditing(true)}>
            {card.repeat ? t("card.repeat.change") : t("card.repeat.start")}
          </Button>
          {card.repeat ? (
            <Button variant="ghost" size="sm" onClick={() => void handleStop()}>
              {t("card.repeat.stop")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
};

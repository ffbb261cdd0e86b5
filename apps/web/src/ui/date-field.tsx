/**
 * The one date picker of the app: a field showing the date in the person's locale ("9 Dec 2026" or
 * "Dec 9, 2026"), opening a calendar (react-day-picker) whose weeks start on the locale's first day,
 * with a box to type the date as the locale writes it. Values are calendar dates, YYYY-MM-DD.
 */
import { type FormEvent, useId, useMemo, useState } from "react";
import { DayPicker } from "react-day-picker";
import { useTranslator } from "../lib/i18n/i18n";
import "react-day-picker/style.css";
import { dateToDay, dayToDate, formatDay, numericOrder, parseTypedDay, weekStartOf } from "../lib/locale";
import { LayerPanel, LayerTree, useLayer } from "./layer";

interface DateFieldProps {
  /** The field's name, e.g. "Due"; the trigger reads "Due, 9 Dec 2026". */
  label: string;
  value: string | null;
  onChange: (day: string | null) => void;
  id?: string;
  min?: string | null;
  max?: string | null;
  /** Offer "Clear" (a date that may be empty). */
  isClearable?: boolean;
  placeholder?: string;
  className?: string;
  disabled?: boolean;
}

const typedHint = (locale: string) =>
  numericOrder(locale)
    .split("")
    .map((part) => (part === "y" ? "yyyy" : part === "m" ? "mm" : "dd"))
    .join("/");

const DateFieldInner = ({
  label,
  value,
  onChange,
  id,
  min = null,
  max = null,
  isClearable = false,
  placeholder,
  className = "",
  disabled = false,
}: DateFieldProps) => {
  const [isOpen, setIsOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [typedError, setTypedError] = useState<string | null>(null);
  const errorId = useId();
  // The interface's format locale, as the Calendar uses: the same week start and day names in both.
  const { t, formatLocale: locale } = useTranslator();
  const weekStartsOn = useMemo(() => weekStartOf(locale), [locale]);
  const formatters = useMemo(() => {
    const caption = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric" });
    const weekday = new Intl.DateTimeFormat(locale, { weekday: "narrow" });
    return {
      formatCaption: (month: Date) => caption.format(month),
      formatWeekdayName: (d: Date) => weekday.format(d),
    };
  }, [locale]);
  const labels = useMemo(() => {
    const full = new Intl.DateTimeFormat(locale, { dateStyle: "full" });
    const caption = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric" });
    return {
      labelDayButton: (date: Date, modifiers: { selected?: boolean; today?: boolean }) =>
        t("ui.dateField.day", {
          date: full.format(date),
          isToday: modifiers.today ? "yes" : "no",
          isSelected: modifiers.selected ? "yes" : "no",
        }),
      labelGrid: (month: Date) => caption.format(month),
      labelWeekday: (date: Date) => new Intl.DateTimeFormat(locale, { weekday: "long" }).format(date),
    };
  }, [locale, t]);

  const handleOpenChange = (open: boolean) => {
    setIsOpen(open);
    setTyped(value ? formatTyped(value, locale) : "");
    setTypedError(null);
  };
  const layer = useLayer({ isOpen, onOpenChange: handleOpenChange, role: "dialog" });
  const choose = (day: string | null) => {
    onChange(day);
    handleOpenChange(false);
  };
  const outOfRange = (day: string) => (min !== null && day < min) || (max !== null && day > max);
  const handleTyped = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const day = parseTypedDay(typed, locale);
    if (day === null) {
      setTypedError(t("ui.dateField.notADate", { hint: typedHint(locale) }));
      return;
    }
    if (outOfRange(day)) {
      setTypedError(
        min !== null && day < min
          ? t("ui.dateField.notBefore", { day: formatDay(min, locale) })
          : t("ui.dateField.notAfter", { day: formatDay(max ?? day, locale) }),
      );
      return;
    }
    choose(day);
  };
  const shown = value ? formatDay(value, locale) : null;

  return (
    <>
      <button
        ref={layer.floating.refs.setReference}
        id={id}
        type="button"
        className={`input date-field${shown ? "" : " is-empty"} ${className}`}
        aria-label={t("ui.dateField.button", { label, value: shown ?? t("ui.dateField.notSet") })}
        data-value={value ?? ""}
        disabled={disabled}
        {...layer.interactions.getReferenceProps({ onKeyDown: layer.handleEscape })}
      >
        <span className="date-field-text">{shown ?? placeholder ?? t("ui.dateField.pick")}</span>
        <span className="date-field-icon" aria-hidden="true">
          ▦
        </span>
      </button>
      <LayerPanel layer={layer} className="menu-list date-panel" label={label}>
        <form className="date-typed" onSubmit={handleTyped}>
          <input
            className="input"
            aria-label={t("ui.dateField.typeIt", { hint: typedHint(locale) })}
            aria-invalid={typedError ? true : undefined}
            aria-describedby={typedError ? errorId : undefined}
            placeholder={typedHint(locale)}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setTypedError(null);
            }}
          />
          <button type="submit" className="btn btn-secondary btn-sm">
            {t("ui.dateField.set")}
          </button>
        </form>
        {typedError ? (
          <p id={errorId} className="date-typed-error" role="alert">
            {typedError}
          </p>
        ) : null}
        <DayPicker
          mode="single"
          lang={locale}
          weekStartsOn={weekStartsOn}
          selected={value ? dayToDate(value) : undefined}
          {...(value ? { defaultMonth: dayToDate(value) } : {})}
          disabled={[
            ...(min ? [{ before: dayToDate(min) }] : []),
            ...(max ? [{ after: dayToDate(max) }] : []),
          ]}
          formatters={formatters}
          labels={labels}
          onSelect={(date) => {
            if (date) choose(dateToDay(date));
          }}
        />
        {isClearable && value ? (
          <div className="date-panel-actions">
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => choose(null)}>
              {t("ui.dateField.clear")}
            </button>
          </div>
        ) : null}
      </LayerPanel>
    </>
  );
};

/** What the typing box starts with: the current date the way the locale writes it in numbers. */
const formatTyped = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit" }).format(
    dayToDate(day),
  );

export const DateField = (props: DateFieldProps) => (
  <LayerTree>
    <DateFieldInner {...props} />
  </LayerTree>
);

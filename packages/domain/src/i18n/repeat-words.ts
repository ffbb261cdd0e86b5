import type { RepeatMessage, RepeatWords } from "../repeat-summary.js";
import type { Translator } from "./translator.js";

/** A repeat rule as the server says it (the iCalendar feeds): `ical.repeat.*` in the reader's language. */
export const serverRepeatWords = (translator: Translator): RepeatWords => ({
  say: (key: RepeatMessage, values) => translator.t(`ical.repeat.${key}`, values),
  weekday: (index) => translator.format.weekday(index),
  list: (items) => translator.format.list(items),
  calendarDay: (day, withYear) => (withYear ? translator.format.day(day) : translator.format.dayMonth(day)),
});

import { preferredTimeZone } from "../../ui/preferences";

/**
 * Today's calendar date (YYYY-MM-DD) where the person is: in the time zone of their settings, or the
 * browser's own when they chose none. `timeZone` is for tests.
 */
export const localToday = (now: Date = new Date(), timeZone: string | null = preferredTimeZone()): string => {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (timeZone) {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(now);
  }
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

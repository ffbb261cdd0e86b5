/**
 * Keeps the interface's language in step with the session: the last language used in this browser
 * (or the browser's own) before anyone is known, then the signed-in person's setting and time zone,
 * at once when they change it.
 */
import { useSession } from "../../store/session";
import { applyLanguage } from "./i18n";

const LOCALE_KEY = "lattice.locale";

const remembered = (): string | null => {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
};

const remember = (locale: string) => {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Storage may be off (private mode): the language still applies to this page.
  }
};

export const startLanguage = (): void => {
  void applyLanguage(remembered());
  useSession.subscribe((state, previous) => {
    const user = state.user;
    if (!user || (user.locale === previous.user?.locale && user.timeZone === previous.user?.timeZone)) return;
    remember(user.locale);
    void applyLanguage(user.locale, user.timeZone);
  });
};

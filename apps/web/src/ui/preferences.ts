/**
 * The person's display preferences applied to the page: the colour scheme (light, dark, or the
 * system's, followed live) as `data-theme` on <html>, which every stylesheet keys its dark colours
 * on, and the time zone that decides what "today" is. The last theme is also kept in this browser
 * so the login page, before anyone is known, looks the same.
 */
import type { Theme, User } from "@lattice/domain";

const THEME_KEY = "lattice.theme";
const darkQuery = (): MediaQueryList | null => window.matchMedia?.("(prefers-color-scheme: dark)") ?? null;

let chosenTheme: Theme = "system";
let chosenTimeZone: string | null = null;

const resolve = (theme: Theme): "light" | "dark" => {
  if (theme !== "system") return theme;
  return darkQuery()?.matches ? "dark" : "light";
};

const paint = (): void => {
  document.documentElement.dataset.theme = resolve(chosenTheme);
};

export const applyTheme = (theme: Theme): void => {
  chosenTheme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage may be off (private mode): the choice still applies to this page.
  }
  paint();
};

/** Before the first render: the theme this browser last used, and a listener for the system's. */
export const startPreferences = (): void => {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(THEME_KEY);
  } catch {
    stored = null;
  }
  chosenTheme = stored === "light" || stored === "dark" ? stored : "system";
  paint();
  darkQuery()?.addEventListener("change", () => {
    if (chosenTheme === "system") paint();
  });
};

/** Applies a signed-in person's choices. */
export const applyUserPreferences = (user: Pick<User, "theme" | "timeZone">): void => {
  chosenTimeZone = user.timeZone;
  applyTheme(user.theme);
};

/** The person's time zone, or null for the browser's own. */
export const preferredTimeZone = (): string | null => chosenTimeZone;

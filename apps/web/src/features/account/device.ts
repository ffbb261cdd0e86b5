/**
 * A short name for the browser behind a session's user agent ("Firefox on Linux"), so a person can
 * tell their sessions apart. Only the common browsers and systems are named; the rest fall back to
 * the raw string, which the page also shows in full on hover.
 */

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const browsers: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\b(Headless)?Chrome\/|\bCriOS\/|\bChromium\//, "Chrome"],
  [/\bSafari\//, "Safari"],
];

const systems: ReadonlyArray<[RegExp, string]> = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bLinux\b/, "Linux"],
];

const firstMatch = (text: string, table: ReadonlyArray<[RegExp, string]>): string | null =>
  table.find(([pattern]) => pattern.test(text))?.[1] ?? null;

/** The two sentences around the names, in the interface's language. */
export interface DeviceWords {
  unknown: string;
  browserOnSystem: (browser: string, system: string) => string;
}

const englishWords: DeviceWords = {
  unknown: "Unknown device",
  browserOnSystem: (browser, system) => `${browser} on ${system}`,
};

export const describeDevice = (userAgent: string, words: DeviceWords = englishWords): string => {
  const text = userAgent.trim();
  if (text === "") return words.unknown;
  const browser = firstMatch(text, browsers);
  const system = firstMatch(text, systems);
  if (browser && system) return words.browserOnSystem(browser, system);
  return browser ?? system ?? (text.length > 60 ? `${text.slice(0, 57)}…` : text);
};

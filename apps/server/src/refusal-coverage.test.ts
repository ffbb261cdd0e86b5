/**
 * Every refusal the server can raise reads in each shipped language. The constructor of DomainError
 * requires a refusal (so a missing one fails the typecheck); this scan catches the two ways round it:
 * a `null` refusal, and a message key named in the code that a catalog lacks or words with other
 * arguments than English.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { argumentProblems, type ServerMessageKey, serverCatalogs, serverLocales } from "@lattice/domain";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const sourceRoots = ["apps/server/src", "packages/domain/src", "packages/db/src"].map((dir) =>
  join(root, dir),
);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });

const sources = sourceRoots
  .flatMap(sourceFiles)
  .map((path) => ({ path: relative(root, path), text: readFileSync(path, "utf8") }));

/** The arguments of each `new DomainError(...)`, matched by bracket depth (they span lines). */
const domainErrorCalls = (text: string): string[] => {
  const calls: string[] = [];
  for (
    let start = text.indexOf("new DomainError(");
    start >= 0;
    start = text.indexOf("new DomainError(", start + 1)
  ) {
    let depth = 0;
    let end = start + "new DomainError".length;
    for (; end < text.length; end++) {
      const char = text[end];
      if (char === "(" || char === "[" || char === "{") depth++;
      else if (char === ")" || char === "]" || char === "}") depth--;
      if (depth === 0) break;
    }
    calls.push(text.slice(start, end + 1));
  }
  return calls;
};

describe("refusals in every language", () => {
  it("finds the sources it scans", () => {
    expect(sources.some((s) => s.path.endsWith("plugins/errors.ts"))).toBe(true);
    expect(sources.flatMap((s) => domainErrorCalls(s.text)).length).toBeGreaterThan(20);
  });

  it("raises no DomainError without a message key", () => {
    const keyless = sources.flatMap(({ path, text }) =>
      domainErrorCalls(text)
        .filter((call) => /,\s*null\s*,?\s*\)$/.test(call))
        .map((call) => `${path}: ${call.replace(/\s+/g, " ")}`),
    );
    expect(keyless).toEqual([]);
  });

  it("has every refusal key the code names in English, German and Arabic, with the same arguments", () => {
    const named = new Set(
      sources.flatMap(({ text }) =>
        [...text.matchAll(/["`](refusal\.[A-Za-z.]+)["`]/g)].map((m) => m[1] ?? ""),
      ),
    );
    expect(named.size).toBeGreaterThan(100);
    for (const locale of serverLocales) {
      const catalog: Record<string, string> = serverCatalogs[locale];
      expect(
        [...named].filter((key) => catalog[key] === undefined),
        locale,
      ).toEqual([]);
    }
    const english = Object.fromEntries(
      [...named].map((key) => [key, serverCatalogs.en[key as ServerMessageKey]]),
    ) as Record<string, string>;
    for (const locale of ["de", "ar"] as const) {
      const translated = Object.fromEntries(
        [...named].map((key) => [key, serverCatalogs[locale][key as ServerMessageKey]]),
      ) as Record<string, string>;
      expect(argumentProblems(english, translated, locale)).toEqual([]);
    }
  });
});

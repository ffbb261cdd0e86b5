/**
 * The first screen's JavaScript budget. The first screen is what index.html makes the browser fetch
 * before anything shows: the entry chunk and every chunk it imports statically (Vite preloads them),
 * followed transitively, and the interface's message runtime with the English messages, which the app
 * fetches behind `import()` but waits for before it renders anything (see docs/I18N.md). Other chunks
 * behind `import()` load later, on first use or when the browser is idle, and do not count. Sizes are gzip level 9 of the built files, as the server sends them precompressed.
 *
 * `tsx scripts/web-budget.ts` (run by `pnpm test:e2e` after the build) fails when the sum passes the
 * budget; `pnpm bench:web` prints the same figure.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * 120 kB of gzipped JavaScript (decimal kilobytes, the stricter reading). It counts the message runtime
 * and the sign-in page's own messages (the `core` tier, docs/I18N.md), which the first render waits for;
 * the signed-in app's messages and the reply schemas (zod) load after it.
 */
export const FIRST_SCREEN_BUDGET_BYTES = 120_000;

/** Modules loaded on demand that the first screen still waits for before it shows anything. */
const awaitedBeforeFirstRender = ["src/lib/i18n/runtime.ts", "src/lib/i18n/messages/en/core.ts"];

/**
 * Modules the sign-in page loads after its first render: the reply schemas of its two requests
 * (session, sign-in options), which need zod. Not counted; named so the loading journey can tell them
 * from a part that should not load there.
 */
export const loadedAfterFirstRender = ["src/api/first-screen-schemas.ts"];

/** One entry of Vite's build manifest (dist/.vite/manifest.json), the fields read here. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface FirstScreenFile {
  file: string;
  gzipBytes: number;
}

/**
 * The JavaScript files the entry loads before it runs: the entry and its static imports, transitively,
 * each once. Throws when the manifest has no single entry.
 */
export const firstScreenFiles = (manifest: Manifest): string[] => {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length !== 1) {
    throw new Error(`expected one entry in the build manifest, found ${entries.length}`);
  }
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest names ${key} but has no entry for it`);
    if (chunk.file.endsWith(".js")) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entries[0] as string);
  for (const key of awaitedBeforeFirstRender) if (manifest[key]) visit(key);
  return files;
};

/** The JavaScript files of a module loaded on demand: its chunk and that chunk's static imports, transitively. */
export const chunkFiles = (manifest: Manifest, key: string): string[] => {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = manifest[name];
    if (!chunk) throw new Error(`the build manifest names ${name} but has no entry for it`);
    if (chunk.file.endsWith(".js")) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return files;
};

/** Reads the built app in `distDir` and sizes its first screen's JavaScript, largest file first. */
export const measureFirstScreen = (distDir: string) => {
  const manifest = JSON.parse(readFileSync(path.join(distDir, ".vite/manifest.json"), "utf8")) as Manifest;
  const files: FirstScreenFile[] = firstScreenFiles(manifest)
    .map((file) => ({
      file,
      gzipBytes: gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length,
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, gzipBytes };
};

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const distDir = fileURLToPath(new URL("../apps/web/dist", import.meta.url));
  const { files, gzipBytes } = measureFirstScreen(distDir);
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  for (const f of files) console.log(`  ${kB(f.gzipBytes).padStart(9)}  ${f.file}`);
  const verdict = gzipBytes <= FIRST_SCREEN_BUDGET_BYTES ? "within" : "OVER";
  console.log(
    `First screen JavaScript: ${kB(gzipBytes)} gzipped, ${verdict} the budget of ${kB(FIRST_SCREEN_BUDGET_BYTES)}`,
  );
  if (gzipBytes > FIRST_SCREEN_BUDGET_BYTES) {
    console.error(
      "Move what the first screen does not need behind import() (see docs/ARCHITECTURE.md, Loading).",
    );
    process.exitCode = 1;
  }
}

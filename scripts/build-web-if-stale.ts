/**
 * `pnpm start` builds the web app only when what goes into it changed since the last build: a hash of
 * every input file's path and content (the web app's sources, the domain package it imports, the
 * build settings and the lockfile) is kept beside the build. Contents, not modification times, so a
 * fresh clone, a checkout or a `touch` decide the same way.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "apps/web");
const dist = path.join(web, "dist");
const stamp = path.join(dist, ".inputs-hash");

const inputs = [
  "apps/web/src",
  "apps/web/index.html",
  "apps/web/vite.config.ts",
  "apps/web/package.json",
  "apps/web/tsconfig.json",
  "packages/domain/src",
  "packages/domain/package.json",
  "pnpm-lock.yaml",
];
// Tests never reach the bundle.
const isTest = (file: string) => /\.test(-helpers)?\.[cm]?tsx?$/.test(file);

const filesUnder = (entry: string): string[] => {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .filter((file) => !isTest(file));
};

export const inputsHash = (): string => {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap(filesUnder).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
};

const current = inputsHash();
const built =
  existsSync(path.join(dist, "index.html")) && existsSync(stamp) ? readFileSync(stamp, "utf8") : null;
if (built === current) {
  console.log("web app is up to date, not rebuilding");
} else {
  const result = spawnSync("pnpm", ["--filter", "@lattice/web", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, current);
}

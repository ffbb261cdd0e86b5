/**
 * Compiles the server and the packages it imports (`@lattice/domain`, `@lattice/db`) to JavaScript,
 * each into its own `dist/` beside its `src/`, file for file: the layout is kept, so paths a module
 * takes from its own location (the migrations folder, the repository root) mean the same compiled.
 * `node --conditions=lattice-compiled` then resolves the packages to `dist/` (see their `exports`);
 * everything else (tsx, vitest, Vite) keeps resolving them to `src/`.
 *
 * esbuild strips the types file by file (the code is written for that: `isolatedModules`,
 * `verbatimModuleSyntax`); `pnpm typecheck` is what checks them.
 *
 * Skipped when nothing that goes into the output changed since the last build: a hash of every input
 * file's path and content is kept beside the server's build (contents, not modification times, as
 * scripts/build-web-if-stale.ts does for the web app). `--force` builds anyway.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const packages = ["packages/domain", "packages/db", "apps/server"] as const;
const stamp = path.join(root, "apps/server/dist/.inputs-hash");

// Tests and test helpers never run in production.
const isTest = (file: string) => /\.test\.ts$|\/test\/|\/testing\.ts$|postgres-global-setup\.ts$/.test(file);

const filesUnder = (entry: string): string[] => {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)));
};

const sourcesOf = (pkg: string): string[] =>
  filesUnder(`${pkg}/src`).filter((file) => file.endsWith(".ts") && !isTest(file));

const inputsHash = (): string => {
  const hash = createHash("sha256");
  const inputs = [
    ...packages.flatMap(sourcesOf),
    ...packages.map((pkg) => `${pkg}/package.json`),
    "pnpm-lock.yaml",
    "scripts/build-server.ts",
  ].sort();
  for (const file of inputs) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
};

const current = inputsHash();
const built = existsSync(stamp) ? readFileSync(stamp, "utf8") : null;
if (built === current && !process.argv.includes("--force")) {
  console.log("server build is up to date, not rebuilding");
} else {
  const started = performance.now();
  for (const pkg of packages) {
    const outdir = path.join(root, pkg, "dist");
    rmSync(outdir, { recursive: true, force: true });
    await build({
      entryPoints: sourcesOf(pkg).map((file) => path.join(root, file)),
      outbase: path.join(root, pkg, "src"),
      outdir,
      platform: "node",
      format: "esm",
      target: "node20",
      sourcemap: true,
      logLevel: "warning",
    });
  }
  writeFileSync(stamp, current);
  console.log(`built the server in ${Math.round(performance.now() - started)} ms`);
}

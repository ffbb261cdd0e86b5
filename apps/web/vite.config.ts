import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes .br and .gz beside every text file of the build, once, at the highest levels: the server
 * (@fastify/static with preCompressed) hands them to browsers that accept them, at no cost per request.
 */
const precompress = (): Plugin => ({
  name: "lattice-precompress",
  apply: "build",
  async writeBundle(options, bundle) {
    const dir = options.dir ?? "dist";
    const files = Object.keys(bundle).filter((name) => /\.(js|css|html|svg|json)$/.test(name));
    await Promise.all(
      files.map(async (name) => {
        const file = path.join(dir, name);
        const source = await readFile(file);
        if (source.length < 1024) return;
        const [br, gz] = await Promise.all([
          brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
          gzipAsync(source, { level: 9 }),
        ]);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      }),
    );
  },
});

// In dev the API server runs separately on :3000; in production it serves dist/ itself.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks the entry imports statically (scripts/web-budget.ts sums them).
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: in chunks of their own they stay cached across
        // releases, and no chunk passes the 500 kB warning.
        codeSplitting: {
          groups: [
            { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: "zod", test: /[\\/]node_modules[\\/]zod[\\/]/ },
            { name: "dnd-kit", test: /[\\/]node_modules[\\/]@dnd-kit[\\/]/ },
            { name: "markdown", test: /[\\/]node_modules[\\/](marked|dompurify)[\\/]/ },
          ],
        },
      },
    },
  },
});

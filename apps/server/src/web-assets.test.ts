/**
 * The built web app as the server hands it out: content-named assets are cacheable for good and sent
 * pre-compressed to browsers that accept it, the app shell (for any client-side route) is revalidated
 * on every visit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./test/harness.js";

const bundle = `console.log(${JSON.stringify("lattice ".repeat(500))});`;

describe("the web app's files", () => {
  let harness: Harness;
  let webDist: string;

  beforeAll(async () => {
    webDist = mkdtempSync(path.join(os.tmpdir(), "lattice-web-dist-"));
    mkdirSync(path.join(webDist, "assets"));
    writeFileSync(path.join(webDist, "index.html"), "<!doctype html><title>Lattice</title>");
    writeFileSync(path.join(webDist, "assets", "index-Ab12Cd.js"), bundle);
    // As the web build writes them beside each file.
    writeFileSync(path.join(webDist, "assets", "index-Ab12Cd.js.br"), brotliCompressSync(bundle));
    writeFileSync(path.join(webDist, "assets", "index-Ab12Cd.js.gz"), gzipSync(bundle));
    harness = await startHarness("pglite", undefined, { webDist });
  });

  afterAll(async () => {
    await harness.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it("lets browsers keep a content-named asset for a year without asking again", async () => {
    const res = await harness.app.inject({ method: "GET", url: "/assets/index-Ab12Cd.js" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe(bundle);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("sends the brotli file to a browser that accepts it, with the same caching", async () => {
    const res = await harness.app.inject({
      method: "GET",
      url: "/assets/index-Ab12Cd.js",
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toContain("javascript");
    expect(res.headers.vary).toContain("accept-encoding");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.rawPayload.length).toBeLessThan(bundle.length);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(bundle);
  });

  it("has the app shell revalidated, at the root and on client-side routes", async () => {
    for (const url of ["/", "/w/some-workspace/s/some-space/gantt"]) {
      const res = await harness.app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.body).toContain("<title>Lattice</title>");
      expect(res.headers["cache-control"]).toBe("no-cache");
    }
  });
});

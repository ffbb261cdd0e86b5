/**
 * The built web app as the server hands it out: content-named assets are cacheable for good, the app
 * shell (for any client-side route) is revalidated on every visit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./test/harness.js";

describe("the web app's files", () => {
  let harness: Harness;
  let webDist: string;

  beforeAll(async () => {
    webDist = mkdtempSync(path.join(os.tmpdir(), "lattice-web-dist-"));
    mkdirSync(path.join(webDist, "assets"));
    writeFileSync(path.join(webDist, "index.html"), "<!doctype html><title>Lattice</title>");
    writeFileSync(path.join(webDist, "assets", "index-Ab12Cd.js"), "console.log('lattice');");
    harness = await startHarness("pglite", undefined, { webDist });
  });

  afterAll(async () => {
    await harness.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it("lets browsers keep a content-named asset for a year without asking again", async () => {
    const res = await harness.app.inject({ method: "GET", url: "/assets/index-Ab12Cd.js" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe("console.log('lattice');");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
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

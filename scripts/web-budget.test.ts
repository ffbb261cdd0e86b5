import { describe, expect, it } from "vitest";
import { firstScreenFiles, type Manifest } from "./web-budget.js";

// The shape Vite writes to dist/.vite/manifest.json: keys are sources, `imports` are static imports
// (loaded before the entry runs), `dynamicImports` are import() calls (loaded on demand).
const manifest: Manifest = {
  "index.html": {
    file: "assets/index-a1.js",
    isEntry: true,
    imports: ["_react-b2.js", "_client-c3.js"],
    dynamicImports: ["src/features/board/board-page.tsx"],
  },
  "_react-b2.js": { file: "assets/react-b2.js" },
  "_client-c3.js": { file: "assets/client-c3.js", imports: ["_zod-d4.js", "_react-b2.js"] },
  "_zod-d4.js": { file: "assets/zod-d4.js" },
  "src/features/board/board-page.tsx": {
    file: "assets/board-page-e5.js",
    imports: ["_dnd-f6.js", "_client-c3.js"],
  },
  "_dnd-f6.js": { file: "assets/dnd-f6.js" },
};

describe("the first screen's files", () => {
  it("are the entry and its static imports, followed through, each once", () => {
    expect(firstScreenFiles(manifest).sort()).toEqual([
      "assets/client-c3.js",
      "assets/index-a1.js",
      "assets/react-b2.js",
      "assets/zod-d4.js",
    ]);
  });

  it("leave out what loads on demand, and what only it imports", () => {
    const files = firstScreenFiles(manifest);
    expect(files).not.toContain("assets/board-page-e5.js");
    expect(files).not.toContain("assets/dnd-f6.js");
  });

  it("cannot be told without exactly one entry", () => {
    const { "index.html": _entry, ...withoutEntry } = manifest;
    expect(() => firstScreenFiles(withoutEntry)).toThrow(/one entry/);
  });
});

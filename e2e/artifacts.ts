/** Screenshots from the journeys go to artifacts/ at the repo root (gitignored, kept by CI). */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";

export const artifactsDir = fileURLToPath(new URL("../artifacts/", import.meta.url));

/** Saves a full-page screenshot as artifacts/<name>.png and returns its path. */
export const saveScreenshot = async (page: Page, name: string): Promise<string> => {
  const file = path.join(artifactsDir, `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

import { describe, expect, it } from "vitest";
import { contrastRatio, initialsColorNames } from "./initials-color-names.js";
import {
  defaultInitialsColor,
  initialsColorOf,
  initialsColors,
  updateSettingsBody,
} from "./people-schemas.js";

describe("initials colours", () => {
  it("gives white initials enough contrast (WCAG AA, 4.5:1) on every colour of the palette", () => {
    for (const color of initialsColors)
      expect(contrastRatio(color, "#ffffff"), color).toBeGreaterThanOrEqual(4.5);
  });

  it("measures contrast as WCAG defines it", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });

  it("derives the same palette colour from an id every time, and spreads ids over the palette", () => {
    const ids = Array.from(
      { length: 200 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    for (const id of ids) {
      expect(initialsColors).toContain(defaultInitialsColor(id));
      expect(defaultInitialsColor(id)).toBe(defaultInitialsColor(id));
    }
    expect(new Set(ids.map(defaultInitialsColor)).size).toBeGreaterThan(initialsColors.length / 2);
  });

  it("shows a person's choice over the derived colour", () => {
    expect(initialsColorOf("a", "#be185d")).toBe("#be185d");
    expect(initialsColorOf("a", null)).toBe(defaultInitialsColor("a"));
  });

  it("names every colour and accepts only the palette (or null) in the settings", () => {
    expect(Object.keys(initialsColorNames).sort()).toEqual([...initialsColors].sort());
    expect(updateSettingsBody.parse({ color: "#BE185D" }).color).toBe("#be185d");
    expect(updateSettingsBody.parse({ color: null }).color).toBeNull();
    const refused = updateSettingsBody.safeParse({ color: "#ffff00" });
    expect(refused.success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  canChangeSavedView,
  createSavedViewBody,
  savedViewHref,
  updateSavedViewBody,
} from "./saved-view-schemas.js";

describe("saved views", () => {
  it("lets every reader keep personal views, members share them and owners alone choose the default", () => {
    const table = (["owner", "member", "visitor", null] as const).map((role) => [
      role,
      canChangeSavedView(role, "keep_personal"),
      canChangeSavedView(role, "change_shared"),
      canChangeSavedView(role, "choose_default"),
    ]);
    expect(table).toEqual([
      ["owner", true, true, true],
      ["member", true, true, false],
      ["visitor", true, false, false],
      [null, false, false, false],
    ]);
  });

  it("trims the name, drops a leading ? from the query and defaults to a personal view", () => {
    expect(
      createSavedViewBody.parse({ name: "  Late  ", kind: "list", query: "?due=overdue&sort=due" }),
    ).toEqual({
      name: "Late",
      kind: "list",
      query: "due=overdue&sort=due",
      isShared: false,
      isDefault: false,
    });
  });

  it("refuses a query that is too long or not an address query, and unknown fields", () => {
    const bad = (body: unknown) => createSavedViewBody.safeParse(body).success;
    expect(bad({ name: "X", kind: "board", query: "a".repeat(2000) })).toBe(true);
    expect(bad({ name: "X", kind: "board", query: `?${"a".repeat(2000)}` })).toBe(true);
    expect(bad({ name: "X", kind: "board", query: "a".repeat(2001) })).toBe(false);
    expect(bad({ name: "X", kind: "board", query: "a=1#x" })).toBe(false);
    expect(bad({ name: "X", kind: "board", query: "a=\u0000" })).toBe(false);
    expect(bad({ name: "X", kind: "wall" })).toBe(false);
    expect(updateSavedViewBody.safeParse({ owner: "me" }).success).toBe(false);
  });

  it("opens each kind at its tab's address with its query", () => {
    const w = "w1";
    expect(savedViewHref(w, { spaceId: "s1", kind: "board", query: "" })).toBe("/w/w1/s/s1");
    expect(savedViewHref(w, { spaceId: "s1", kind: "board", query: "label=a" })).toBe("/w/w1/s/s1?label=a");
    expect(savedViewHref(w, { spaceId: "s1", kind: "time", query: "period=90" })).toBe(
      "/w/w1/s/s1/time?period=90",
    );
  });
});

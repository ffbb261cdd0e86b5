import { afterEach, describe, expect, it } from "vitest";
import { maxRecentSpaces, readRecentSpaces, rememberSpace } from "./recent-spaces";

afterEach(() => localStorage.clear());

describe("recent spaces", () => {
  it("puts the space opened last first, once", () => {
    rememberSpace("ana", { workspaceId: "w", spaceId: "a" });
    rememberSpace("ana", { workspaceId: "w", spaceId: "b" });
    rememberSpace("ana", { workspaceId: "w", spaceId: "a" });
    expect(readRecentSpaces("ana").map((r) => r.spaceId)).toEqual(["a", "b"]);
  });

  it("keeps each person's own list", () => {
    rememberSpace("ana", { workspaceId: "w", spaceId: "a" });
    expect(readRecentSpaces("bo")).toEqual([]);
  });

  it("keeps only the newest few", () => {
    for (let i = 0; i < maxRecentSpaces + 3; i++)
      rememberSpace("ana", { workspaceId: "w", spaceId: `s${i}` });
    const list = readRecentSpaces("ana");
    expect(list).toHaveLength(maxRecentSpaces);
    expect(list[0]?.spaceId).toBe(`s${maxRecentSpaces + 2}`);
  });

  it("reads a damaged entry as no recent spaces", () => {
    localStorage.setItem("lattice.recent-spaces.ana", "{not json");
    expect(readRecentSpaces("ana")).toEqual([]);
    localStorage.setItem(
      "lattice.recent-spaces.ana",
      JSON.stringify([{ spaceId: 3 }, { workspaceId: "w", spaceId: "a" }]),
    );
    expect(readRecentSpaces("ana")).toEqual([{ workspaceId: "w", spaceId: "a" }]);
  });
});

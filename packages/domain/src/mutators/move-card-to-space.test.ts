import { describe, expect, it } from "vitest";
import type { Status } from "../schemas.js";
import { limits } from "../schemas.js";
import { copyName } from "./copy-card.js";
import { landingStatus, matchLabels } from "./move-card-to-space.js";

const status = (id: string, role: Status["role"]): Status => ({
  id,
  workspaceId: "w",
  spaceId: "s",
  name: id,
  position: id,
  role,
  wipLimit: null,
});

describe("where a card lands in another space", () => {
  const statuses = [
    status("todo", "not_started"),
    status("doing", "in_progress"),
    status("more", "in_progress"),
  ];

  it("takes the first status of the card's role, so its progress reads the same", () => {
    expect(landingStatus(statuses, "in_progress", undefined)?.id).toBe("doing");
  });

  it("falls back to the first status when the target has none of that role", () => {
    expect(landingStatus(statuses, "completed", undefined)?.id).toBe("todo");
  });

  it("takes the chosen status when it is the target's, and none when it is not", () => {
    expect(landingStatus(statuses, "not_started", "more")?.id).toBe("more");
    expect(landingStatus(statuses, "not_started", "elsewhere")).toBeNull();
  });
});

describe("labels going to another space", () => {
  it("match by name whatever the case and spacing, and name the ones with no match", () => {
    const result = matchLabels(
      [
        { id: "a", name: "Urgent" },
        { id: "b", name: " quiet " },
        { id: "c", name: "Night shift" },
      ],
      [
        { id: "x", name: "urgent" },
        { id: "y", name: "Quiet" },
      ],
    );
    expect(result).toEqual({ labelIds: ["x", "y"], droppedLabelNames: ["Night shift"] });
  });

  it("give one label when two of the card's match the same target label", () => {
    expect(
      matchLabels(
        [
          { id: "a", name: "Urgent" },
          { id: "b", name: "URGENT" },
        ],
        [{ id: "x", name: "urgent" }],
      ),
    ).toEqual({ labelIds: ["x"], droppedLabelNames: [] });
  });
});

describe("a copy's name", () => {
  it("adds ' (copy)' and stays within the name limit", () => {
    expect(copyName("Rota")).toBe("Rota (copy)");
    const long = copyName("x".repeat(limits.cardNameMax));
    expect(long.length).toBe(limits.cardNameMax);
    expect(long.endsWith("… (copy)")).toBe(true);
  });
});

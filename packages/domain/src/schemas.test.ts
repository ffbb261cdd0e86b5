import { describe, expect, it } from "vitest";
import {
  addMemberBody,
  createCardBody,
  createStatusBody,
  createWorkspaceBody,
  limits,
  loginBody,
  moveCardBody,
  signupBody,
  updateCardBody,
  updateFolderBody,
  updateMemberBody,
  updateSpaceBody,
  updateStatusBody,
  updateWorkspaceBody,
} from "./schemas.js";

const uuid = "7d1c5f0e-2b7a-4c49-9a7e-5d2f0c3b8a11";

/** The dotted paths of the fields a parse failed on. */
const failedPaths = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join("."));

describe("names", () => {
  it("are trimmed", () => {
    expect(createWorkspaceBody.parse({ name: "  Patient experience  " }).name).toBe("Patient experience");
    expect(createCardBody.parse({ name: "\tCall the lab\n" }).name).toBe("Call the lab");
  });

  it("must not be empty once trimmed", () => {
    const result = createWorkspaceBody.safeParse({ name: "   " });
    expect(result.success).toBe(false);
    expect(failedPaths(result)).toEqual(["name"]);
  });

  it(`are at most ${limits.nameMax} characters (counted after trimming)`, () => {
    expect(createWorkspaceBody.safeParse({ name: "x".repeat(limits.nameMax) }).success).toBe(true);
    expect(createWorkspaceBody.safeParse({ name: ` ${"x".repeat(limits.nameMax)} ` }).success).toBe(true);
    const tooLong = createWorkspaceBody.safeParse({ name: "x".repeat(limits.nameMax + 1) });
    expect(tooLong.success).toBe(false);
    expect(failedPaths(tooLong)).toEqual(["name"]);
  });

  it(`allow cards a longer name of up to ${limits.cardNameMax} characters`, () => {
    expect(createCardBody.safeParse({ name: "x".repeat(limits.cardNameMax) }).success).toBe(true);
    expect(createCardBody.safeParse({ name: "x".repeat(limits.cardNameMax + 1) }).success).toBe(false);
  });
});

describe("accounts", () => {
  it("lower-cases and trims the email at signup, login and invitation", () => {
    const password = "correct horse battery";
    expect(signupBody.parse({ email: " Ana@Example.TEST ", name: "Ana", password }).email).toBe(
      "ana@example.test",
    );
    expect(loginBody.parse({ email: "ANA@example.test", password }).email).toBe("ana@example.test");
    expect(addMemberBody.parse({ email: "Ana@Example.test" }).email).toBe("ana@example.test");
  });

  it("rejects something that is not an email", () => {
    const result = signupBody.safeParse({ email: "ana", name: "Ana", password: "correct horse battery" });
    expect(failedPaths(result)).toEqual(["email"]);
  });

  it(`requires a password of at least ${limits.passwordMin} characters`, () => {
    const short = "x".repeat(limits.passwordMin - 1);
    const result = signupBody.safeParse({ email: "ana@example.test", name: "Ana", password: short });
    expect(failedPaths(result)).toEqual(["password"]);
  });

  it("invites as member unless a role is given", () => {
    expect(addMemberBody.parse({ email: "ana@example.test" }).role).toBe("member");
  });
});

describe("defaults", () => {
  it("makes a workspace private unless told otherwise", () => {
    expect(createWorkspaceBody.parse({ name: "W" }).visibility).toBe("private");
  });

  it("adds a card at the bottom unless told otherwise", () => {
    expect(createCardBody.parse({ name: "C" }).at).toBe("bottom");
  });

  it("adds an in-progress status unless told otherwise", () => {
    expect(createStatusBody.parse({ name: "Review" }).role).toBe("in_progress");
  });
});

describe("PATCH bodies", () => {
  it.each([
    ["workspace", updateWorkspaceBody],
    ["member", updateMemberBody],
    ["folder", updateFolderBody],
    ["space", updateSpaceBody],
    ["status", updateStatusBody],
    ["card", updateCardBody],
    ["move", moveCardBody],
  ] as const)("reject unknown fields on a %s, so a typo is not silently ignored", (_, schema) => {
    const result = schema.safeParse({ nmae: "typo" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((i) => i.code === "unrecognized_keys")).toBe(true);
  });

  it("accept an empty change where every field is optional", () => {
    expect(updateCardBody.parse({})).toEqual({});
    expect(updateWorkspaceBody.parse({})).toEqual({});
  });
});

describe("placement and ids", () => {
  it("keeps afterId: null apart from an absent afterId (null means the top)", () => {
    expect(moveCardBody.parse({ statusId: uuid, afterId: null })).toEqual({ statusId: uuid, afterId: null });
    expect(moveCardBody.parse({ statusId: uuid })).toEqual({ statusId: uuid });
  });

  it("rejects ids that are not UUIDs", () => {
    const result = moveCardBody.safeParse({ statusId: "42", afterId: "x" });
    expect(failedPaths(result).sort()).toEqual(["afterId", "statusId"]);
  });

  it(`limits WIP limits to whole numbers from 1 to ${limits.wipLimitMax}, or none`, () => {
    expect(updateStatusBody.safeParse({ wipLimit: 3 }).success).toBe(true);
    expect(updateStatusBody.safeParse({ wipLimit: null }).success).toBe(true);
    for (const bad of [0, 2.5, limits.wipLimitMax + 1, "3"])
      expect(updateStatusBody.safeParse({ wipLimit: bad }).success, String(bad)).toBe(false);
  });
});

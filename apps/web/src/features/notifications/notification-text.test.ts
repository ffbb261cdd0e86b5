import type { Notification } from "@lattice/domain";
import { describe, expect, it } from "vitest";
import { snippetParts } from "../search/snippet";
import { notificationHref, notificationText } from "./notification-text";

const ws = "11111111-1111-4111-8111-111111111111";
const space = "22222222-2222-4222-8222-222222222222";
const cardId = "33333333-3333-4333-8333-333333333333";
const ana = "44444444-4444-4444-8444-444444444444";

const n = (kind: Notification["kind"], data: Record<string, unknown>): Notification => ({
  id: "55555555-5555-4555-8555-555555555555",
  kind,
  workspaceId: ws,
  cardId,
  actorId: ana,
  data: { cardName: "Triage rota", spaceId: space, ...data },
  createdAt: "2025-03-10T10:00:00.000Z",
  readAt: null,
});

const names = (id: string) => (id === ana ? "Ana" : null);

describe("notificationText", () => {
  it("reads like a sentence for every kind", () => {
    expect(notificationText(n("mentioned", { actorName: "Ana" }))).toBe("Ana mentioned you on 'Triage rota'");
    expect(notificationText(n("assigned_responsible", {}), names)).toBe(
      "Ana made you responsible for 'Triage rota'",
    );
    expect(notificationText(n("assigned_coworker", {}), names)).toBe(
      "Ana added you as a co-worker on 'Triage rota'",
    );
    expect(notificationText(n("status_changed", { fromStatus: "Doing", toStatus: "Done" }))).toBe(
      "'Triage rota' moved from Doing to Done",
    );
    expect(notificationText(n("blocked", { blocker: "Waiting for supplier", reason: "" }))).toBe(
      "'Triage rota' is blocked: Waiting for supplier",
    );
    expect(notificationText(n("blocked", { blocker: "Waiting for supplier", reason: "No gloves" }))).toBe(
      "'Triage rota' is blocked: Waiting for supplier — No gloves",
    );
    expect(notificationText(n("unblocked", { blocker: "Waiting for supplier" }))).toBe(
      "'Triage rota' is no longer blocked by Waiting for supplier",
    );
    expect(notificationText(n("reminder", { note: "Call the ward" }))).toBe(
      "Reminder: 'Triage rota' — Call the ward",
    );
  });

  it("falls back to 'Someone' when the actor's name is unknown", () => {
    expect(notificationText(n("assigned_responsible", {}))).toBe(
      "Someone made you responsible for 'Triage rota'",
    );
  });

  it("links to the card", () => {
    expect(notificationHref(n("mentioned", {}))).toBe(`/w/${ws}/s/${space}/c/${cardId}`);
    expect(notificationHref({ ...n("mentioned", {}), cardId: null })).toBeNull();
  });

  it("links a mention to its comment", () => {
    expect(notificationHref(n("mentioned", { commentId: "c-1" }))).toBe(
      `/w/${ws}/s/${space}/c/${cardId}#comment-c-1`,
    );
  });
});

describe("snippetParts", () => {
  it("marks the words between ** and keeps the rest as text", () => {
    expect(snippetParts("call **ward** 3 about **gloves**")).toEqual([
      { text: "call ", isMatch: false },
      { text: "ward", isMatch: true },
      { text: " 3 about ", isMatch: false },
      { text: "gloves", isMatch: true },
    ]);
    expect(snippetParts("<b>x</b> **y")).toEqual([{ text: "<b>x</b> **y", isMatch: false }]);
  });
});

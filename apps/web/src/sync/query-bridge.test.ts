import { type Label, type Member, spaceChannel, userChannel, workspaceChannel } from "@lattice/domain";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { labelKeys } from "../api/labels";
import { memberKeys } from "../api/members";
import type { WireEvent } from "./channels";
import { invalidateOnEvent } from "./query-bridge";

const ws = crypto.randomUUID();
const otherWs = crypto.randomUUID();
const spaceId = crypto.randomUUID();
const at = "2026-12-07T10:00:00.000Z";

const member: Member = {
  workspaceId: ws,
  userId: crypto.randomUUID(),
  email: "ben@example.com",
  name: "Ben Agent",
  color: null,
  role: "member",
  capacityPerWeek: null,
  createdAt: at,
};
const label: Label = {
  id: crypto.randomUUID(),
  workspaceId: ws,
  spaceId,
  name: "Urgent",
  color: "#d1453b",
  serviceLevelDays: null,
};
const wire = (event: Pick<WireEvent, "type" | "payload">) =>
  ({ ...event, actorId: null, mutationId: null, at }) as WireEvent;

/** A client holding members of two workspaces and one space's labels, none of them stale. */
const filledClient = () => {
  const client = new QueryClient();
  client.setQueryData(memberKeys.of(ws), [member]);
  client.setQueryData(memberKeys.of(otherWs), []);
  client.setQueryData(labelKeys.of(spaceId), [label]);
  return client;
};
const stale = (client: QueryClient) =>
  client
    .getQueryCache()
    .getAll()
    .filter((q) => q.isStale())
    .map((q) => q.queryKey);

describe("the live events' bridge to the query cache", () => {
  it("marks stale the members of the workspace a member event is about, and nothing else", () => {
    for (const event of [
      wire({ type: "member.added", payload: { member } }),
      wire({ type: "member.updated", payload: { member } }),
      wire({ type: "member.removed", payload: { workspaceId: ws, userId: member.userId } }),
    ]) {
      const client = filledClient();
      invalidateOnEvent(client)(workspaceChannel(ws), event);
      expect(stale(client)).toEqual([memberKeys.of(ws)]);
    }
  });

  it("marks stale the labels of the space a label event is about", () => {
    for (const event of [
      wire({ type: "label.created", payload: { label } }),
      wire({ type: "label.updated", payload: { label } }),
      wire({ type: "label.deleted", payload: { labelId: label.id, spaceId } }),
    ]) {
      const client = filledClient();
      invalidateOnEvent(client)(spaceChannel(spaceId), event);
      expect(stale(client)).toEqual([labelKeys.of(spaceId)]);
    }
  });

  it("leaves the lookups alone for events that change none of them", () => {
    const client = filledClient();
    invalidateOnEvent(client)(
      spaceChannel(spaceId),
      wire({ type: "trash.changed", payload: { workspaceId: ws } }),
    );
    expect(stale(client)).toEqual([]);
  });

  it("marks stale what a channel feeds once it reloaded its snapshot", () => {
    const client = filledClient();
    invalidateOnEvent(client)(workspaceChannel(ws), null);
    invalidateOnEvent(client)(spaceChannel(spaceId), null);
    invalidateOnEvent(client)(userChannel(member.userId), null);
    expect(stale(client)).toEqual([memberKeys.of(ws), labelKeys.of(spaceId)]);
  });
});

import {
  type CardRelations,
  type Label,
  type Member,
  spaceChannel,
  userChannel,
  workspaceChannel,
} from "@lattice/domain";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { blockerTypeKeys } from "../api/blocker-types";
import { labelKeys } from "../api/labels";
import { memberKeys } from "../api/members";
import { notificationKeys } from "../api/notifications";
import { relationKeys } from "../api/relations";
import { searchKeys } from "../api/search";
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

describe("the bridge for blocker types, relations, notifications and searches", () => {
  const cardId = crypto.randomUUID();
  const relatedId = crypto.randomUUID();
  const unrelatedCardId = crypto.randomUUID();
  const entry = {
    id: relatedId,
    spaceId,
    name: "Night shift",
    statusId: crypto.randomUUID(),
    startDate: null,
    dueDate: null,
    relationId: crypto.randomUUID(),
  };
  const relations: CardRelations = { parents: [], children: [entry], previous: [], next: [] };
  const client = () => {
    const c = new QueryClient();
    c.setQueryData(blockerTypeKeys.of(spaceId), []);
    c.setQueryData(relationKeys.of(cardId), relations);
    c.setQueryData(relationKeys.of(unrelatedCardId), { parents: [], children: [], previous: [], next: [] });
    c.setQueryData(notificationKeys.latest, { items: [], unreadCount: 0 });
    c.setQueryData(searchKeys.of("night", 12), []);
    return c;
  };
  const blocking = {
    id: crypto.randomUUID(),
    workspaceId: ws,
    spaceId,
    cardId,
    blockerTypeId: crypto.randomUUID(),
    blockerName: "Waiting on IT",
    reason: "No laptop",
    blockedBy: null,
    blockedAt: at,
    responsibleId: null,
    clearedBy: null,
    clearedAt: null,
  };

  it("marks a space's blocker types stale when a blocking opens or clears (their counts change)", () => {
    for (const type of ["blocking.created", "blocking.cleared"] as const) {
      const c = client();
      invalidateOnEvent(c)(spaceChannel(spaceId), wire({ type, payload: { blocking } }));
      expect(stale(c)).toEqual([blockerTypeKeys.of(spaceId)]);
    }
  });

  it("marks stale the relations of both cards a relation links", () => {
    const c = client();
    const relation = {
      id: crypto.randomUUID(),
      workspaceId: ws,
      kind: "parent" as const,
      fromCardId: unrelatedCardId,
      toCardId: cardId,
      createdAt: at,
    };
    invalidateOnEvent(c)(spaceChannel(spaceId), wire({ type: "relation.deleted", payload: { relation } }));
    expect(stale(c)).toEqual([relationKeys.of(cardId), relationKeys.of(unrelatedCardId)]);
  });

  it("marks stale the relation lists naming a changed card, and the searches", () => {
    const c = client();
    invalidateOnEvent(c)(
      spaceChannel(spaceId),
      wire({ type: "card.deleted", payload: { cardId: relatedId, spaceId } }),
    );
    expect(stale(c)).toEqual([relationKeys.of(cardId), searchKeys.of("night", 12)]);
  });

  it("marks the notifications stale on the person's notification events", () => {
    const c = client();
    invalidateOnEvent(c)(
      userChannel(member.userId),
      wire({ type: "notification.read", payload: { ids: "all" } }),
    );
    expect(stale(c)).toEqual([notificationKeys.latest]);
  });

  it("marks stale what a space or the person's channel feeds once it reloaded", () => {
    const c = client();
    invalidateOnEvent(c)(userChannel(member.userId), null);
    expect(stale(c)).toEqual([notificationKeys.latest]);
    invalidateOnEvent(c)(spaceChannel(spaceId), null);
    expect(stale(c)).toEqual([
      blockerTypeKeys.of(spaceId),
      relationKeys.of(cardId),
      relationKeys.of(unrelatedCardId),
      notificationKeys.latest,
      searchKeys.of("night", 12),
    ]);
  });
});

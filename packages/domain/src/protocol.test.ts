import { describe, expect, it } from "vitest";
import { type DomainEvent, spaceChannel, workspaceChannel } from "./events.js";
import { eventFrame, serverMessageSchema } from "./protocol.js";

let made = 0;
/** A fresh v4 id (the schema checks ids are UUIDs). */
const uuid = () => {
  made += 1;
  return `6f1c2d3e-4a5b-4c6d-8e7f-${made.toString(16).padStart(12, "0")}`;
};
const at = "2026-12-07T10:00:00.000Z";

const memberAdded = (): DomainEvent => {
  const workspaceId = uuid();
  return {
    channel: workspaceChannel(workspaceId),
    seq: 3,
    type: "member.added",
    payload: {
      member: {
        workspaceId,
        userId: uuid(),
        email: "ben@example.com",
        name: "Ben Agent",
        color: null,
        role: "member",
        capacityPerWeek: 8,
        createdAt: at,
      },
    },
    actorId: uuid(),
    mutationId: null,
    at,
  };
};

describe("serverMessageSchema", () => {
  it("reads the server's own event frame back as the same event", () => {
    const event = memberAdded();
    const { channel, seq, ...rest } = event;
    expect(serverMessageSchema.parse(JSON.parse(eventFrame(event)))).toEqual({
      type: "event",
      channel,
      seq,
      event: rest,
    });
  });

  it("refuses an event whose payload is not its type's", () => {
    const event = memberAdded();
    const frame = JSON.parse(eventFrame(event));
    frame.event.type = "label.created";
    const result = serverMessageSchema.safeParse(frame);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["event", "payload", "label"]);
  });

  it("refuses a frame on a channel that is not one", () => {
    const frame = { type: "subscribed", channel: "board:1", seq: 1 };
    expect(serverMessageSchema.safeParse(frame).success).toBe(false);
    expect(serverMessageSchema.safeParse({ ...frame, channel: spaceChannel(uuid()) }).success).toBe(true);
  });
});

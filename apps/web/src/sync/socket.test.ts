import { afterEach, describe, expect, it, vi } from "vitest";
import { backoffDelay, type SocketLike, SyncSocket } from "./socket";

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: SocketLike["onopen"] = null;
  onclose: SocketLike["onclose"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onerror: SocketLike["onerror"] = null;
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.call(this, new Event("open"));
  }
  drop() {
    this.readyState = 3;
    this.onclose?.call(this, new Event("close") as CloseEvent);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe("backoffDelay", () => {
  it("doubles from 0.5 s up to 10 s, with jitter in the upper half", () => {
    expect(backoffDelay(0, 500, 10_000, () => 1)).toBe(500);
    expect(backoffDelay(0, 500, 10_000, () => 0)).toBe(250);
    expect(backoffDelay(3, 500, 10_000, () => 1)).toBe(4000);
    expect(backoffDelay(10, 500, 10_000, () => 1)).toBe(10_000);
    expect(backoffDelay(10, 500, 10_000, () => 0)).toBe(5000);
  });
});

describe("SyncSocket", () => {
  it("reports Live when open, Reconnecting when dropped, reconnects after the backoff and says open again", () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const socket = new SyncSocket({
      url: "ws://test/api/ws",
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
      random: () => 1,
    });
    const statuses: string[] = [];
    const opens = vi.fn();
    socket.onStatus = (s) => statuses.push(s);
    socket.onOpen = opens;
    socket.start();
    sockets[0]?.open();
    expect(socket.status).toBe("live");
    expect(socket.send({ type: "ping" })).toBe(true);
    expect(sockets[0]?.sent).toEqual(['{"type":"ping"}']);

    sockets[0]?.drop();
    expect(socket.status).toBe("reconnecting");
    expect(socket.send({ type: "ping" })).toBe(false);
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]?.open();
    expect(opens).toHaveBeenCalledTimes(2);
    expect(statuses).toEqual(["connecting", "live", "reconnecting", "live"]);
    socket.stop();
    expect(socket.status).toBe("offline");
  });

  it("says Offline after repeated failures and keeps trying", () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const socket = new SyncSocket({
      url: "ws://test/api/ws",
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
      random: () => 1,
    });
    socket.start();
    for (let i = 0; i < 4; i += 1) {
      sockets.at(-1)?.drop();
      vi.advanceTimersByTime(10_000);
    }
    expect(socket.status).toBe("offline");
    sockets.at(-1)?.open();
    expect(socket.status).toBe("live");
    socket.stop();
  });
});

describe("SyncSocket when the browser goes offline", () => {
  it("drops the socket at once, shows Offline, and reconnects when told the network is back", () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const socket = new SyncSocket({
      url: "ws://test/api/ws",
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
    });
    socket.start();
    sockets[0]?.open();
    socket.goOffline();
    expect(socket.status).toBe("offline");
    expect(sockets[0]?.readyState).toBe(3);
    socket.reconnectNow();
    sockets[1]?.open();
    expect(socket.status).toBe("live");
    socket.stop();
  });
});

const uuid = () => crypto.randomUUID();

/** A move as the server fans it out to a board: the whole card, as the API serializes it. */
const moveFrame = () => {
  const spaceId = uuid();
  return {
    type: "event",
    channel: `space:${spaceId}`,
    seq: 42,
    event: {
      type: "card.moved",
      payload: {
        card: {
          id: uuid(),
          workspaceId: uuid(),
          spaceId,
          statusId: uuid(),
          name: "Order gloves for ward 3",
          description: "Sizes S and M",
          position: "a0V",
          createdBy: uuid(),
          responsibleId: uuid(),
          coworkerIds: [uuid(), uuid()],
          labelIds: [uuid()],
          startDate: "2026-12-01",
          dueDate: "2026-12-09",
          todoTotal: 3,
          todoDone: 1,
          isBlocked: false,
          attachmentCount: 0,
          coverAttachmentId: null,
          createdAt: "2026-11-30T08:00:00.000Z",
          updatedAt: "2026-12-07T09:15:00.000Z",
          completedAt: null,
          archivedAt: null,
          version: 7,
          repeat: null,
        },
        fromStatusId: uuid(),
      },
      actorId: uuid(),
      mutationId: "m-1",
      at: "2026-12-07T09:15:00.000Z",
    },
  };
};

describe("SyncSocket reading frames", () => {
  const openSocket = () => {
    const fake = new FakeSocket();
    const invalid: string[] = [];
    const socket = new SyncSocket({
      url: "ws://test/api/ws",
      createSocket: () => fake,
      onInvalidMessage: (_data, problem) => invalid.push(problem),
    });
    const received: unknown[] = [];
    socket.onMessage = (message) => received.push(message);
    socket.start();
    fake.open();
    const deliver = (frame: unknown) =>
      fake.onmessage?.call(fake, {
        data: typeof frame === "string" ? frame : JSON.stringify(frame),
      } as MessageEvent);
    return { socket, received, invalid, deliver };
  };

  it("passes on a well-formed event as the domain schema reads it", () => {
    const { socket, received, invalid, deliver } = openSocket();
    const frame = moveFrame();
    deliver(frame);
    expect(invalid).toEqual([]);
    expect(received).toEqual([frame]);
    socket.stop();
  });

  it("drops a malformed frame without passing it on, says why, and reads the next one", () => {
    const { socket, received, invalid, deliver } = openSocket();
    const broken = moveFrame();
    // A card without its status would put it in no column.
    const { statusId: _dropped, ...cardWithoutStatus } = broken.event.payload.card;
    deliver({
      ...broken,
      event: { ...broken.event, payload: { ...broken.event.payload, card: cardWithoutStatus } },
    });
    deliver("not json");
    deliver({ type: "event", channel: "space:nope", seq: 1, event: broken.event });
    deliver({ type: "teleport" });
    expect(received).toEqual([]);
    expect(invalid).toHaveLength(4);
    expect(invalid[0]).toContain("statusId");

    const good = moveFrame();
    deliver(good);
    deliver({ type: "pong" });
    expect(received).toEqual([good, { type: "pong" }]);
    expect(socket.status).toBe("live");
    socket.stop();
  });
});

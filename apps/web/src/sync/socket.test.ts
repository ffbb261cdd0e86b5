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

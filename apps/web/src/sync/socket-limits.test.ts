/** The socket's answer to the server's limits: never a fast reconnect loop. */
import { WireCloseCode } from "@lattice/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type SocketLike, SyncSocket } from "./socket";

class FakeSocket implements SocketLike {
  readyState = 0;
  isClosedByClient = false;
  onopen: SocketLike["onopen"] = null;
  onclose: SocketLike["onclose"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onerror: SocketLike["onerror"] = null;
  send() {}
  close() {
    this.readyState = 3;
    this.isClosedByClient = true;
  }
  open() {
    this.readyState = 1;
    this.onopen?.call(this, new Event("open"));
  }
  receive(message: unknown) {
    this.onmessage?.call(this, new MessageEvent("message", { data: JSON.stringify(message) }));
  }
  closedByServer(code: number) {
    this.readyState = 3;
    this.onclose?.call(this, Object.assign(new Event("close"), { code }) as CloseEvent);
  }
}

const MAX_DELAY = 10_000;

const start = () => {
  vi.useFakeTimers();
  const sockets: FakeSocket[] = [];
  const sync = new SyncSocket({
    url: "ws://test/api/ws",
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    maxDelayMs: MAX_DELAY,
    random: () => 1,
  });
  const messages: unknown[] = [];
  sync.onMessage = (m) => messages.push(m);
  sync.start();
  sockets[0]?.open();
  return { sync, sockets, messages };
};

afterEach(() => {
  vi.useRealTimers();
});

describe("SyncSocket under the server's limits", () => {
  it.each([
    ["too many sockets", WireCloseCode.tooManySockets],
    ["too many messages", WireCloseCode.rateLimited],
  ])("waits the longest backoff after a close for %s, even right after opening", (_what, code) => {
    const { sync, sockets } = start();
    sockets[0]?.closedByServer(code);
    vi.advanceTimersByTime(MAX_DELAY - 1);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    // A normal drop afterwards is quick again once a socket has opened.
    sockets[1]?.open();
    sockets[1]?.closedByServer(1006);
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(3);
    sync.stop();
  });

  it("drops the socket on rate_limited (messages were lost) and starts over after the longest backoff", () => {
    const { sync, sockets, messages } = start();
    const error = { type: "error", code: "rate_limited", message: "Too many messages" };
    sockets[0]?.receive(error);
    expect(messages).toEqual([error]);
    expect(sockets[0]?.isClosedByClient).toBe(true);
    expect(sync.isOpen).toBe(false);
    vi.advanceTimersByTime(MAX_DELAY - 1);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sync.stop();
  });
});

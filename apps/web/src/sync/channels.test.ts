import type { Channel, ServerMessage } from "@lattice/domain";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { type ChannelHandler, ChannelRegistry, type WireEvent } from "./channels";

const channel: Channel = "space:00000000-0000-4000-8000-000000000001";

const event = (name: string): WireEvent => ({
  type: "space.updated",
  payload: { space: { name } } as never,
  actorId: null,
  mutationId: null,
  at: "2024-01-01T00:00:00.000Z",
});

const frame = (seq: number, name = `e${seq}`): ServerMessage => ({
  type: "event",
  channel,
  seq,
  event: event(name) as never,
});

const deferred = <T>() => {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

let sent: unknown[];
let applied: number[];
let registry: ChannelRegistry;
let handler: ChannelHandler & { reload: ReturnType<typeof vi.fn> };

beforeEach(() => {
  sent = [];
  applied = [];
  registry = new ChannelRegistry(
    (message) => {
      sent.push(message);
      return true;
    },
    { retryMs: 10 },
  );
  handler = {
    apply: (_event, seq) => applied.push(seq),
    reload: vi.fn(async () => 0),
    onLost: vi.fn(),
    onPresence: vi.fn(),
  };
});

describe("channel registry", () => {
  it("subscribes from the snapshot's seq and applies the following events in order", () => {
    registry.subscribe(channel, 7, handler);
    expect(sent).toEqual([{ type: "subscribe", channel, since: 7 }]);
    registry.handleMessage({ type: "subscribed", channel, seq: 9 });
    registry.handleMessage(frame(8));
    registry.handleMessage(frame(9));
    expect(applied).toEqual([8, 9]);
    expect(registry.seqOf(channel)).toBe(9);
  });

  it("ignores events it already has (a replay overlapping the snapshot, a duplicate frame)", () => {
    registry.subscribe(channel, 7, handler);
    registry.handleMessage({ type: "subscribed", channel, seq: 8 });
    registry.handleMessage(frame(6));
    registry.handleMessage(frame(7));
    registry.handleMessage(frame(8));
    registry.handleMessage(frame(8));
    expect(applied).toEqual([8]);
  });

  it("on a gap re-subscribes once from the last applied seq and applies the replay in order", () => {
    registry.subscribe(channel, 3, handler);
    registry.handleMessage({ type: "subscribed", channel, seq: 3 });
    sent = [];
    registry.handleMessage(frame(4));
    registry.handleMessage(frame(6));
    registry.handleMessage(frame(7));
    expect(applied).toEqual([4]);
    // One re-subscribe, not one per out-of-order frame.
    expect(sent).toEqual([{ type: "subscribe", channel, since: 4 }]);
    registry.handleMessage({ type: "subscribed", channel, seq: 7 });
    for (const seq of [5, 6, 7]) registry.handleMessage(frame(seq));
    expect(applied).toEqual([4, 5, 6, 7]);
  });

  it("on resync reloads the snapshot, buffers live events meanwhile and keeps only those after it", async () => {
    const reload = deferred<number>();
    handler.reload.mockReturnValue(reload.promise);
    registry.subscribe(channel, 2, handler);
    registry.handleMessage({ type: "resync", channel, seq: 40 });
    expect(handler.reload).toHaveBeenCalledWith(40);
    registry.handleMessage(frame(41));
    registry.handleMessage(frame(42));
    expect(applied).toEqual([]);
    reload.resolve(41);
    await reload.promise;
    await Promise.resolve();
    expect(applied).toEqual([42]);
    expect(registry.seqOf(channel)).toBe(42);
  });

  it("asks again later when the reload fails (offline), instead of applying on a stale snapshot", async () => {
    handler.reload.mockRejectedValueOnce(new Error("offline"));
    registry.subscribe(channel, 2, handler);
    sent = [];
    registry.handleMessage({ type: "resync", channel, seq: 9 });
    await new Promise((r) => setTimeout(r, 30));
    expect(sent).toEqual([{ type: "subscribe", channel, since: 2 }]);
  });

  it("re-subscribes every channel with its last seq when the socket reopens", () => {
    const other: Channel = "workspace:00000000-0000-4000-8000-000000000002";
    registry.subscribe(channel, 1, handler);
    registry.subscribe(other, 10, { ...handler, apply: () => {} });
    registry.handleMessage({ type: "subscribed", channel, seq: 2 });
    registry.handleMessage(frame(2));
    sent = [];
    registry.handleOpen();
    expect(sent).toEqual([
      { type: "subscribe", channel, since: 2 },
      { type: "subscribe", channel: other, since: 10 },
    ]);
  });

  it("re-announces presence after every subscription, and only once subscribed", () => {
    registry.subscribe(channel, 1, handler);
    registry.setPresence(channel, "00000000-0000-4000-8000-0000000000c1");
    expect(sent).toHaveLength(1);
    registry.handleMessage({ type: "subscribed", channel, seq: 1 });
    expect(sent.at(-1)).toEqual({
      type: "presence",
      channel,
      cardId: "00000000-0000-4000-8000-0000000000c1",
    });
    registry.handleOpen();
    registry.handleMessage({ type: "subscribed", channel, seq: 1 });
    expect(sent.filter((m) => (m as { type: string }).type === "presence")).toHaveLength(2);
  });

  it("forgets a channel the server stopped serving and tells the handler why", () => {
    registry.subscribe(channel, 1, handler);
    registry.handleMessage({ type: "error", code: "access_revoked", message: "No access", channel });
    expect(handler.onLost).toHaveBeenCalledWith("access_revoked", "No access");
    expect(registry.has(channel)).toBe(false);
    registry.handleMessage(frame(2));
    expect(applied).toEqual([]);
  });

  it("takes the server's seq for a channel subscribed without a snapshot", () => {
    registry.subscribe(channel, null, handler);
    expect(sent).toEqual([{ type: "subscribe", channel }]);
    registry.handleMessage(frame(5));
    registry.handleMessage({ type: "subscribed", channel, seq: 5 });
    registry.handleMessage(frame(6));
    expect(applied).toEqual([6]);
  });

  it("lets an observer hear what the channel's handler applied, in order, and null after a reload", async () => {
    const heard: Array<string | null> = [];
    const stop = registry.observe(channel, (e) =>
      heard.push(e === null ? null : (e.payload as { space: { name: string } }).space.name),
    );
    registry.subscribe(channel, 2, handler);
    registry.handleMessage({ type: "subscribed", channel, seq: 2 });
    registry.handleMessage(frame(3));
    registry.handleMessage(frame(3));
    registry.handleMessage(frame(5)); // a gap: the handler does not apply it, so nobody hears it
    expect(applied).toEqual([3]);
    expect(heard).toEqual(["e3"]);
    const reload = deferred<number>();
    handler.reload.mockReturnValue(reload.promise);
    registry.handleMessage({ type: "resync", channel, seq: 9 });
    reload.resolve(9);
    await reload.promise;
    await Promise.resolve();
    expect(heard).toEqual(["e3", null]);
    stop();
    registry.handleMessage(frame(10));
    expect(applied).toEqual([3, 10]);
    expect(heard).toEqual(["e3", null]);
  });
});

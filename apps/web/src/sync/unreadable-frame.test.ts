/**
 * A live event the tab cannot read (its payload does not parse) is dropped by the socket, which leaves
 * a gap in its channel; the replay asked for the gap brings the same unreadable frame again. The tab
 * must not ask again at each later event: one replay, one snapshot, then the channel goes on.
 */
import { type Channel, type ClientMessage, spaceChannel } from "@lattice/domain";
import { describe, expect, it, vi } from "vitest";
import { ChannelRegistry } from "./channels";
import { type SocketLike, SyncSocket } from "./socket";

const spaceId = "00000000-0000-4000-8000-000000000002";
const channel: Channel = spaceChannel(spaceId);
const cardId = (seq: number) => `00000000-0000-4000-8000-0000000001${String(seq).padStart(2, "0")}`;

/** The channel's log as the server would send it: seq 6 carries a payload this tab cannot read. */
const frameOf = (seq: number): string =>
  JSON.stringify({
    type: "event",
    channel,
    seq,
    event: {
      type: "card.deleted",
      payload: seq === 6 ? { cardId: 6, spaceId } : { cardId: cardId(seq), spaceId },
      actorId: null,
      mutationId: null,
      at: "2026-01-05T10:00:00.000Z",
    },
  });

class FakeServerSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike["onopen"] = null;
  onclose: SocketLike["onclose"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onerror: SocketLike["onerror"] = null;
  /** Every subscribe the tab sent, with the seq it asked from. */
  subscribes: Array<number | undefined> = [];
  /** What the server wrote so far (seq 1…latest). */
  latest = 5;
  private readonly outbox: string[] = [];

  send(data: string) {
    const message = JSON.parse(data) as ClientMessage;
    if (message.type !== "subscribe") return;
    this.subscribes.push(message.since);
    // As the hub does: "subscribed" with the latest seq, then the replay after `since`.
    this.outbox.push(JSON.stringify({ type: "subscribed", channel, seq: this.latest }));
    for (let seq = (message.since ?? this.latest) + 1; seq <= this.latest; seq += 1)
      this.outbox.push(frameOf(seq));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.call(this, new Event("open"));
  }
  /** A new event is written and fanned out live. */
  write() {
    this.latest += 1;
    this.outbox.push(frameOf(this.latest));
  }
  /**
   * Delivers what is on the wire, and what the tab's answers bring, until nothing is left; a tab that
   * keeps asking for replays would never leave nothing, so a few hundred frames end it.
   */
  flush() {
    let delivered = 0;
    for (let data = this.outbox.shift(); data !== undefined; data = this.outbox.shift()) {
      delivered += 1;
      if (delivered > 500) throw new Error("The tab keeps asking for the same replay");
      this.onmessage?.call(this, new MessageEvent("message", { data }));
    }
  }
}

describe("an unreadable live event", () => {
  it("costs one replay and one snapshot, after which later events apply without asking again", async () => {
    const server = new FakeServerSocket();
    const dropped = vi.fn();
    const socket = new SyncSocket({
      url: "ws://test/api/ws",
      createSocket: () => server,
      onInvalidMessage: dropped,
    });
    const registry = new ChannelRegistry((message) => socket.send(message));
    socket.onOpen = () => registry.handleOpen();
    socket.onMessage = (message) => registry.handleMessage(message);

    const applied: string[] = [];
    // The snapshot read after the unreadable event holds what it did: the server's latest seq.
    const reload = vi.fn(async () => server.latest);
    registry.subscribe(channel, 5, {
      apply: (event, seq) => applied.push(`${seq}:${event.type}`),
      reload,
    });
    socket.start();
    server.open();
    server.flush();

    // Seq 6 cannot be read; 7 to 12 follow, one by one.
    for (let i = 0; i < 7; i += 1) {
      server.write();
      server.flush();
      await Promise.resolve();
    }
    await vi.waitFor(() => expect(registry.seqOf(channel)).toBe(12));

    expect(reload).toHaveBeenCalledTimes(1);
    // The first subscription, and one replay from seq 5 that brought seq 6 again.
    expect(server.subscribes).toEqual([5, 5]);
    expect(dropped).toHaveBeenCalledTimes(2);
    // What came after the snapshot applied as usual.
    expect(applied.slice(-3)).toEqual(["10:card.deleted", "11:card.deleted", "12:card.deleted"]);
    socket.stop();
  });
});

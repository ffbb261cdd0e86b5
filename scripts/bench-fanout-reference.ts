/**
 * The in-memory reference that `scripts/bench-fanout.ts` measures beside the real server: the least a
 * server speaking the same protocol on this path can do. No database, no sessions, no access checks:
 *
 * - `POST /api/cards/:id/move` `{ statusId }` moves a card held in memory, answers with the card, and
 *   pushes a `card.moved` event frame (the domain's `eventFrame`, the same shape and size as the real
 *   server's) to every socket subscribed to the card's space on this instance, serialized once, with
 *   the same slow-consumer bound as the hub. With a peer, it also forwards the frame to it.
 * - `GET /api/ws` (the `ws` library, as the hub): `hello` on open, `subscribe` answered `subscribed`.
 * - `POST /api/reference/cards` `{ cards }` loads the cards to move (the bench copies real ones).
 * - A second instance takes the forwarded frames on a plain TCP "bus" (one line per event: channel,
 *   tab, frame) and pushes them to its own sockets: the cross-instance path with nothing in between.
 *
 * Used in-process (`startReference`) or as a child process (run directly; REFERENCE_PORT,
 * REFERENCE_BUS_PORT to listen for a peer, REFERENCE_PEER_BUS_PORT to forward to one).
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { type WebSocket, WebSocketServer } from "ws";
import { type Card, type Channel, eventFrame, PROTOCOL_VERSION } from "../packages/domain/src/index.js";

// The hub's default bound on a socket's unsent data.
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface ReferenceOptions {
  port: number;
  host?: string;
  /** Listen here for frames forwarded by a peer instance. */
  busPort?: number;
  /** Forward every event to the peer listening on this port. */
  peerBusPort?: number;
}

export interface Reference {
  base: string;
  close(): Promise<void>;
}

export const startReference = async (options: ReferenceOptions): Promise<Reference> => {
  const host = options.host ?? "127.0.0.1";
  const cards = new Map<string, Card>();
  const seqs = new Map<string, number>();
  const subscribers = new Map<string, Set<WebSocket>>();
  const userId = randomUUID();

  const push = (channel: string, frame: string): void => {
    for (const socket of subscribers.get(channel) ?? []) {
      if (socket.readyState !== socket.OPEN) continue;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        socket.terminate();
        continue;
      }
      socket.send(frame);
    }
  };

  let peer: net.Socket | null = null;
  if (options.peerBusPort !== undefined) {
    const port = options.peerBusPort;
    peer = await new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect(port, host, () => resolve(socket));
      socket.once("error", reject);
    });
    peer.setNoDelay(true);
  }

  let bus: net.Server | null = null;
  if (options.busPort !== undefined) {
    bus = net.createServer((socket) => {
      socket.setNoDelay(true);
      let pending = "";
      socket.on("data", (chunk: Buffer) => {
        pending += chunk.toString();
        let end = pending.indexOf("\n");
        while (end >= 0) {
          const line = pending.slice(0, end);
          pending = pending.slice(end + 1);
          const tab = line.indexOf("\t");
          push(line.slice(0, tab), line.slice(tab + 1));
          end = pending.indexOf("\n");
        }
      });
      socket.on("error", () => {});
    });
    const server = bus;
    await new Promise<void>((resolve) => server.listen(options.busPort, host, resolve));
  }

  const readBody = (request: http.IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => resolve(Buffer.concat(chunks).toString()));
      request.on("error", reject);
    });

  const answer = (response: http.ServerResponse, status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    response.end(text);
  };

  const moveCard = (id: string, statusId: string): Card | null => {
    const card = cards.get(id);
    if (!card) return null;
    const now = new Date().toISOString();
    const moved: Card = { ...card, statusId, updatedAt: now, version: card.version + 1 };
    cards.set(id, moved);
    const channel = `space:${card.spaceId}` as Channel;
    const seq = (seqs.get(channel) ?? 0) + 1;
    seqs.set(channel, seq);
    const frame = eventFrame({
      channel,
      seq,
      type: "card.moved",
      payload: { card: moved, fromStatusId: card.statusId },
      actorId: userId,
      mutationId: randomUUID(),
      at: now,
    });
    push(channel, frame);
    peer?.write(`${channel}\t${frame}\n`);
    return moved;
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      const url = request.url ?? "";
      if (request.method === "GET" && url === "/api/health") return answer(response, 200, { status: "ok" });
      if (request.method === "POST" && url === "/api/reference/cards") {
        const { cards: loaded } = JSON.parse(await readBody(request)) as { cards: Card[] };
        for (const card of loaded) cards.set(card.id, card);
        return answer(response, 200, { loaded: loaded.length });
      }
      const move = /^\/api\/cards\/([^/]+)\/move$/.exec(url);
      if (request.method === "POST" && move) {
        const { statusId } = JSON.parse(await readBody(request)) as { statusId: string };
        const moved = moveCard(move[1] ?? "", statusId);
        return moved ? answer(response, 200, moved) : answer(response, 404, { title: "No such card" });
      }
      answer(response, 404, { title: "Not found" });
    })().catch((error: unknown) => answer(response, 400, { title: String(error) }));
  });

  const sockets = new WebSocketServer({ server, path: "/api/ws", perMessageDeflate: false });
  sockets.on("connection", (socket) => {
    socket.send(JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, userId }));
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type?: string; channel?: string };
      if (message.type !== "subscribe" || !message.channel) return;
      const { channel } = message;
      let set = subscribers.get(channel);
      if (!set) {
        set = new Set();
        subscribers.set(channel, set);
      }
      set.add(socket);
      socket.send(JSON.stringify({ type: "subscribed", channel, seq: seqs.get(channel) ?? 0 }));
      socket.once("close", () => set.delete(socket));
    });
    socket.on("error", () => {});
  });

  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    base: `http://${host}:${port}`,
    close: async () => {
      for (const socket of sockets.clients) socket.terminate();
      peer?.destroy();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (bus) {
        const listening = bus;
        await new Promise<void>((resolve) => listening.close(() => resolve()));
      }
    },
  };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const portFrom = (name: string): number | undefined =>
    process.env[name] ? Number(process.env[name]) : undefined;
  const bus = portFrom("REFERENCE_BUS_PORT");
  const peer = portFrom("REFERENCE_PEER_BUS_PORT");
  const reference = await startReference({
    port: Number(process.env.REFERENCE_PORT ?? 0),
    ...(bus === undefined ? {} : { busPort: bus }),
    ...(peer === undefined ? {} : { peerBusPort: peer }),
  });
  process.once("SIGTERM", () => void reference.close().finally(() => process.exit(0)));
}

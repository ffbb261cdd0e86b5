/**
 * The tab's one WebSocket to /api/ws (same origin, the session cookie authenticates the upgrade).
 *
 * It only moves frames and keeps the connection up: reconnects with exponential backoff
 * (0.5 s doubling to 10 s, with jitter so a restarted server is not hit by every tab at once) and
 * reports its state. What to (re)subscribe is the channel registry's business: it is told each time
 * the socket opens.
 *
 * When the server refuses to serve the socket (too many tabs open, too many messages), reconnecting
 * at once would only be refused again: the next attempt waits the longest backoff instead.
 */
import {
  type ClientMessage,
  type ServerMessage,
  serverMessageSchema,
  WireCloseCode,
  WireErrorCode,
} from "@lattice/domain";

export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline";

export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((this: SocketLike, ev: Event) => unknown) | null;
  onclose: ((this: SocketLike, ev: CloseEvent) => unknown) | null;
  onmessage: ((this: SocketLike, ev: MessageEvent) => unknown) | null;
  onerror: ((this: SocketLike, ev: Event) => unknown) | null;
}

export interface SyncSocketOptions {
  url?: string;
  createSocket?: (url: string) => SocketLike;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A ping keeps proxies from closing an idle socket and detects a dead one. */
  pingMs?: number;
  random?: () => number;
  /**
   * Told of a frame that is not a server message this app can read (not JSON, or not the shape the
   * domain schema says). It is dropped; the default reports the first one to the console only, so
   * a server speaking a newer protocol does not flood it.
   */
  onInvalidMessage?: (data: string, problem: string) => void;
}

const OPEN = 1;

/** An attempt count whose backoff is the longest one. */
const REFUSED_ATTEMPT = 10;

const refusedCloseCodes: ReadonlySet<number> = new Set(Object.values(WireCloseCode));

export const backoffDelay = (attempt: number, min: number, max: number, random: () => number): number => {
  const base = Math.min(max, min * 2 ** attempt);
  // Full jitter on the upper half: never less than half the base, never more than the cap.
  return Math.min(max, base / 2 + random() * (base / 2));
};

let hasReportedInvalid = false;
const reportFirstInvalid = (data: string, problem: string): void => {
  if (hasReportedInvalid) return;
  hasReportedInvalid = true;
  console.error(`Live update dropped: ${problem}`, data.slice(0, 200));
};

/** The frame as a server message, or why it is not one. */
export const parseServerMessage = (
  data: string,
): { ok: true; message: ServerMessage } | { ok: false; problem: string } => {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, problem: "not JSON" };
  }
  const result = serverMessageSchema.safeParse(json);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: issue ? `${issue.path.join(".") || "frame"}: ${issue.message}` : "invalid" };
};

const defaultUrl = (): string => {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}/api/ws`;
};

export class SyncSocket {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private isStopped = true;
  private hasConnected = false;
  private statusValue: ConnectionStatus = "offline";
  private readonly options: Required<Omit<SyncSocketOptions, "url">> & { url: string | null };

  onMessage: (message: ServerMessage) => void = () => {};
  onOpen: () => void = () => {};
  onStatus: (status: ConnectionStatus) => void = () => {};

  constructor(options: SyncSocketOptions = {}) {
    this.options = {
      url: options.url ?? null,
      createSocket: options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike),
      minDelayMs: options.minDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 10_000,
      pingMs: options.pingMs ?? 25_000,
      random: options.random ?? Math.random,
      onInvalidMessage: options.onInvalidMessage ?? reportFirstInvalid,
    };
  }

  get status(): ConnectionStatus {
    return this.statusValue;
  }

  get isOpen(): boolean {
    return this.socket?.readyState === OPEN && this.statusValue === "live";
  }

  start(): void {
    if (!this.isStopped) return;
    this.isStopped = false;
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.isStopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, "signed out");
    }
    this.setStatus("offline");
  }

  /** Skips the remaining backoff (the browser says it is back online, or the person asked). */
  reconnectNow(): void {
    if (this.isStopped || this.isOpen) return;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.attempt = 0;
    this.connect();
  }

  /**
   * The browser says the network is gone: an open socket may linger for a while before it notices,
   * so drop it now and show Offline; the backoff keeps trying and `reconnectNow` skips it.
   */
  goOffline(): void {
    if (this.isStopped) return;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.clearTimers();
    this.attempt = Math.max(this.attempt, 3);
    this.setStatus("offline");
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, this.options.maxDelayMs);
  }

  send(message: ClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private connect(): void {
    if (this.isStopped) return;
    const previous = this.socket;
    if (previous) {
      previous.onclose = null;
      previous.close();
    }
    // Past a few failures the indicator stays on "Offline" until a socket actually opens.
    if (this.attempt < 3) this.setStatus(this.hasConnected ? "reconnecting" : "connecting");
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.options.url ?? defaultUrl());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.hasConnected = true;
      this.setStatus("live");
      this.startPing();
      this.onOpen();
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket || typeof event.data !== "string") return;
      const parsed = parseServerMessage(event.data);
      if (!parsed.ok) {
        this.options.onInvalidMessage(event.data, parsed.problem);
        return;
      }
      const { message } = parsed;
      this.onMessage(message);
      // Messages were dropped (a subscription may be missing): start over later, catching up by seq.
      if (message.type === "error" && message.code === WireErrorCode.rateLimited) this.backOff(socket);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (refusedCloseCodes.has(event.code)) this.attempt = Math.max(this.attempt, REFUSED_ATTEMPT);
      this.scheduleReconnect();
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting is handled there.
    };
  }

  /** Drops `socket` and reconnects only after the longest backoff. */
  private backOff(socket: SocketLike): void {
    if (this.socket !== socket) return;
    this.socket = null;
    socket.onclose = null;
    socket.close();
    this.attempt = Math.max(this.attempt, REFUSED_ATTEMPT);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.clearTimers();
    if (this.isStopped) return;
    // After a few failed attempts in a row, say so plainly: the person may be offline.
    this.setStatus(this.attempt >= 3 ? "offline" : "reconnecting");
    const delay = backoffDelay(
      this.attempt,
      this.options.minDelayMs,
      this.options.maxDelayMs,
      this.options.random,
    );
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private startPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.send({ type: "ping" }), this.options.pingMs);
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.reconnectTimer = null;
    this.pingTimer = null;
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.statusValue === status) return;
    this.statusValue = status;
    this.onStatus(status);
  }
}

/** A real WebSocket client for protocol tests: collects frames and waits for the ones a test expects. */
import type { Channel, ServerMessage } from "@lattice/domain";
import WebSocket from "ws";
import { SESSION_COOKIE } from "../plugins/auth.js";

export type Frame = ServerMessage;

export class TestSocket {
  readonly frames: Frame[] = [];
  private waiters: Array<{ test: (f: Frame) => boolean; resolve: (f: Frame) => void }> = [];
  private closeWaiters: Array<(code: number) => void> = [];
  closeCode: number | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
    ws.on("close", (code) => {
      this.closeCode = code;
      for (const w of this.closeWaiters) w(code);
    });
  }

  static open(baseUrl: string, cookie: string | null): Promise<TestSocket> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/api/ws`, {
      headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
    });
    const socket = new TestSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(socket));
      ws.once("unexpected-response", (req, res) => {
        req.destroy();
        reject(new Error(`upgrade refused: ${res.statusCode}`));
      });
      ws.once("error", reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** The first frame (already received or future) matching `test`. */
  next(test: (f: Frame) => boolean, timeoutMs = 5000, what = "frame", fromIndex = 0): Promise<Frame> {
    const seen = this.frames.slice(fromIndex).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.frames.slice(-5))}`)),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  /** Sends `subscribe` and resolves with the server's answer to it (not an earlier one). */
  async subscribe(channel: Channel, since?: number): Promise<Frame> {
    const fromIndex = this.frames.length;
    this.send({ type: "subscribe", channel, ...(since !== undefined ? { since } : {}) });
    return this.next(
      (f) =>
        (f.type === "subscribed" || f.type === "resync" || f.type === "error") &&
        "channel" in f &&
        f.channel === channel,
      5000,
      `subscribe answer for ${channel}`,
      fromIndex,
    );
  }

  events(channel: Channel): Array<Extract<Frame, { type: "event" }>> {
    return this.frames.filter(
      (f): f is Extract<Frame, { type: "event" }> => f.type === "event" && f.channel === channel,
    );
  }

  /** Waits until this socket has received the event with `seq` on `channel`. */
  untilSeq(channel: Channel, seq: number, timeoutMs = 5000): Promise<Frame> {
    return this.next(
      (f) => f.type === "event" && f.channel === channel && f.seq >= seq,
      timeoutMs,
      `${channel} seq ${seq}`,
    );
  }

  closed(): Promise<number> {
    if (this.closeCode !== null) return Promise.resolve(this.closeCode);
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  close(): void {
    this.ws.close();
  }
}

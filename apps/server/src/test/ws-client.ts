/** A real WebSocket client for protocol tests: collects frames and waits for the ones a test expects. */
import type { Channel, ServerMessage } from "@lattice/domain";
import WebSocket from "ws";
import { SESSION_COOKIE } from "../plugins/auth.js";

export type Frame = ServerMessage;

export class TestSocket {
  readonly frames: Frame[] = [];
  /** Index after the last frame `next` returned: the next search starts there. */
  private taken = 0;
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

  /** Where the next frame to arrive will be: pass it to `next` to wait for what an action causes. */
  get mark(): number {
    return this.frames.length;
  }

  /**
   * Frames are taken in order: the first frame matching `test` that came after the last frame a
   * `next` returned (or from index `after`, say a `mark` taken before an action). A frame that was
   * already passed (the presence list every new subscriber gets first, say) cannot answer again.
   */
  next(test: (f: Frame) => boolean, timeoutMs = 5000, what = "frame", after = this.taken): Promise<Frame> {
    return this.find(test, timeoutMs, what, after, true);
  }

  private find(
    test: (f: Frame) => boolean,
    timeoutMs: number,
    what: string,
    after: number,
    isTaking: boolean,
  ): Promise<Frame> {
    const take = (index: number) => {
      if (isTaking) this.taken = Math.max(this.taken, index + 1);
    };
    const index = this.frames.findIndex((f, i) => i >= after && test(f));
    if (index >= 0) {
      take(index);
      return Promise.resolve(this.frames[index] as Frame);
    }
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
          take(this.frames.lastIndexOf(f));
          resolve(f);
        },
      });
    });
  }

  /** Resolves once `condition` holds over the frames received so far (checked at each new frame). */
  until(condition: () => boolean, timeoutMs = 5000, what = "condition"): Promise<void> {
    if (condition()) return Promise.resolve();
    return this.find(() => condition(), timeoutMs, what, this.frames.length, false).then(() => undefined);
  }

  /**
   * Resolves once every frame the server sent before it read our ping has arrived: the server
   * answers messages in order on one connection, so its pong comes after them. Takes no frame.
   */
  async flush(timeoutMs = 5000): Promise<void> {
    const after = this.mark;
    this.send({ type: "ping" });
    await this.find((f) => f.type === "pong", timeoutMs, "pong", after, false);
  }

  /** Sends `subscribe` and resolves with the server's answer to it (not an earlier one). */
  async subscribe(channel: Channel, since?: number): Promise<Frame> {
    const fromIndex = this.frames.length;
    this.send({ type: "subscribe", channel, ...(since !== undefined ? { since } : {}) });
    return this.find(
      (f) =>
        (f.type === "subscribed" || f.type === "resync" || f.type === "error") &&
        "channel" in f &&
        f.channel === channel,
      5000,
      `subscribe answer for ${channel}`,
      fromIndex,
      false,
    );
  }

  events(channel: Channel): Array<Extract<Frame, { type: "event" }>> {
    return this.frames.filter(
      (f): f is Extract<Frame, { type: "event" }> => f.type === "event" && f.channel === channel,
    );
  }

  /** Waits until this socket has received (now or earlier) the event with `seq` on `channel`. */
  untilSeq(channel: Channel, seq: number, timeoutMs = 5000): Promise<Frame> {
    return this.find(
      (f) => f.type === "event" && f.channel === channel && f.seq >= seq,
      timeoutMs,
      `${channel} seq ${seq}`,
      0,
      false,
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

/**
 * The live-sync endpoint: one WebSocket per browser tab at /api/ws. The auth hook runs before the
 * upgrade completes, so an anonymous upgrade is refused with 401 and never becomes a socket.
 */
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { EventBus } from "../sync/bus.js";
import { Hub, type HubOptions } from "../sync/hub.js";
import { currentUser } from "./auth.js";

declare module "fastify" {
  interface FastifyInstance {
    hub: Hub;
  }
}

export const hubPlugin = fp(
  async (app: FastifyInstance, opts: { bus: EventBus; hubOptions?: HubOptions }) => {
    const hub = new Hub(app.db, opts.bus, {
      ...opts.hubOptions,
      log: (message, error) => {
        app.log.warn({ err: error }, message);
        opts.hubOptions?.log?.(message, error);
      },
    });
    app.decorate("hub", hub);
    app.get(
      "/api/ws",
      {
        websocket: true,
        schema: {
          tags: ["live sync"],
          summary: "WebSocket: subscribe to channels and receive their events (see DESIGN.md, Live sync).",
        },
      },
      (socket, request) => {
        hub.attach(socket, currentUser(request));
      },
    );
    app.addHook("preClose", async () => {
      await hub.close();
    });
  },
  { name: "hub", dependencies: ["mutations", "auth", "@fastify/websocket"] },
);

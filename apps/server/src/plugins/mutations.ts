/**
 * `app.mutate`: the one way a route changes data. It runs the command in a transaction that also
 * appends the command's events, and announces them on the bus only after the commit.
 */
import { type DbHandle, type MutationContext, runMutation } from "@lattice/db";
import type { DomainEvent } from "@lattice/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { EventBus } from "../sync/bus.js";

declare module "fastify" {
  interface FastifyInstance {
    db: DbHandle;
    bus: EventBus;
    mutate<T>(request: FastifyRequest, command: (ctx: MutationContext) => Promise<T>): Promise<T>;
  }
}

const mutationIdOf = (request: FastifyRequest): string | null => {
  const key = request.headers["idempotency-key"];
  return typeof key === "string" && key.length > 0 && key.length <= 200 ? key : null;
};

export const mutationsPlugin = fp(
  async (app: FastifyInstance, opts: { handle: DbHandle; bus: EventBus }) => {
    app.decorate("db", opts.handle);
    app.decorate("bus", opts.bus);
    app.decorate("mutate", async function mutate<
      T,
    >(request: FastifyRequest, command: (ctx: MutationContext) => Promise<T>): Promise<T> {
      const { result, events } = await runMutation(
        opts.handle.db,
        { actorId: request.user?.id ?? null, mutationId: mutationIdOf(request) },
        command,
      );
      announce(opts.bus, events);
      return result;
    });
  },
  { name: "mutations" },
);

const announce = (bus: EventBus, events: DomainEvent[]): void => {
  if (events.length > 0) bus.published(events);
};

/**
 * `app.mutate`: the one way a route changes data. It runs the command in a transaction that also
 * appends the command's events, replies, and announces the events on the bus only after the commit.
 *
 * Idempotency: a request with an `Idempotency-Key` header first claims the key inside the same
 * transaction. A retry with that key waits for the first attempt's transaction, then gets its
 * stored answer; no second change, no second event. A failed attempt rolls its claim back, so a
 * retry runs again. The key is also the mutation id carried by the events.
 */
import {
  type DbHandle,
  type MutationContext,
  type NotificationMailSettings,
  runMutation,
  tables,
  writeLast,
} from "@lattice/db";
import { DomainError, ErrorCode } from "@lattice/domain";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { EventBus } from "../sync/bus.js";

declare module "fastify" {
  interface FastifyInstance {
    db: DbHandle;
    bus: EventBus;
    /** Runs a command and sends its result with `status` (a 204 sends no body). */
    mutate<T>(
      request: FastifyRequest,
      reply: FastifyReply,
      command: (ctx: MutationContext) => Promise<T>,
      status?: number,
    ): Promise<FastifyReply>;
  }
}

const maxKeyLength = 200;

const idempotencyKeyOf = (request: FastifyRequest): string | null => {
  const key = request.headers["idempotency-key"];
  if (key === undefined) return null;
  if (typeof key !== "string" || key.length === 0 || key.length > maxKeyLength) {
    throw new DomainError(
      ErrorCode.validationFailed,
      `The Idempotency-Key header must be 1 to ${maxKeyLength} characters`,
      [{ field: "headers.idempotency-key", message: `must be 1 to ${maxKeyLength} characters` }],
      {
        key: "refusal.idempotency.keyLength",
        values: { max: maxKeyLength },
        fields: [{ key: "refusal.field.idempotencyKeyLength", values: { max: maxKeyLength } }],
      },
    );
  }
  return key;
};

class Replay {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export const mutationsPlugin = fp(
  async (
    app: FastifyInstance,
    opts: { handle: DbHandle; bus: EventBus; mail?: NotificationMailSettings },
  ) => {
    app.decorate("db", opts.handle);
    app.decorate("bus", opts.bus);
    app.decorate(
      "mutate",
      async <T>(
        request: FastifyRequest,
        reply: FastifyReply,
        command: (ctx: MutationContext) => Promise<T>,
        status = 200,
      ): Promise<FastifyReply> => {
        const key = idempotencyKeyOf(request);
        const userId = request.user?.id ?? null;
        const fingerprint = `${request.method} ${request.url.split("?")[0]}`;
        const { result, events } = await runMutation(
          opts.handle.db,
          { actorId: userId, mutationId: key },
          async (ctx) => {
            if (key && userId) {
              const claimed = await ctx.tx
                .insert(tables.idempotencyKeys)
                .values({ userId, key, request: fingerprint })
                .onConflictDoNothing()
                .returning({ key: tables.idempotencyKeys.key });
              if (claimed.length === 0) {
                const [first] = await ctx.tx
                  .select()
                  .from(tables.idempotencyKeys)
                  .where(and(eq(tables.idempotencyKeys.userId, userId), eq(tables.idempotencyKeys.key, key)));
                if (!first || first.request !== fingerprint || first.status === null) {
                  throw new DomainError(
                    ErrorCode.conflict,
                    "This Idempotency-Key was already used for a different request",
                    [{ field: "headers.idempotency-key", message: "was used for a different request" }],
                    {
                      key: "refusal.idempotency.reused",
                      fields: [{ key: "refusal.field.idempotencyKeyReused" }],
                    },
                  );
                }
                return new Replay(first.status, first.body);
              }
            }
            if (opts.mail) ctx.mail = opts.mail;
            const value = await command(ctx);
            if (key && userId) {
              // The answer is kept by the transaction's last statement (with the event append).
              await writeLast(ctx, [
                sql`UPDATE idempotency_keys SET status = ${status},
                  body = ${JSON.stringify(value ?? null)}::jsonb
                  WHERE user_id = ${userId}::uuid AND key = ${key}`,
              ]);
            }
            return value;
          },
        );
        if (events.length > 0) opts.bus.published(events);
        // A notification may have queued an instant message (due at once when no delay is set).
        if (events.some((e) => e.type === "notification.created")) app.mail?.wake();
        // A repeating card reached a completed status: its next occurrence is made right after.
        if (
          events.some((e) => e.type === "card.moved" && e.payload.card.repeat && e.payload.card.completedAt)
        )
          app.recurrence?.wake();
        if (result instanceof Replay) {
          reply.header("idempotent-replay", "true");
          return reply.code(result.status).send(result.status === 204 ? null : result.body);
        }
        return reply.code(status).send(status === 204 ? null : result);
      },
    );
  },
  { name: "mutations" },
);

/** Repeating cards: make a card repeat (or change how), stop it. Thin: validate → command → reply. */
import { cardSchema, idParams, setRepeatBody } from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { setRepeat, stopRepeat } from "../commands/repeats.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

export const repeatRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    "/cards/:id/repeat",
    {
      schema: {
        tags: ["cards"],
        summary:
          "Make the card repeat, or change its series (members and owners). The rule is RFC 5545 RRULE text; " +
          "a rule that does not read, an end before the card's date or a card without a date is a 422.",
        params: idParams,
        body: setRepeatBody,
        response: { 200: cardSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => setRepeat(ctx, user, request.params.id, request.body));
    },
  );
  app.delete(
    "/cards/:id/repeat",
    {
      schema: {
        tags: ["cards"],
        summary: "Stop the card repeating (members and owners); the card itself stays.",
        params: idParams,
        response: { 200: cardSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return app.mutate(request, reply, (ctx) => stopRepeat(ctx, user, request.params.id));
    },
  );
};

import { adminUserListSchema, adminUserSchema, idParams, updateAdminUserBody } from "@lattice/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listAccounts, setAccountActive } from "../commands/accounts.js";
import { currentUser } from "../plugins/auth.js";
import { problemResponses } from "./problems.js";

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/admin/users",
    {
      schema: {
        tags: ["admin"],
        summary: "Every account of the instance, deactivated ones too (instance administrators only).",
        response: { 200: adminUserListSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => listAccounts(app.db.db, currentUser(request)),
  );

  app.patch(
    "/admin/users/:id",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Deactivate (active: false) or reactivate an account (administrators only). Deactivating ends every session of the person; their work keeps their name.",
        params: idParams,
        body: updateAdminUserBody,
        response: { 200: adminUserSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { account, endedSessionIds } = await setAccountActive(
        app.db.db,
        currentUser(request),
        request.params.id,
        request.body.active,
      );
      // After commit: live sockets of the ended sessions on this instance close now, others at the sweep.
      app.sessionSockets.close(endedSessionIds);
      return account;
    },
  );
};

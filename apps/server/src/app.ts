/**
 * Builds the Fastify app: used by `server.ts` to listen and by tests through `app.inject`.
 * Cross-cutting concerns are plugins; routes stay thin (validate → authorize → command → reply).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import websocket from "@fastify/websocket";
import type { DbHandle } from "@lattice/db";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import type { Config } from "./config.js";
import { digestPlugin, mailPlugin } from "./mail/plugin.js";
import { authPlugin } from "./plugins/auth.js";
import { answerFrameworkError, errorsPlugin } from "./plugins/errors.js";
import { hubPlugin } from "./plugins/hub.js";
import { loggerOptions } from "./plugins/logging.js";
import { mutationsPlugin } from "./plugins/mutations.js";
import { replySerializerCompiler } from "./plugins/reply-serializer.js";
import { securityHeadersPlugin } from "./plugins/security-headers.js";
import { type BoardCache, createBoardCache, defaultBoardCacheLimits } from "./queries/board-cache.js";
import { recurrencePlugin } from "./recurrence/plugin.js";
import { apiRoutes } from "./routes/index.js";
import { compressionThreshold } from "./routes/reply-encoding.js";
import { createMemoryBus, type EventBus } from "./sync/bus.js";
import type { HubOptions } from "./sync/hub.js";
import { createPgBus } from "./sync/pg-bus.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Board snapshots of recently read spaces (see queries/board-cache.ts). */
    boardCache: BoardCache;
  }
}

/** Text the browser reads: JSON, HTML, CSS, scripts, iCalendar. Not server-sent events, which stream. */
const compressibleTypes =
  /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)|^application\/javascript/u;

export interface AppOptions {
  handle: DbHandle;
  config: Config;
  /** Defaults to LISTEN/NOTIFY on PostgreSQL and an in-memory bus on PGlite. */
  bus?: EventBus;
  hubOptions?: HubOptions;
  logger?: boolean;
  /** Where log lines go instead of stdout (turns logging on; tests read the lines). */
  logStream?: DestinationStream;
}

/**
 * One line per request, written when it completes, instead of Fastify's two (incoming and
 * completed): each line is a synchronous write, and the pair cost a tenth of the server's CPU on a
 * card move. The line carries the request as the incoming one did.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else reply.log.info(line, "request completed");
  }
}

export const buildApp = async ({
  handle,
  config,
  bus: givenBus,
  hubOptions,
  logger = false,
  logStream,
}: AppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: logger || logStream ? loggerOptions(config.logLevel, logStream) : false,
    logController: new OneLinePerRequest(),
    bodyLimit: 1_048_576,
    // Shutdown must not wait on a stalled client; live clients reconnect to another instance.
    forceCloseConnections: true,
    // Only configured proxies may speak for the client (X-Forwarded-*); anyone else could fake an address.
    trustProxy: config.trustProxy,
    // Ids in paths are UUIDs; this keeps a huge path from costing anything.
    routerOptions: { maxParamLength: 200 },
    // A malformed or overlong path is answered as problem+json like every other error.
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(replySerializerCompiler);

  // An empty JSON body is "no body" (so the route's schema can say which fields are missing),
  // not a parse error; anything else must be valid JSON.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      const error = Object.assign(new Error("Body is not valid JSON"), {
        statusCode: 400,
        code: "FST_ERR_CTP_INVALID_JSON_BODY",
      });
      done(error, undefined);
    }
  });

  app.decorate(
    "boardCache",
    createBoardCache({ ...defaultBoardCacheLimits, maxBytes: config.boardCacheMegabytes * 1024 * 1024 }),
  );
  await app.register(errorsPlugin);
  // Registered before the auth hook: its own onRequest hook must run first, so that an upgrade the
  // auth hook refuses is answered and its socket closed rather than left open.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // Before every route (its hook attaches to routes added after it). Request bodies are never
  // decompressed: a small compressed body could unpack past the body limit. Binary types
  // (documents, images) are left alone: they are usually compressed already.
  await app.register(compress, {
    encodings: ["br", "gzip"],
    threshold: compressionThreshold,
    globalDecompression: false,
    customTypes: compressibleTypes,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: "Lattice API", version: "1.0.0", description: "Workspaces, folders, spaces and cards." },
    },
    transform: jsonSchemaTransform,
  });
  // The API documentation is public, like the OpenAPI document it renders.
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/docs")) route.config = { ...route.config, public: true };
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { docExpansion: "list" },
    staticCSP: true,
  });
  await app.register(authPlugin, { handle, config });
  const bus =
    givenBus ??
    (handle.driver === "pg" && handle.pool && handle.databaseUrl
      ? await createPgBus({
          databaseUrl: handle.databaseUrl,
          pool: handle.pool,
          log: (message, error) => app.log.warn({ err: error }, message),
        })
      : createMemoryBus());
  // A bus the app made is the app's to close; a given one belongs to the caller.
  if (!givenBus) app.addHook("onClose", async () => bus.close());
  await app.register(mutationsPlugin, {
    handle,
    bus,
    mail: { publicUrl: config.publicUrl, delayMs: config.notificationMailDelayMs },
  });
  await app.register(mailPlugin, { config });
  await app.register(digestPlugin, { config });
  await app.register(recurrencePlugin, { intervalMs: config.recurrenceIntervalMs });
  await app.register(hubPlugin, {
    bus,
    hubOptions: { maxSocketsPerUser: config.socketsPerUser, ...hubOptions },
  });
  await app.register(apiRoutes, { prefix: "/api", config });

  if (config.webDist && existsSync(path.join(config.webDist, "index.html"))) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: false,
      // The web build writes .br and .gz beside each file; browsers that accept them get those.
      preCompressed: true,
      // Vite names every built asset after its content: a browser may keep it for good. The app
      // shell is checked on each visit, so a new release is picked up at once.
      setHeaders: (reply, filePath) => {
        const isHashedAsset = path.relative(config.webDist ?? "", filePath).startsWith(`assets${path.sep}`);
        reply.header("cache-control", isHashedAsset ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
    const indexHtml = path.join(config.webDist, "index.html");
    // Client-side routes: any GET outside /api gets the app shell.
    app.get("/*", { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) return reply.callNotFound();
      const file = request.url.split("?")[0] ?? "/";
      const assetPath = path.join(config.webDist ?? "", path.normalize(file));
      if (file !== "/" && assetPath.startsWith(config.webDist ?? "") && existsSync(assetPath)) {
        return reply.sendFile(path.relative(config.webDist ?? "", assetPath));
      }
      return reply.type("text/html").sendFile(path.basename(indexHtml));
    });
  }
  return app;
};

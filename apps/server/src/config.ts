import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Built web app to serve; absent in API-only tests. */
  webDist: string | null;
  /** Send cookies with `Secure` (set behind HTTPS). */
  secureCookies: boolean;
  sessionDays: number;
  logLevel: string;
  /** Login attempts allowed per minute per address and email. */
  loginRateLimit: number;
}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => ({
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? "0.0.0.0",
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, "data")),
  webDist: env.WEB_DIST === "" ? null : path.resolve(env.WEB_DIST ?? path.join(repoRoot, "apps/web/dist")),
  secureCookies: env.SECURE_COOKIES === "1" || env.SECURE_COOKIES === "true",
  sessionDays: Number(env.SESSION_DAYS ?? 30),
  logLevel: env.LOG_LEVEL ?? "info",
  loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 10),
});

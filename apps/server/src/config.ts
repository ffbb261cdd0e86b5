import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type SignupMode, signupModes } from "@lattice/domain";

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
  /** Failed logins allowed per 15 minutes per address, whatever the emails (password spraying). */
  loginFailureRateLimit: number;
  /** Signups allowed per hour per address. */
  signupRateLimit: number;
  /**
   * Which peers may speak for the client through X-Forwarded-For/-Proto/-Host: none (false), the
   * number of proxy hops in front, or their addresses and CIDR ranges. Given straight to Fastify.
   */
  trustProxy: false | string[] | TrustHops;
  /**
   * Origins (scheme://host[:port]) allowed to send mutations and open the live socket. Empty: only
   * the server's own origin, as the request names it (Host, or X-Forwarded-Host from a trusted proxy).
   */
  allowedOrigins: string[];
  /** Live-sync sockets one person may hold on one instance (the web app opens one per tab). */
  socketsPerUser: number;
  /** Memory for board snapshots kept per instance (serialized and compressed), in megabytes; 0 keeps none. */
  boardCacheMegabytes: number;
  /** Signing in (and up) with e-mail and password; off leaves single sign-on only. */
  passwordSignIn: boolean;
  /** Single sign-on through an OpenID Connect provider; null when not configured. */
  oidc: OidcConfig | null;
  /** SMTP server for outgoing mail (smtp:// or smtps:// URL); none keeps every message in the outbox. */
  smtpUrl: string | null;
  /** The From of every message. */
  mailFrom: string;
  /** The base of every link in a message (scheme://host[:port], no trailing slash). */
  publicUrl: string;
  /** Who may create an account: anyone, only people holding an invitation, or single sign-on only. */
  signupMode: SignupMode;
  /**
   * How long an "instantly" e-mail about a notification waits before it may leave: read in the app
   * within that time, it is dropped instead.
   */
  notificationMailDelayMs: number;
  /** The hour of the person's own day (0–23, their time zone) from which their daily digest is sent. */
  digestHour: number;
  /** How often this instance looks for people whose digest is due; 0 builds none here. */
  digestIntervalMs: number;
  /** How often this instance makes repeating cards' due occurrences; 0 makes none here. */
  recurrenceIntervalMs: number;
  /** The largest file one may attach to a card, in bytes (MAX_UPLOAD_MB). */
  maxUploadBytes: number;
  /** How long a deleted card, space or folder stays in the trash before it is deleted for good (TRASH_DAYS). */
  trashDays: number;
  /** An S3-compatible object store for the bytes of new documents; null keeps them in the database. */
  objectStore: ObjectStoreConfig | null;
}

export interface ObjectStoreConfig {
  bucket: string;
  /** The store's URL (MinIO, Ceph, Garage, R2, …); undefined: AWS S3 itself, found from the region. */
  endpoint: string | undefined;
  region: string;
  /** Both or neither; neither lets the AWS SDK find credentials (environment, instance role, …). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Bucket in the path (http://host/bucket/key) rather than the host name; most self-hosted stores need it. */
  forcePathStyle: boolean;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret: string | undefined;
  /** Lower-cased e-mail domains allowed to sign in; empty: any. */
  allowedDomains: string[];
  /** The login page's button. */
  label: string;
  /** The callback URL registered at the provider; null: this server's own origin as the request names it. */
  redirectUrl: string | null;
}

const isOn = (value: string | undefined, fallback: boolean): boolean => {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "") return fallback;
  if (["1", "true", "on", "yes"].includes(text)) return true;
  if (["0", "false", "off", "no"].includes(text)) return false;
  throw new Error(`not a yes/no value: ${value}`);
};

/** OIDC_*: all of issuer and client id, or none of them. */
export const parseOidc = (env: NodeJS.ProcessEnv): OidcConfig | null => {
  const issuer = env.OIDC_ISSUER?.trim() ?? "";
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? "";
  if (issuer === "" && clientId === "") return null;
  if (issuer === "" || clientId === "")
    throw new Error("OIDC_ISSUER and OIDC_CLIENT_ID are needed together for single sign-on");
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    throw new Error(`OIDC_ISSUER: not a URL: ${issuer}`);
  }
  if (issuerUrl.protocol !== "https:" && !["localhost", "127.0.0.1", "[::1]"].includes(issuerUrl.hostname))
    throw new Error("OIDC_ISSUER: must be https (plain http only for a provider on this machine)");
  const redirectUrl = env.OIDC_REDIRECT_URL?.trim() || null;
  if (redirectUrl) {
    try {
      new URL(redirectUrl);
    } catch {
      throw new Error(`OIDC_REDIRECT_URL: not a URL: ${redirectUrl}`);
    }
  }
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    allowedDomains: (env.OIDC_ALLOWED_DOMAINS ?? "")
      .split(",")
      .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
      .filter(Boolean),
    label: env.OIDC_BUTTON_LABEL?.trim() || "Sign in with single sign-on",
    redirectUrl,
  };
};

const parseSignIn = (env: NodeJS.ProcessEnv): Pick<Config, "passwordSignIn" | "oidc"> => {
  const oidc = parseOidc(env);
  let passwordSignIn: boolean;
  try {
    passwordSignIn = isOn(env.PASSWORD_SIGN_IN, true);
  } catch (error) {
    throw new Error(`PASSWORD_SIGN_IN: ${(error as Error).message}`);
  }
  if (!passwordSignIn && !oidc)
    throw new Error(
      "PASSWORD_SIGN_IN=off needs single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID): nobody could sign in",
    );
  return { passwordSignIn, oidc };
};

/** Trusts the nearest `hops` proxies, whatever their addresses (Fastify's hop-count form). */
export type TrustHops = (address: string, hop: number) => boolean;

// proxy-addr's names for the loopback, link-local and private ranges.
const namedRanges = new Set(["loopback", "linklocal", "uniquelocal"]);

const isAddressOrRange = (entry: string): boolean => {
  if (namedRanges.has(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix <= (family === 4 ? 32 : 128);
};

/** TRUST_PROXY: unset or empty trusts no one; a whole number is a hop count; otherwise a comma list. */
export const parseTrustProxy = (value: string | undefined): Config["trustProxy"] => {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0" || text === "false") return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const invalid = entries.filter((entry) => !isAddressOrRange(entry));
  if (invalid.length > 0)
    throw new Error(`TRUST_PROXY: not an address, CIDR range or hop count: ${invalid.join(", ")}`);
  return entries;
};

/** ORIGIN: a comma list of origins; each is normalized the way browsers send it. */
export const parseOrigins = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`ORIGIN: not an origin: ${entry}`);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new Error(`ORIGIN: not an http(s) origin: ${entry}`);
      return url.origin;
    });

/** SMTP_URL: empty means no SMTP (messages stay in the outbox); otherwise an smtp(s):// URL. */
export const parseSmtpUrl = (value: string | undefined): string | null => {
  const text = value?.trim() ?? "";
  if (text === "") return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error("SMTP_URL: not a URL (e.g. smtp://user:pass@mail.example.com:587)");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    throw new Error("SMTP_URL: must start with smtp:// or smtps://");
  return text;
};

/** PUBLIC_URL: an http(s) origin with an optional path prefix; defaults to this server on localhost. */
export const parsePublicUrl = (value: string | undefined, port: number): string => {
  const text = value?.trim() || `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_URL: not a URL: ${text}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`PUBLIC_URL: not an http(s) URL: ${text}`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
};

export const parseSignupMode = (value: string | undefined): SignupMode => {
  const text = value?.trim() || "open";
  if (!(signupModes as readonly string[]).includes(text))
    throw new Error(`SIGNUP_MODE: one of ${signupModes.join(", ")}, not ${text}`);
  return text as SignupMode;
};

/** A whole number within [min, max], or the fallback when unset. */
export const parseWholeNumber = (
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number => {
  const text = value?.trim() ?? "";
  if (text === "") return fallback;
  const parsed = Number(text);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max)
    throw new Error(`${name}: a whole number from ${min} to ${max}, not ${text}`);
  return parsed;
};

/** MAX_UPLOAD_MB: a positive number of mebibytes (fractions allowed), default 25. */
export const parseMaxUploadBytes = (value: string | undefined): number => {
  const text = value?.trim() || "25";
  const megabytes = Number(text);
  if (!Number.isFinite(megabytes) || megabytes <= 0)
    throw new Error(`MAX_UPLOAD_MB: a positive number of megabytes, not ${text}`);
  return Math.floor(megabytes * 1024 * 1024);
};

/** S3_*: none configured keeps documents in the database; S3_BUCKET turns the object store on. */
export const parseObjectStore = (env: NodeJS.ProcessEnv): ObjectStoreConfig | null => {
  const bucket = env.S3_BUCKET?.trim() ?? "";
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() ?? "";
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY ?? "";
  if (bucket === "") {
    const stray = ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((name) =>
      env[name]?.trim(),
    );
    if (stray.length > 0) throw new Error(`${stray.join(", ")} set without S3_BUCKET: name the bucket too`);
    return null;
  }
  if (endpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new Error(`S3_ENDPOINT: not a URL: ${endpoint}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new Error(`S3_ENDPOINT: not an http(s) URL: ${endpoint}`);
  }
  if ((accessKeyId === "") !== (secretAccessKey === ""))
    throw new Error("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are needed together");
  let forcePathStyle: boolean;
  try {
    forcePathStyle = isOn(env.S3_FORCE_PATH_STYLE, endpoint !== undefined);
  } catch (error) {
    throw new Error(`S3_FORCE_PATH_STYLE: ${(error as Error).message}`);
  }
  return {
    bucket,
    endpoint,
    region: env.S3_REGION?.trim() || "us-east-1",
    credentials: accessKeyId === "" ? undefined : { accessKeyId, secretAccessKey },
    forcePathStyle,
  };
};

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
  loginFailureRateLimit: Number(env.LOGIN_FAILURE_RATE_LIMIT ?? 20),
  signupRateLimit: Number(env.SIGNUP_RATE_LIMIT ?? 10),
  trustProxy: parseTrustProxy(env.TRUST_PROXY),
  allowedOrigins: parseOrigins(env.ORIGIN),
  socketsPerUser: Number(env.SOCKETS_PER_USER ?? 30),
  boardCacheMegabytes: Number(env.BOARD_CACHE_MB ?? 64),
  ...parseSignIn(env),
  smtpUrl: parseSmtpUrl(env.SMTP_URL),
  mailFrom: env.MAIL_FROM?.trim() || "Lattice <lattice@localhost>",
  publicUrl: parsePublicUrl(env.PUBLIC_URL, Number(env.PORT ?? 3000)),
  signupMode: parseSignupMode(env.SIGNUP_MODE),
  notificationMailDelayMs: parseWholeNumber(
    "NOTIFICATION_MAIL_DELAY_MS",
    env.NOTIFICATION_MAIL_DELAY_MS,
    300_000,
    0,
    86_400_000,
  ),
  digestHour: parseWholeNumber("DIGEST_HOUR", env.DIGEST_HOUR, 7, 0, 23),
  digestIntervalMs: parseWholeNumber("DIGEST_INTERVAL_MS", env.DIGEST_INTERVAL_MS, 60_000, 0, 86_400_000),
  recurrenceIntervalMs: parseWholeNumber(
    "RECURRENCE_INTERVAL_MS",
    env.RECURRENCE_INTERVAL_MS,
    60_000,
    0,
    86_400_000,
  ),
  maxUploadBytes: parseMaxUploadBytes(env.MAX_UPLOAD_MB),
  objectStore: parseObjectStore(env),
  trashDays: parseWholeNumber("TRASH_DAYS", env.TRASH_DAYS, 30, 1, 3650),
});

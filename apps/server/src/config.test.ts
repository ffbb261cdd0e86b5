import { describe, expect, it } from "vitest";
import {
  loadConfig,
  parseObjectStore,
  parseOrigins,
  parsePublicUrl,
  parseSignupMode,
  parseSmtpUrl,
  parseTrustProxy,
} from "./config.js";

describe("TRUST_PROXY", () => {
  it("trusts no one by default, so X-Forwarded-For cannot fake a client's address", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy(" 0 ")).toBe(false);
  });

  it("reads a comma list of addresses, CIDR ranges and proxy-addr's range names", () => {
    expect(parseTrustProxy("172.30.0.10, 10.0.0.0/8,::1,fd00::/8, loopback")).toEqual([
      "172.30.0.10",
      "10.0.0.0/8",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
  });

  it("reads a whole number as the count of proxy hops to trust", () => {
    const trust = parseTrustProxy("1");
    if (typeof trust !== "function") throw new Error("expected a hop-count function");
    expect(trust("203.0.113.1", 0)).toBe(true);
    expect(trust("203.0.113.1", 1)).toBe(false);
  });

  it("refuses anything else at start, naming it", () => {
    expect(() => parseTrustProxy("true")).toThrow(/TRUST_PROXY.*true/);
    expect(() => parseTrustProxy("10.0.0.1, caddy")).toThrow(/caddy/);
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
  });
});

describe("ORIGIN", () => {
  it("is empty by default (the server's own origin only)", () => {
    expect(loadConfig({}).allowedOrigins).toEqual([]);
  });

  it("normalizes each origin the way browsers send it", () => {
    expect(parseOrigins("https://Lattice.Example:443/, http://localhost:5173")).toEqual([
      "https://lattice.example",
      "http://localhost:5173",
    ]);
  });

  it("refuses what is not an http(s) origin", () => {
    expect(() => parseOrigins("lattice.example")).toThrow(/ORIGIN/);
    expect(() => parseOrigins("ftp://lattice.example")).toThrow(/ORIGIN/);
  });
});

describe("mail settings", () => {
  it("sends no mail by default, links to this server on localhost, and lets anyone sign up", () => {
    const config = loadConfig({ PORT: "4100" });
    expect(config.smtpUrl).toBeNull();
    expect(config.publicUrl).toBe("http://localhost:4100");
    expect(config.signupMode).toBe("open");
  });

  it("takes an smtp(s) URL and refuses anything else", () => {
    expect(parseSmtpUrl("smtp://user:pass@mail.example:587")).toBe("smtp://user:pass@mail.example:587");
    expect(parseSmtpUrl("  ")).toBeNull();
    expect(() => parseSmtpUrl("http://mail.example")).toThrow(/SMTP_URL/);
    expect(() => parseSmtpUrl("mail.example:25")).toThrow(/SMTP_URL/);
  });

  it("keeps PUBLIC_URL's path prefix without a trailing slash", () => {
    expect(parsePublicUrl("https://work.example.org/lattice/", 3000)).toBe(
      "https://work.example.org/lattice",
    );
    expect(() => parsePublicUrl("ftp://work.example.org", 3000)).toThrow(/PUBLIC_URL/);
  });

  it("knows the three sign-up modes and names them when given another", () => {
    expect(parseSignupMode("invitation")).toBe("invitation");
    expect(parseSignupMode("sso")).toBe("sso");
    expect(() => parseSignupMode("closed")).toThrow(/open, invitation, sso/);
  });
});

describe("object store (S3_*)", () => {
  it("keeps documents in the database when no bucket is named", () => {
    expect(loadConfig({}).objectStore).toBeNull();
  });

  it("refuses an endpoint or keys without a bucket, rather than silently ignoring them", () => {
    expect(() => parseObjectStore({ S3_ENDPOINT: "http://127.0.0.1:9000" })).toThrow(/S3_BUCKET/);
    expect(() => parseObjectStore({ S3_ACCESS_KEY_ID: "key" })).toThrow(/S3_BUCKET/);
  });

  it("uses path-style addressing for a self-hosted endpoint and virtual hosts for AWS itself", () => {
    expect(
      parseObjectStore({
        S3_BUCKET: "documents",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_ACCESS_KEY_ID: "key",
        S3_SECRET_ACCESS_KEY: "secret",
      }),
    ).toEqual({
      bucket: "documents",
      endpoint: "http://127.0.0.1:9000",
      region: "us-east-1",
      credentials: { accessKeyId: "key", secretAccessKey: "secret" },
      forcePathStyle: true,
    });
    const aws = parseObjectStore({ S3_BUCKET: "documents", S3_REGION: "eu-central-1" });
    expect(aws).toMatchObject({ endpoint: undefined, region: "eu-central-1", forcePathStyle: false });
    expect(aws?.credentials).toBeUndefined();
  });

  it("names what is wrong: a bad endpoint, half the keys, a path-style value that is not yes or no", () => {
    expect(() => parseObjectStore({ S3_BUCKET: "b", S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT/);
    expect(() => parseObjectStore({ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "key" })).toThrow(/together/);
    expect(() => parseObjectStore({ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "maybe" })).toThrow(
      /S3_FORCE_PATH_STYLE/,
    );
  });
});

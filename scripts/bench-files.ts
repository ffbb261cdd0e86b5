/**
 * `pnpm bench:files`: throughput of uploading and downloading one 100 MB document, and the server's
 * memory meanwhile, on embedded PGlite (a fresh data directory) and on PostgreSQL (a fresh database,
 * dropped at the end).
 *
 * The server runs in its own process as production runs it; the client streams the file over real
 * HTTP on loopback (never holding it whole either) and checks the bytes that come back by SHA-256.
 * Memory is the server process's resident set, sampled from /proc every 20 ms, and its high-water mark
 * (VmHWM) before and after each phase.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPostgresTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import { startObjectStore } from "../apps/server/src/test/object-store-server.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 100);
const BLOCK = 1024 * 1024;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** A field of /proc/<pid>/status in MiB (VmRSS: now, VmHWM: the peak so far). */
const memoryMiB = (pid: number, field: "VmRSS" | "VmHWM"): number => {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
};

/** Samples the resident set until stopped; answers the highest sample. */
const sampleRss = (pid: number): (() => number) => {
  let peak = memoryMiB(pid, "VmRSS");
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryMiB(pid, "VmRSS"));
  }, 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, memoryMiB(pid, "VmRSS"));
  };
};

const startServer = async (database: Record<string, string>) => {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/server.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...database,
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_DIST: "",
      LOG_LEVEL: "warn",
      MAX_UPLOAD_MB: String(FILE_MB + 10),
      SIGNUP_RATE_LIMIT: "1000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const healthy = await new Promise<boolean>((resolve) => {
      const probe = http.get({ host: "127.0.0.1", port, path: "/api/health" }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      });
      probe.on("error", () => resolve(false));
    });
    if (healthy) break;
    if (Date.now() > deadline) throw new Error("the server did not answer /api/health within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.pid === undefined) throw new Error("the server has no pid");
  return {
    port,
    pid: child.pid,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
};

const json = async <T>(
  port: number,
  cookie: string,
  method: string,
  urlPath: string,
  body: unknown,
): Promise<{ data: T; cookie: string }> => {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: urlPath,
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if ((response.statusCode ?? 0) >= 300) {
            reject(new Error(`${method} ${urlPath} → ${response.statusCode}: ${text}`));
            return;
          }
          const set = (response.headers["set-cookie"] ?? []).find((c) => c.startsWith("lattice_session="));
          resolve({ data: JSON.parse(text) as T, cookie: set ? (set.split(";")[0] ?? cookie) : cookie });
        });
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
};

/** Streams a FILE_MB file of random bytes as multipart; answers the upload's id, time and hash. */
const upload = (port: number, cookie: string, cardId: string) =>
  new Promise<{ id: string; seconds: number; sha256: string }>((resolve, reject) => {
    const boundary = "----benchfiles";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
        "Content-Type: application/octet-stream\r\n\r\n",
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const hash = createHash("sha256");
    const started = performance.now();
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: `/api/cards/${cardId}/attachments`,
        headers: {
          cookie,
          "x-lattice-client": "bench",
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(head.length + FILE_MB * BLOCK + tail.length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode !== 201) {
            reject(new Error(`upload → ${response.statusCode}: ${text}`));
            return;
          }
          const [created] = JSON.parse(text) as Array<{ id: string }>;
          if (!created) throw new Error("no attachment in the reply");
          resolve({
            id: created.id,
            seconds: (performance.now() - started) / 1000,
            sha256: hash.digest("hex"),
          });
        });
      },
    );
    request.on("error", reject);
    request.write(head);
    let sent = 0;
    const writeMore = (): void => {
      while (sent < FILE_MB) {
        const block = randomBytes(BLOCK);
        hash.update(block);
        sent += 1;
        if (!request.write(block)) {
          request.once("drain", writeMore);
          return;
        }
      }
      request.end(tail);
    };
    writeMore();
  });

const download = (port: number, cookie: string, id: string) =>
  new Promise<{ seconds: number; sha256: string; bytes: number }>((resolve, reject) => {
    const hash = createHash("sha256");
    let bytes = 0;
    const started = performance.now();
    http
      .get(
        { host: "127.0.0.1", port, path: `/api/attachments/${id}?download=1`, headers: { cookie } },
        (response) => {
          if (response.statusCode !== 200) reject(new Error(`download → ${response.statusCode}`));
          response.on("data", (chunk: Buffer) => {
            hash.update(chunk);
            bytes += chunk.length;
          });
          response.on("end", () =>
            resolve({ seconds: (performance.now() - started) / 1000, sha256: hash.digest("hex"), bytes }),
          );
          response.on("error", reject);
        },
      )
      .on("error", reject);
  });

const benchDriver = async (driver: string, database: Record<string, string>): Promise<string[]> => {
  const server = await startServer(database);
  try {
    const signup = await json<unknown>(server.port, "", "POST", "/api/auth/signup", {
      email: `bench-files-${driver}-${Date.now()}@example.com`,
      name: "Bench",
      password: "bench-password-1",
    });
    const { cookie } = signup;
    const { data: workspace } = await json<{ id: string }>(server.port, cookie, "POST", "/api/workspaces", {
      name: "Bench",
    });
    const { data: space } = await json<{ id: string }>(
      server.port,
      cookie,
      "POST",
      `/api/workspaces/${workspace.id}/spaces`,
      { name: "Files" },
    );
    const { data: card } = await json<{ id: string }>(
      server.port,
      cookie,
      "POST",
      `/api/spaces/${space.id}/cards`,
      {
        name: "Big file",
      },
    );
    const idle = memoryMiB(server.pid, "VmRSS");
    const stopUploadSampling = sampleRss(server.pid);
    const up = await upload(server.port, cookie, card.id);
    const uploadPeak = stopUploadSampling();
    const stopDownloadSampling = sampleRss(server.pid);
    const down = await download(server.port, cookie, up.id);
    const downloadPeak = stopDownloadSampling();
    if (down.sha256 !== up.sha256 || down.bytes !== FILE_MB * BLOCK)
      throw new Error(`${driver}: the downloaded bytes differ from the uploaded ones`);
    const mbps = (seconds: number) => (FILE_MB / seconds).toFixed(1);
    return [
      `${driver.padEnd(9)}  upload ${up.seconds.toFixed(2)} s (${mbps(up.seconds)} MB/s)  ` +
        `download ${down.seconds.toFixed(2)} s (${mbps(down.seconds)} MB/s)  ` +
        `RSS idle ${idle.toFixed(0)} MiB, peak during upload ${uploadPeak.toFixed(0)} MiB, ` +
        `during download ${downloadPeak.toFixed(0)} MiB (VmHWM ${memoryMiB(server.pid, "VmHWM").toFixed(0)} MiB); bytes match`,
    ];
  } finally {
    await server.stop();
  }
};

const main = async (): Promise<void> => {
  console.log(`One ${FILE_MB} MB file (MB = MiB), streamed up and down over loopback:`);
  const lines: string[] = [];
  const pgliteDir = mkdtempSync(path.join(tmpdir(), "lattice-bench-files-"));
  try {
    lines.push(...(await benchDriver("pglite", { DATA_DIR: pgliteDir })));
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }
  const s3 = await startObjectStore();
  const s3Dir = mkdtempSync(path.join(tmpdir(), "lattice-bench-files-s3-"));
  try {
    const { bucket, endpoint, credentials } = s3.config;
    lines.push(
      ...(await benchDriver("pglite+s3", {
        DATA_DIR: s3Dir,
        S3_BUCKET: bucket,
        S3_ENDPOINT: endpoint ?? "",
        S3_ACCESS_KEY_ID: credentials?.accessKeyId ?? "",
        S3_SECRET_ACCESS_KEY: credentials?.secretAccessKey ?? "",
      })),
    );
  } finally {
    rmSync(s3Dir, { recursive: true, force: true });
    await s3.close();
  }
  if (await isPostgresReachable()) {
    const database = await createPostgresTestDatabase();
    try {
      if (!database.url) throw new Error("a PostgreSQL test database has a URL");
      lines.push(...(await benchDriver("postgres", { DATABASE_URL: database.url })));
    } finally {
      await database.drop();
    }
  } else {
    lines.push("postgres  skipped — no PostgreSQL at TEST_DATABASE_URL");
  }
  for (const line of lines) console.log(line);
};

await main();

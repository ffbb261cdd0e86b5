/**
 * A real S3-compatible server for the tests (s3rver: the S3 REST protocol over HTTP, objects in a
 * temporary directory), with one bucket, and the settings that point the app at it.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { ObjectStoreConfig } from "../config.js";

export interface TestObjectStore {
  config: ObjectStoreConfig;
  /** The keys of the objects in the bucket now, read from the server's own storage. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

const bucket = "documents";

const filesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
};

export const startObjectStore = async (): Promise<TestObjectStore> => {
  const directory = await mkdtemp(path.join(tmpdir(), "lattice-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    config: {
      bucket,
      endpoint: `http://127.0.0.1:${port}`,
      region: "us-east-1",
      // s3rver's own fixed development keys.
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      forcePathStyle: true,
    },
    keys: async () => {
      // s3rver keeps each object as `<key>._S3rver_object` (with metadata files beside it).
      const root = path.join(directory, bucket);
      return (await filesUnder(root))
        .filter((file) => file.endsWith("._S3rver_object"))
        .map((file) =>
          path
            .relative(root, file)
            .replace(/\._S3rver_object$/, "")
            .split(path.sep)
            .join("/"),
        )
        .sort();
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
};

/**
 * Documents' bytes in an S3-compatible object store (AWS S3, MinIO, Ceph, Garage, R2, …), for
 * deployments whose files outgrow the database. Loaded only when S3_BUCKET is set, so the default
 * instance never loads the AWS SDK.
 *
 * An upload streams through lib-storage's multipart upload: 5 MiB parts, one in flight, so memory
 * per upload stays near 10 MiB whatever the file's size. Checksums are computed only when the
 * operation requires them: several self-hosted stores refuse the SDK's default CRC32 trailers.
 */
import type { Readable } from "node:stream";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { ObjectStoreConfig } from "../config.js";

import type { ObjectStore } from "./object-keys.js";

const partBytes = 5 * 1024 * 1024;
/** DeleteObjects takes at most 1,000 keys. */
const deleteBatch = 1000;

export const openObjectStore = (config: ObjectStoreConfig): ObjectStore => {
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = config.bucket;
  return {
    async put(key, body, contentType) {
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: body, ContentType: contentType },
        partSize: partBytes,
        queueSize: 1,
        leavePartsOnError: false,
      });
      await upload.done();
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return (answer.Body as Readable | undefined) ?? null;
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async delete(keys) {
      for (let at = 0; at < keys.length; at += deleteBatch) {
        const batch = keys.slice(at, at + deleteBatch);
        const answer = await client.send(
          new DeleteObjectsCommand({
            Bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = (answer.Errors ?? []).filter((e) => e.Code !== "NoSuchKey");
        if (failed.length > 0)
          throw new Error(
            `the object store did not delete ${failed.length} object(s): ${failed[0]?.Code} ${failed[0]?.Message ?? ""}`,
          );
      }
    },
    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        const why = status ? `HTTP ${status}` : (error as Error).message;
        throw new Error(
          `S3_BUCKET: cannot reach bucket '${Bucket}'${config.endpoint ? ` at ${config.endpoint}` : ""} (${why})`,
        );
      }
    },
    close() {
      client.destroy();
    },
  };
};

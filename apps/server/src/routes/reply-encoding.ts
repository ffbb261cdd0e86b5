/**
 * Which compression a reply the route compresses itself gets, by the same rules as the replies that
 * @fastify/compress handles (registered in app.ts): brotli or gzip as the client prefers, nothing
 * under a kilobyte or when the client says `x-no-compression`.
 */

import type { IncomingHttpHeaders } from "node:http";
import negotiate from "@fastify/accept-negotiator";
import type { ReplyEncoding } from "../queries/board-cache.js";

export const compressionThreshold = 1024;
const encodings: ReplyEncoding[] = ["br", "gzip"];

export const replyEncoding = (headers: IncomingHttpHeaders, length: number): ReplyEncoding | null => {
  const accepted = headers["accept-encoding"];
  if (accepted === undefined || headers["x-no-compression"] !== undefined || length < compressionThreshold) {
    return null;
  }
  // "*" and "x-gzip" mean gzip, as @fastify/compress reads them.
  return negotiate(accepted.toLowerCase().replace(/\*|x-gzip/gu, "gzip"), encodings);
};

/**
 * What the rest of the server knows of the object store: its shape and where a document goes.
 * Kept apart from object-store.ts so that importing these never loads the AWS SDK.
 */
import type { Readable } from "node:stream";

export interface ObjectStore {
  /** Stores the stream under the key; rejects (and leaves no object) if the stream fails. */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** The object's bytes, or null when the store has no such key. */
  get(key: string): Promise<Readable | null>;
  /** Deletes the objects; a key the store does not have is no error. */
  delete(keys: readonly string[]): Promise<void>;
  /** Fails, saying why, when the bucket cannot be reached with these settings. */
  check(): Promise<void>;
  close(): void;
}

/** Where a document's bytes go: by workspace, so an operator can tell whose they are. */
export const objectKeyFor = (workspaceId: string, attachmentId: string): string =>
  `attachments/${workspaceId}/${attachmentId}`;

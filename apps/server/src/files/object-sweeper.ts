/**
 * Deletes from the object store the objects whose attachment rows are gone. The rows' trigger
 * queued their keys in the deleting transaction (migration 0011), so a cascade from a card, a space
 * or a workspace is cleaned up like a single delete. Safe on several instances at once without a
 * claim: deleting an object twice is no error, and a key is forgotten only after the store
 * answered. A key a copy still names is forgotten without deleting its object.
 */
import { type Executor, forgetObjectDeletions, queuedObjectDeletions } from "@lattice/db";
import type { ObjectStore } from "./object-keys.js";

const batch = 500;

/** Sweeps until the queue is empty; answers how many objects were deleted from the store. */
export const sweepObjectDeletions = async (db: Executor, store: ObjectStore): Promise<number> => {
  let deleted = 0;
  for (;;) {
    const { orphaned, stillNamed } = await queuedObjectDeletions(db, batch);
    if (orphaned.length + stillNamed.length === 0) return deleted;
    await store.delete(orphaned);
    await forgetObjectDeletions(db, [...orphaned, ...stillNamed]);
    deleted += orphaned.length;
    if (orphaned.length + stillNamed.length < batch) return deleted;
  }
};

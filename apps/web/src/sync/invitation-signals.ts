/**
 * `invitations.changed` arrives on a workspace's or a space's channel when its pending invitations
 * change; it names no address, so an open list of them reloads. Lists register here while shown.
 */
import type { EventPayloads } from "@lattice/domain";

type Change = EventPayloads["invitations.changed"];
type Listener = (change: Change) => void;

const listeners = new Set<Listener>();

export const invitationSignals = {
  emit(change: Change): void {
    for (const listener of listeners) listener(change);
  },
  /** Returns the function that stops listening. */
  listen(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

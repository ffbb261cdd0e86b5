/**
 * Activity: every live event of the open board's space channel is passed on, after the board
 * applied it, to whoever listens (to-dos, comments, blockings… that the board itself does not keep).
 * A listener that throws is logged and does not stop the others.
 */
import type { WireEvent } from "../../sync/channels";

type EventListener = (event: WireEvent, seq: number) => void;
const eventListeners = new Set<EventListener>();

/**
 * Every live event of the open board's space channel, after the board applied it (to-dos, comments,
 * blockings… that the board itself does not keep). Returns the function that stops listening.
 */
export const onBoardEvent = (listener: EventListener): (() => void) => {
  eventListeners.add(listener);
  return () => {
    eventListeners.delete(listener);
  };
};

export const notifyListeners = (event: WireEvent, seq: number) => {
  for (const listener of eventListeners) {
    try {
      listener(event, seq);
    } catch (error) {
      console.error(error);
    }
  }
};

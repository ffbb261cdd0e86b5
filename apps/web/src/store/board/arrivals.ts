/**
 * Arrivals: cards a teammate just changed, with when, so they animate into place. Our own changes
 * (pending or already confirmed by their reply) are not arrivals, nor is a card that was deleted.
 */
import type { WireEvent } from "../../sync/channels";

export type Arrivals = Record<string, number>;

/** `arrivals` with this event's card marked as just arrived, or `arrivals` itself when it is not one. */
export const withArrival = (
  arrivals: Arrivals,
  event: WireEvent,
  cardId: string | null,
  isOurs: boolean,
): Arrivals =>
  !isOurs && cardId && event.type !== "card.deleted" ? { ...arrivals, [cardId]: Date.now() } : arrivals;

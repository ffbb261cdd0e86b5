/**
 * The outbox: how a mutation's request reaches the server.
 *
 * Requests are sent one after another, in the order the person acted: two quick "add at the bottom"
 * sent together could be applied by the server in either order. It also keeps offline changes in
 * order when they are resent.
 *
 * Offline: a request that cannot reach the server stays pending and is sent again, with the same
 * Idempotency-Key, when the connection is back (`retryWaiting`); the server answers a retried key
 * with its first answer, so resending is safe. Nothing is dropped without a toast saying so.
 */
import { ApiError } from "../../api/client";
import { translate } from "../../lib/i18n/i18n";
import { toast } from "../toasts";

const isNetworkError = (error: unknown): boolean => error instanceof ApiError && error.code === "network";
// 503: the server is up but cannot reach its database for a moment; the change is kept and resent.
const isServiceUnavailable = (error: unknown): boolean => error instanceof ApiError && error.status === 503;

/** Resolved by `retryWaiting`: waiting mutations sleep on it (or on a timer, in case nobody calls). */
let retrySignal: { promise: Promise<void>; resolve: () => void } = (() => {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
})();
const waitForRetry = (ms: number) =>
  Promise.race([retrySignal.promise, new Promise<void>((r) => setTimeout(r, ms))]);
/** Wakes every request waiting for the connection, so each is sent again now. */
export const retryWaiting = () => {
  const current = retrySignal;
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  retrySignal = { promise, resolve };
  current.resolve();
};
const retryFallbackMs = 15_000;
// The server's Retry-After while its database is unreachable is 2 s.
const unavailableRetryMs = 2_000;

/**
 * Sends until the server answers: a request that cannot reach it (network, 503) is kept, marked
 * waiting, and sent again (same call, so the same Idempotency-Key); any other error is thrown.
 */
export const sendUntilAnswered = async <T>(
  send: () => Promise<T>,
  label: string,
  markWaiting: () => void,
): Promise<T> => {
  let hasToldOffline = false;
  let hasToldUnavailable = false;
  for (;;) {
    try {
      return await send();
    } catch (error) {
      const isUnavailable = isServiceUnavailable(error);
      if (!isNetworkError(error) && !isUnavailable) throw error;
      // Unreachable: keep it (same id, so a request that did land is not applied twice).
      markWaiting();
      if (isUnavailable) {
        if (!hasToldUnavailable) {
          toast.info(translate("errors.unavailableRetry", { action: label }));
          hasToldUnavailable = true;
        }
        await waitForRetry(unavailableRetryMs);
        continue;
      }
      if (!hasToldOffline) {
        toast.info(translate("errors.offlineRetry", { action: label }));
        hasToldOffline = true;
      }
      await waitForRetry(retryFallbackMs);
    }
  }
};

/** One queue of requests, sent one at a time in the order they were queued. */
export const createSendQueue = () => {
  let sendQueue: Promise<void> = Promise.resolve();
  let queued = 0;
  return <T>(run: () => Promise<T>): Promise<T> => {
    // With nothing in flight the request leaves at once (same tick as the optimistic change).
    const next = queued === 0 ? run() : sendQueue.then(run);
    queued += 1;
    const settle = () => {
      queued -= 1;
    };
    sendQueue = next.then(settle, settle);
    return next;
  };
};

/**
 * Making a card repeat and stopping it. Lock order (see packages/db recurrence-writes): the card's
 * series row first, then the space's channel, the same order the scheduler takes them in, so a
 * person editing a series while an instance makes its next occurrence waits instead of deadlocking.
 */
import { randomUUID } from "node:crypto";
import {
  isPastOccurrence,
  loadCardWithRole,
  lockSeriesOfCard,
  lockSpaceOf,
  type MutationContext,
  persistRepeat,
  persistStopRepeat,
} from "@lattice/db";
import {
  type Card,
  DomainError,
  ErrorCode,
  isRefusal,
  type SetRepeatBody,
  setCardRepeat,
  stopCardRepeat,
  type User,
} from "@lattice/domain";

/** lock the series → lock the space → load → the domain's mutator → persist → emit card.updated. */
export const setRepeat = async (
  { tx, emit }: MutationContext,
  actor: User,
  cardId: string,
  input: SetRepeatBody,
): Promise<Card> => {
  await lockSeriesOfCard(tx, cardId);
  await lockSpaceOf(tx, "card", cardId);
  const { role, card } = await loadCardWithRole(tx, actor.id, cardId);
  const result = setCardRepeat(
    { role, card, actorTimeZone: actor.timeZone, seriesId: randomUUID() },
    input,
    actor,
    new Date(),
  );
  if (isRefusal(result)) throw result;
  if (result.changes.isNew && (await isPastOccurrence(tx, cardId))) {
    throw new DomainError(
      ErrorCode.conflict,
      "This card's series goes on with its next occurrence: change the repeat there",
      [],
      { key: "refusal.repeat.movedOn" },
    );
  }
  await persistRepeat(tx, result.changes, actor.id);
  for (const event of result.events) emit(event);
  return result.changes.card;
};

/** lock the series → lock the space → load → the domain's mutator → stop the series → emit. */
export const stopRepeat = async (
  { tx, emit }: MutationContext,
  actor: User,
  cardId: string,
): Promise<Card> => {
  await lockSeriesOfCard(tx, cardId);
  await lockSpaceOf(tx, "card", cardId);
  const { role, card } = await loadCardWithRole(tx, actor.id, cardId);
  const result = stopCardRepeat({ role, card }, {}, actor, new Date());
  if (isRefusal(result)) throw result;
  const { seriesId } = result.changes;
  if (seriesId) await persistStopRepeat(tx, seriesId, result.changes.card);
  for (const event of result.events) emit(event);
  return result.changes.card;
};

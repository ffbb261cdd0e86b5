/**
 * "My blockers": the blocked cards a person must clear, most harmful first.
 *
 * A card is one of my blockers while it has an open blocking and I am the person named to clear that
 * blocking, the card's responsible person or one of its co-workers. Its impact is the open work that
 * waits on it, followed transitively through relations: a next card waits on its previous card, and
 * a parent waits on its children. Blockers are ordered by how many open cards wait on them (most
 * first), then by how soon the earliest of those is due (undated last), then by the oldest blocking
 * (longest waiting first), then by name.
 */
import { z } from "zod";
import type { RelationKind } from "./coordination-schemas.js";
import { type StatusRole, statusRoles } from "./roles.js";
import { calendarDate, isoTime } from "./schemas.js";

const id = z.uuid();

export const blockerRoles = ["clearing", "responsible", "coworker"] as const;
export type BlockerRole = (typeof blockerRoles)[number];

export const myBlockerSchema = z.object({
  cardId: id,
  workspaceId: id,
  spaceId: id,
  spaceName: z.string(),
  name: z.string(),
  statusName: z.string(),
  statusRole: z.enum(statusRoles),
  dueDate: calendarDate.nullable(),
  /** Why it is mine: named to clear a blocking of it, responsible for the card, co-worker on it. */
  roles: z.array(z.enum(blockerRoles)),
  blockings: z.array(
    z.object({
      id,
      blockerName: z.string(),
      reason: z.string(),
      blockedAt: isoTime,
      responsibleId: id.nullable(),
      /** Whole days since it was blocked (0 on the day itself). */
      ageDays: z.number().int().nonnegative(),
    }),
  ),
  /** Open cards (the caller can read) that wait on it, directly or through others. */
  waiting: z.number().int().nonnegative(),
  /** The earliest due date among them. */
  soonestDue: calendarDate.nullable(),
  /** The first few of them, soonest due first. */
  waitingCards: z.array(
    z.object({ id, spaceId: id, workspaceId: id, name: z.string(), dueDate: calendarDate.nullable() }),
  ),
});
export type MyBlocker = z.infer<typeof myBlockerSchema>;

/** How many spaces a My blockers reply asks the client to follow, at most. */
export const MY_BLOCKERS_WATCH_LIMIT = 100;

export const myBlockersSchema = z.object({
  items: z.array(myBlockerSchema),
  /**
   * The spaces whose changes can change the list (those of my open cards, of the blockers and of the
   * cards waiting on them; at most MY_BLOCKERS_WATCH_LIMIT), with each channel's seq when it was read:
   * a client follows them from there and asks again when something happens.
   */
  watch: z.array(z.object({ spaceId: id, seq: z.number().int().nonnegative() })),
});
export type MyBlockers = z.infer<typeof myBlockersSchema>;

/** How many waiting cards a blocker lists by name. */
export const WAITING_CARDS_SHOWN = 5;

export interface ImpactRelation {
  kind: RelationKind;
  fromCardId: string;
  toCardId: string;
}

export interface ImpactCard {
  id: string;
  dueDate: string | null;
  role: StatusRole;
  /** Archived, or in a space the caller may not read: passed through, never counted. */
  isCounted: boolean;
}

/** For `next`, the previous card holds up the next; for `parent`, the child holds up the parent. */
export const heldUpBy = (r: ImpactRelation): { needed: string; waiting: string } =>
  r.kind === "next"
    ? { needed: r.fromCardId, waiting: r.toCardId }
    : { needed: r.toCardId, waiting: r.fromCardId };

const isOpen = (role: StatusRole) => role === "not_started" || role === "in_progress";

/**
 * The open cards waiting on `cardId`, directly or transitively (never the card itself), soonest due
 * first (undated last), ties by id. Cards not counted (archived, unreadable, done) still pass the wait on.
 */
export const waitingOn = (
  cardId: string,
  relations: readonly ImpactRelation[],
  cards: ReadonlyMap<string, ImpactCard>,
): ImpactCard[] => {
  const next = new Map<string, string[]>();
  for (const r of relations) {
    const { needed, waiting } = heldUpBy(r);
    const list = next.get(needed);
    if (list) list.push(waiting);
    else next.set(needed, [waiting]);
  }
  const seen = new Set([cardId]);
  const queue = [cardId];
  const out: ImpactCard[] = [];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const waiting of next.get(current) ?? []) {
      if (seen.has(waiting)) continue;
      seen.add(waiting);
      queue.push(waiting);
      const card = cards.get(waiting);
      if (card?.isCounted && isOpen(card.role)) out.push(card);
    }
  }
  return out.sort(byDueThenId);
};

const byDueThenId = (a: { dueDate: string | null; id: string }, b: { dueDate: string | null; id: string }) =>
  compareDue(a.dueDate, b.dueDate) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Earlier dates first, no date last. */
const compareDue = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** The order of the list: most waiting, soonest due among them, oldest blocking, name, id. */
export interface BlockerOrderKey {
  cardId: string;
  name: string;
  waiting: number;
  soonestDue: string | null;
  blockings: ReadonlyArray<{ blockedAt: string }>;
}

export const compareBlockers = (a: BlockerOrderKey, b: BlockerOrderKey): number => {
  const oldest = (x: BlockerOrderKey) =>
    x.blockings
      .map((bl) => bl.blockedAt)
      .sort()
      .at(0) ?? "~";
  return (
    b.waiting - a.waiting ||
    compareDue(a.soonestDue, b.soonestDue) ||
    (oldest(a) < oldest(b) ? -1 : oldest(a) > oldest(b) ? 1 : 0) ||
    a.name.localeCompare(b.name) ||
    (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0)
  );
};

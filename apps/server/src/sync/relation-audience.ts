/**
 * Who may see a relation event of a space channel. A relation may join a card of this space to a
 * card of another space of the workspace, and the event names both cards; a reader of this space
 * who may not read the other one must not learn that card's id. Such a reader gets the `redacted`
 * frame in its place (the seq still arrives); the board reply leaves the relation out likewise.
 *
 * Current state decides, as for the workspace channel (space-audience.ts): an end whose card is gone
 * is treated as out of sight. One instance serves one page of events with one of these: the ends'
 * spaces are read once per page (one query), and each (space, reader) is decided once.
 */
import type { Executor } from "@lattice/db";
import { spaceRoles, tables } from "@lattice/db";
import type { DomainEvent } from "@lattice/domain";
import { inArray } from "drizzle-orm";

/** The cards a space-channel event relates, or null when it relates none. */
const relatedCards = (event: DomainEvent): readonly [string, string] | null => {
  switch (event.type) {
    case "relation.created":
    case "relation.deleted":
      return [event.payload.relation.fromCardId, event.payload.relation.toCardId];
    default:
      return null;
  }
};

export class RelationAudience {
  /** card id → its space id, for the ends asked about so far; null when the card is gone. */
  private readonly spaceOfCard = new Map<string, string | null>();
  /** `${spaceId}|${userId}` → may read. */
  private readonly decisions = new Map<string, boolean>();

  constructor(
    private readonly db: Executor,
    private readonly spaceId: string,
  ) {}

  /** Whether `event` is seen by some readers only (so `visibleTo` has to be asked). */
  concerns(event: DomainEvent): boolean {
    return relatedCards(event) !== null;
  }

  /** Of `userIds`, those who may see `event`; null when everyone may (no per-reader decision). */
  async visibleTo(event: DomainEvent, userIds: readonly string[]): Promise<ReadonlySet<string> | null> {
    const ends = relatedCards(event);
    if (ends === null) return null;
    const unknown = ends.filter((id) => !this.spaceOfCard.has(id));
    if (unknown.length > 0) {
      const rows = await this.db
        .select({ id: tables.cards.id, spaceId: tables.cards.spaceId })
        .from(tables.cards)
        .where(inArray(tables.cards.id, unknown));
      for (const id of unknown) this.spaceOfCard.set(id, null);
      for (const row of rows) this.spaceOfCard.set(row.id, row.spaceId);
    }
    const spaces = new Set(ends.map((id) => this.spaceOfCard.get(id) ?? null));
    spaces.delete(this.spaceId);
    if (spaces.size === 0) return null;
    // An end that is gone: nobody can be shown to be allowed to see it.
    if (spaces.has(null)) return new Set();
    const readers = new Set(userIds);
    for (const other of spaces as Set<string>) {
      const undecided = [...readers].filter((id) => !this.decisions.has(`${other}|${id}`));
      if (undecided.length > 0) {
        const allowed = new Set(
          (await spaceRoles(this.db, { userIds: undecided, spaceIds: [other] })).map((r) => r.userId),
        );
        for (const id of undecided) this.decisions.set(`${other}|${id}`, allowed.has(id));
      }
      for (const id of readers) if (!this.decisions.get(`${other}|${id}`)) readers.delete(id);
    }
    return readers;
  }
}

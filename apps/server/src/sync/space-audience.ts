/**
 * Who may see an event of a workspace channel. Most events there (the workspace, its members, its
 * folders, a public space) are for every reader of the channel. An event about a private space is
 * only for those who may see that space now: its members and the workspace's owners. A deleted
 * space is judged by what it was when it went (the `space.deleted` event records it): a private one
 * stays for the owners only.
 *
 * Current state decides, not the state when the event was written, so a space made private later
 * is hidden from a `since=0` replay too. One instance serves one pump pass: each space is looked up
 * once and each (space, reader) decided once, in one query for all the readers at hand.
 */
import type { Executor } from "@lattice/db";
import { tables } from "@lattice/db";
import type { DomainEvent } from "@lattice/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { readersOfSpace } from "../commands/notifications.js";

type SpaceState = "public" | "private" | "deleted_public" | "deleted_private";

/** The space a workspace-channel event is about, or null when it is about no space. */
export const spaceOfWorkspaceEvent = (event: DomainEvent): string | null => {
  switch (event.type) {
    case "space.created":
    case "space.updated":
      return event.payload.space.id;
    case "space.deleted":
      return event.payload.spaceId;
    default:
      return null;
  }
};

export class SpaceAudience {
  private readonly states = new Map<string, Promise<SpaceState>>();
  /** `${spaceId}|${userId}` → may see. */
  private readonly decisions = new Map<string, boolean>();

  constructor(
    private readonly db: Executor,
    private readonly workspaceId: string,
  ) {}

  /** Of `userIds`, those who may see `event`; null when everyone may (no per-reader decision). */
  async visibleTo(event: DomainEvent, userIds: readonly string[]): Promise<ReadonlySet<string> | null> {
    const spaceId = spaceOfWorkspaceEvent(event);
    if (spaceId === null) return null;
    const state = await this.stateOf(spaceId, event);
    if (state === "public" || state === "deleted_public") return null;
    const undecided = [...new Set(userIds)].filter((id) => !this.decisions.has(`${spaceId}|${id}`));
    if (undecided.length > 0) {
      const allowed = new Set(
        state === "private"
          ? await readersOfSpace(this.db, spaceId, undecided)
          : await this.owners(undecided),
      );
      for (const id of undecided) this.decisions.set(`${spaceId}|${id}`, allowed.has(id));
    }
    return new Set(userIds.filter((id) => this.decisions.get(`${spaceId}|${id}`)));
  }

  private stateOf(spaceId: string, event: DomainEvent): Promise<SpaceState> {
    let state = this.states.get(spaceId);
    if (!state) {
      state = this.lookUp(spaceId, event);
      this.states.set(spaceId, state);
    }
    return state;
  }

  private async lookUp(spaceId: string, event: DomainEvent): Promise<SpaceState> {
    const [space] = await this.db
      .select({ isPrivate: tables.spaces.isPrivate })
      .from(tables.spaces)
      .where(eq(tables.spaces.id, spaceId));
    if (space) return space.isPrivate ? "private" : "public";
    const deleted = event.type === "space.deleted" ? event.payload : await this.deletion(spaceId);
    // A deletion that did not record privacy (or no deletion found) is treated as private: safe.
    return deleted?.isPrivate === false ? "deleted_public" : "deleted_private";
  }

  /** The `space.deleted` event of a space that is gone, for a replay of its earlier events. */
  private async deletion(spaceId: string): Promise<{ isPrivate?: boolean } | null> {
    const [row] = await this.db
      .select({ payload: tables.events.payload })
      .from(tables.events)
      .where(
        and(
          eq(tables.events.channel, `workspace:${this.workspaceId}`),
          eq(tables.events.type, "space.deleted"),
          sql`${tables.events.payload}->>'spaceId' = ${spaceId}`,
        ),
      )
      .limit(1);
    return (row?.payload as { isPrivate?: boolean } | undefined) ?? null;
  }

  private async owners(userIds: readonly string[]): Promise<string[]> {
    const rows = await this.db
      .select({ userId: tables.workspaceMembers.userId })
      .from(tables.workspaceMembers)
      .where(
        and(
          eq(tables.workspaceMembers.workspaceId, this.workspaceId),
          eq(tables.workspaceMembers.role, "owner"),
          inArray(tables.workspaceMembers.userId, [...userIds]),
        ),
      );
    return rows.map((r) => r.userId);
  }
}

/**
 * Who may see an event of a workspace channel. Most events there (the workspace, its members, its
 * folders, a public space) are for every reader of the channel. An event about a private space is
 * only for those who may see that space now: its members and the workspace's owners. A deleted
 * space is judged by what it was when it went (the `space.deleted` event records it): a private one
 * stays for the owners only.
 *
 * Current state decides, not the state when the event was written, so a space made private later
 * is hidden from a `since=0` replay too. One instance serves one page of events (read before it, so
 * it reflects every change the page holds) until an `access.changed`: the workspace's spaces are read
 * once (one query), and each (private space, reader) is decided once, in one query for all the
 * readers at hand.
 */
import type { Executor } from "@lattice/db";
import { tables } from "@lattice/db";
import type { DomainEvent } from "@lattice/domain";
import { and, eq, inArray } from "drizzle-orm";
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
  /** Privacy of every live space of the workspace, loaded once (one query) when first needed. */
  private spaces: Promise<Map<string, boolean>> | null = null;
  /** Privacy recorded by every `space.deleted` of the channel, loaded once when first needed. */
  private deletions: Promise<Map<string, boolean | undefined>> | null = null;
  /** `${spaceId}|${userId}` → may see. */
  private readonly decisions = new Map<string, boolean>();

  constructor(
    private readonly db: Executor,
    private readonly workspaceId: string,
  ) {}

  /** Whether `event` is seen by some readers only (so `visibleTo` has to be asked). */
  concerns(event: DomainEvent): boolean {
    return spaceOfWorkspaceEvent(event) !== null;
  }

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

  private async stateOf(spaceId: string, event: DomainEvent): Promise<SpaceState> {
    this.spaces ??= this.loadSpaces();
    const isPrivate = (await this.spaces).get(spaceId);
    if (isPrivate !== undefined) return isPrivate ? "private" : "public";
    let wasPrivate: boolean | undefined;
    if (event.type === "space.deleted") wasPrivate = event.payload.isPrivate;
    else {
      this.deletions ??= this.loadDeletions();
      wasPrivate = (await this.deletions).get(spaceId);
    }
    // A deletion that did not record privacy (or none found) is treated as private: the safe side.
    return wasPrivate === false ? "deleted_public" : "deleted_private";
  }

  private async loadSpaces(): Promise<Map<string, boolean>> {
    const rows = await this.db
      .select({ id: tables.spaces.id, isPrivate: tables.spaces.isPrivate })
      .from(tables.spaces)
      .where(eq(tables.spaces.workspaceId, this.workspaceId));
    return new Map(rows.map((r) => [r.id, r.isPrivate]));
  }

  /** What each deleted space was, for replays of its earlier events. */
  private async loadDeletions(): Promise<Map<string, boolean | undefined>> {
    const rows = await this.db
      .select({ payload: tables.events.payload })
      .from(tables.events)
      .where(
        and(
          eq(tables.events.channel, `workspace:${this.workspaceId}`),
          eq(tables.events.type, "space.deleted"),
        ),
      );
    return new Map(
      rows.map((r) => {
        const payload = r.payload as { spaceId: string; isPrivate?: boolean };
        return [payload.spaceId, payload.isPrivate];
      }),
    );
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

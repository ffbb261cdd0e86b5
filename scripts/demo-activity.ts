/**
 * The demo's history as people did it: who created each card and moved it, blocked and cleared it,
 * commented and archived, each at the time the history says. Written into one space inside the
 * seed's transaction, after `insertHistory` put the cards, status changes and past blockings in:
 * - cards get varied creators, and status changes and blockings the person working on the card;
 * - a few cards in progress are blocked now (a blocked card has not moved since it was blocked);
 * - some cards get comments while they were worked on;
 * - the space's event log gets one event per thing that happened, in time order with its real time
 *   and actor (card.created with the card as it was then, card.moved per status change,
 *   blocking.created/cleared with the card.updated beside it, comment.created, the archiving), and
 *   the last card event of each card carries its state now, so a client replaying the log ends where
 *   the board snapshot is.
 */
import { appendEvents, loadCards, type Transaction, tables } from "@lattice/db";
import { and, eq, sql } from "drizzle-orm";
import {
  type Blocking,
  type Card,
  type Comment,
  DAY_MS,
  type DraftEvent,
  draft,
  mulberry32,
  spaceChannel,
} from "../packages/domain/src/index.js";
import type { planHistory } from "./demo-history.js";

type PlannedCard = ReturnType<typeof planHistory>[number];

const HOUR_MS = 3_600_000;

const openBlockerReasons = [
  "Waiting for IT to set up the new survey tool",
  "Budget sign-off from finance",
  "Waiting for the supplier's quote",
  "Needs the quality team's approval first",
];

const commentBodies = [
  "Started on this today; first draft by the end of the week.",
  "Checked with the ward managers, they are on board.",
  "Can someone from facilities join the next review?",
  "Numbers from last quarter are in the shared folder.",
  "This overlaps with the training plan, let's align before going further.",
  "Done my part, handing over for review.",
  "Patients' comments this month point the same way.",
  "Moved the deadline after talking to the clinical leads.",
];

interface Planned {
  at: number;
  actorId: string;
  cardId: string | null;
  event: DraftEvent;
}

export interface DemoActivityOptions {
  space: { id: string; workspaceId: string };
  planned: readonly PlannedCard[];
  /** People who work on cards (members and owners). */
  people: readonly string[];
  blockerType: { id: string; name: string };
  now: number;
  seed: number;
}

export const writeDemoActivity = async (tx: Transaction, options: DemoActivityOptions): Promise<number> => {
  const { space, planned, people, blockerType, now } = options;
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const iso = (ms: number) => new Date(ms).toISOString();
  const inserted = planned.filter((c) => c.steps.length > 0);
  if (inserted.length === 0 || people.length === 0) return 0;

  // Who created each card, and who works on it (its responsible person, else its creator).
  const creatorOf = new Map(inserted.map((c) => [c.id, pick(people)]));
  const workerOf = (c: PlannedCard) => c.responsibleId ?? (creatorOf.get(c.id) as string);
  const perCard = (pairs: Array<[string, string]>) =>
    sql.join(
      pairs.map(([id, user]) => sql`(${id}::uuid, ${user}::uuid)`),
      sql`, `,
    );
  await tx.execute(sql`
    UPDATE cards SET created_by = v.creator FROM (VALUES ${perCard([...creatorOf])}) AS v(id, creator)
    WHERE cards.id = v.id`);
  const workers = perCard(inserted.map((c) => [c.id, workerOf(c)]));
  await tx.execute(sql`
    UPDATE card_status_changes SET actor_id = v.worker FROM (VALUES ${workers}) AS v(id, worker)
    WHERE card_status_changes.card_id = v.id`);
  await tx.execute(sql`
    UPDATE card_blockings SET blocked_by = v.worker,
      cleared_by = CASE WHEN card_blockings.cleared_at IS NULL THEN NULL ELSE v.worker END
    FROM (VALUES ${workers}) AS v(id, worker) WHERE card_blockings.card_id = v.id`);

  // Blocked now: a few cards in progress, blocked after their last move, so they have not moved since.
  const inProgress = inserted.filter(
    (c) =>
      c.archivedAt === null &&
      c.steps.at(-1)?.status.role === "in_progress" &&
      c.blockings.every((b) => b.to !== null) &&
      // Moved at least three hours ago: room for a blocking after the move and an hour before now.
      (c.steps.at(-1)?.at ?? c.createdAt) <= now - 3 * HOUR_MS,
  );
  const blockedNow = inProgress.filter(() => random() < 0.25).slice(0, 4);
  if (blockedNow.length === 0 && inProgress[0]) blockedNow.push(inProgress[0]);
  const openBlockings = blockedNow.map((card, i) => {
    const lastMove = card.steps.at(-1)?.at ?? card.createdAt;
    // Some working morning of the last week, after the card's last move.
    const day = Math.floor((now - (1 + Math.floor(random() * 6)) * DAY_MS) / DAY_MS) * DAY_MS;
    const from = Math.max(lastMove + 2 * HOUR_MS, day + (9 + random() * 6) * HOUR_MS);
    return {
      workspaceId: space.workspaceId,
      spaceId: space.id,
      cardId: card.id,
      blockerTypeId: blockerType.id,
      reason: openBlockerReasons[i % openBlockerReasons.length] as string,
      blockedBy: workerOf(card),
      blockedAt: new Date(Math.min(from, now - HOUR_MS)),
      responsibleId: card.responsibleId,
    };
  });
  if (openBlockings.length > 0) await tx.insert(tables.cardBlockings).values(openBlockings);

  // Comments while the work was going on.
  const commentRows = inserted.flatMap((card) => {
    const started = card.steps.find((s) => s.status.role === "in_progress");
    if (!started || random() > 0.35) return [];
    const end = card.steps.at(-1)?.at ?? now;
    const count = random() < 0.3 ? 2 : 1;
    return Array.from({ length: count }, () => {
      const at = Math.min(started.at + random() * Math.max(HOUR_MS, end - started.at), now - HOUR_MS);
      return {
        workspaceId: space.workspaceId,
        spaceId: space.id,
        cardId: card.id,
        authorId: random() < 0.6 ? workerOf(card) : pick(people),
        body: pick(commentBodies),
        createdAt: new Date(at),
        updatedAt: new Date(at),
      };
    });
  });
  const comments =
    commentRows.length === 0 ? [] : await tx.insert(tables.comments).values(commentRows).returning();

  // The cards as they are now, and every blocking of the space with its times.
  const finalCards = new Map(
    (await loadCards(tx, { spaceId: space.id, includeArchived: true })).map((c) => [c.id, c]),
  );
  const blockingRows = await tx
    .select()
    .from(tables.cardBlockings)
    .where(and(eq(tables.cardBlockings.spaceId, space.id)));
  const toBlocking = (row: (typeof blockingRows)[number], cleared: boolean): Blocking => ({
    id: row.id,
    workspaceId: row.workspaceId,
    spaceId: row.spaceId,
    cardId: row.cardId,
    blockerTypeId: row.blockerTypeId,
    blockerName: blockerType.name,
    reason: row.reason,
    blockedBy: row.blockedBy,
    blockedAt: row.blockedAt.toISOString(),
    responsibleId: row.responsibleId,
    clearedBy: cleared ? row.clearedBy : null,
    clearedAt: cleared && row.clearedAt ? row.clearedAt.toISOString() : null,
  });

  const timeline: Planned[] = [];
  for (const card of inserted) {
    const final = finalCards.get(card.id);
    if (!final) continue;
    const worker = workerOf(card);
    const blockedAt = (t: number) =>
      blockingRows.some(
        (b) =>
          b.cardId === card.id &&
          b.blockedAt.getTime() <= t &&
          (b.clearedAt === null || b.clearedAt.getTime() > t),
      );
    /** The card as it was just after `t`, in the status it then had. */
    const stateAt = (t: number, statusId: string, completedAt: number | null): Card => ({
      ...final,
      statusId,
      completedAt: completedAt === null ? null : iso(completedAt),
      archivedAt: null,
      isBlocked: blockedAt(t),
      updatedAt: iso(t),
    });
    let completedSince: number | null = null;
    card.steps.forEach((step, i) => {
      const previous = card.steps[i - 1];
      completedSince =
        step.status.role === "completed"
          ? previous?.status.role === "completed"
            ? completedSince
            : step.at
          : null;
      const state = stateAt(step.at, step.status.id, completedSince);
      timeline.push(
        previous
          ? {
              at: step.at,
              actorId: worker,
              cardId: card.id,
              event: draft(spaceChannel(space.id), "card.moved", {
                card: state,
                fromStatusId: previous.status.id,
              }),
            }
          : {
              at: card.createdAt,
              actorId: creatorOf.get(card.id) as string,
              cardId: card.id,
              event: draft(spaceChannel(space.id), "card.created", { card: { ...state, isBlocked: false } }),
            },
      );
    });
    const statusAt = (t: number) => [...card.steps].reverse().find((s) => s.at <= t) ?? card.steps[0];
    for (const row of blockingRows.filter((b) => b.cardId === card.id)) {
      for (const [at, cleared] of [
        [row.blockedAt.getTime(), false],
        ...(row.clearedAt ? [[row.clearedAt.getTime(), true] as const] : []),
      ] as const) {
        const step = statusAt(at);
        if (!step) continue;
        const completed = step.status.role === "completed" ? step.at : null;
        const actorId = (cleared ? row.clearedBy : row.blockedBy) ?? worker;
        timeline.push(
          {
            at,
            actorId,
            cardId: null,
            event: draft(spaceChannel(space.id), cleared ? "blocking.cleared" : "blocking.created", {
              blocking: toBlocking(row, cleared),
            }),
          },
          {
            at,
            actorId,
            cardId: card.id,
            event: draft(spaceChannel(space.id), "card.updated", {
              card: stateAt(at + 1, step.status.id, completed),
            }),
          },
        );
      }
    }
    if (card.archivedAt !== null) {
      timeline.push({
        at: card.archivedAt,
        actorId: worker,
        cardId: card.id,
        event: draft(spaceChannel(space.id), "card.updated", { card: final }),
      });
    }
  }
  for (const row of comments) {
    const comment: Comment = {
      id: row.id,
      workspaceId: row.workspaceId,
      spaceId: row.spaceId,
      cardId: row.cardId,
      authorId: row.authorId,
      body: row.body,
      mentionIds: [],
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
    timeline.push({
      at: row.createdAt.getTime(),
      actorId: row.authorId ?? (people[0] as string),
      cardId: null,
      event: draft(spaceChannel(space.id), "comment.created", { comment }),
    });
  }

  // Time order (a card.updated right after the blocking event it goes with), and each card's last
  // event carries the card as it is now.
  const ordered = timeline
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
    .map(({ entry }) => entry);
  const lastOfCard = new Map<string, number>();
  ordered.forEach((entry, i) => {
    if (entry.cardId) lastOfCard.set(entry.cardId, i);
  });
  for (const [cardId, i] of lastOfCard) {
    const entry = ordered[i];
    const final = finalCards.get(cardId);
    if (!entry || !final) continue;
    const event = entry.event;
    if (event.type === "card.moved")
      entry.event = draft(event.channel, "card.moved", { ...event.payload, card: final });
    else if (event.type === "card.created" || event.type === "card.updated")
      entry.event = draft(event.channel, event.type, { card: final });
  }

  const appended = await appendEvents(
    tx,
    ordered.map((e) => e.event),
    { actorId: null, mutationId: null },
  );
  // appendEvents stamps the present and one actor; the history has its own.
  const stamps = appended.map((event, i) => {
    const entry = ordered[i] as Planned;
    return sql`(${event.seq}::bigint, ${iso(entry.at)}::timestamptz, ${entry.actorId}::uuid)`;
  });
  for (let i = 0; i < stamps.length; i += 2000) {
    await tx.execute(sql`
      UPDATE events SET at = v.at, actor_id = v.actor
      FROM (VALUES ${sql.join(stamps.slice(i, i + 2000), sql`, `)}) AS v(seq, at, actor)
      WHERE events.channel = ${spaceChannel(space.id)} AND events.seq = v.seq`);
  }
  return appended.length;
};

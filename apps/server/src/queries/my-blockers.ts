/**
 * Loading "My blockers" (see packages/domain/src/my-blockers.ts for what counts and the order): the
 * caller's blocked cards, then the relations that lead from them to the work waiting on them.
 *
 * Two statements whatever the size: the blocked cards with their open blockings, and a recursive walk
 * over card_relations from those cards (each step reads the relations' (kind, from) or (to) index)
 * that returns the edges it crossed and the cards it reached.
 *
 * Security: the readable spaces are computed first (the domain's role rules); a blocked card is
 * listed only in them, and a waiting card outside them is walked through but never counted or named.
 */
import { type Executor, readableSpaceIds } from "@lattice/db";
import {
  compareBlockers,
  type ImpactCard,
  type ImpactRelation,
  MY_BLOCKERS_WATCH_LIMIT,
  type MyBlocker,
  type MyBlockers,
  type RelationKind,
  type StatusRole,
  WAITING_CARDS_SHOWN,
  waitingOn,
} from "@lattice/domain";
import { type SQL, sql } from "drizzle-orm";
import { loadChannelSeqs } from "./chart-data.js";

const DAY_MS = 86_400_000;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

interface BlockedRow {
  id: string;
  workspaceId: string;
  spaceId: string;
  spaceName: string;
  name: string;
  statusName: string;
  statusRole: StatusRole;
  dueDate: string | null;
  isResponsible: boolean;
  isCoworker: boolean;
  blockings: string;
}

interface BlockingJson {
  id: string;
  blockerName: string;
  reason: string;
  blockedAt: string;
  responsibleId: string | null;
}

interface ReachedRow {
  edges: string;
  cards: string;
}

type EdgeJson = [kind: RelationKind, fromCardId: string, toCardId: string];
type CardJson = [
  id: string,
  workspaceId: string,
  spaceId: string,
  name: string,
  dueDate: string | null,
  role: StatusRole,
  isArchived: boolean,
];

/**
 * The caller's blockers, most harmful first (`now` dates the blockings' age), and the spaces to
 * follow for changes with their channels' seqs.
 */
export const loadMyBlockers = async (db: Executor, userId: string, now: number): Promise<MyBlockers> => {
  const spaceIds = await readableSpaceIds(db, userId);
  if (spaceIds.length === 0) return { items: [], watch: [] };
  // Ids are UUIDs (no quoting needed): the whole list is one parameter.
  const spaces = sql`${`{${spaceIds.join(",")}}`}::uuid[]`;
  const { items, spacesInvolved } = await loadItems(db, userId, spaces, now);
  const mine = rowsOf<{ spaceId: string }>(
    await db.execute(sql`
      SELECT DISTINCT c.space_id AS "spaceId" FROM cards c
      WHERE c.space_id = ANY(${spaces}) AND c.archived_at IS NULL
        AND (c.responsible_id = ${userId}
          OR EXISTS (SELECT 1 FROM card_coworkers w WHERE w.card_id = c.id AND w.user_id = ${userId}))
    `),
  );
  const watched = [...new Set([...spacesInvolved, ...mine.map((r) => r.spaceId)])].slice(
    0,
    MY_BLOCKERS_WATCH_LIMIT,
  );
  const seqs = await loadChannelSeqs(db, watched);
  return { items, watch: watched.map((spaceId, i) => ({ spaceId, seq: seqs[i] ?? 0 })) };
};

const loadItems = async (
  db: Executor,
  userId: string,
  spaces: SQL,
  now: number,
): Promise<{ items: MyBlocker[]; spacesInvolved: string[] }> => {
  const blocked = rowsOf<BlockedRow>(
    await db.execute(sql`
      WITH open AS (
        SELECT b.id, b.card_id, b.reason, b.blocked_at, b.responsible_id, bt.name AS blocker_name
        FROM card_blockings b JOIN blocker_types bt ON bt.id = b.blocker_type_id
        WHERE b.cleared_at IS NULL AND b.space_id = ANY(${spaces})
      )
      SELECT c.id, c.workspace_id AS "workspaceId", c.space_id AS "spaceId", sp.name AS "spaceName",
        c.name, st.name AS "statusName", st.role AS "statusRole", c.due_date::text AS "dueDate",
        c.responsible_id IS NOT DISTINCT FROM ${userId}::uuid AS "isResponsible",
        EXISTS (SELECT 1 FROM card_coworkers w WHERE w.card_id = c.id AND w.user_id = ${userId}) AS "isCoworker",
        (SELECT json_agg(json_build_object('id', o.id, 'blockerName', o.blocker_name, 'reason', o.reason,
            'blockedAt', o.blocked_at, 'responsibleId', o.responsible_id) ORDER BY o.blocked_at, o.id)::text
          FROM open o WHERE o.card_id = c.id) AS blockings
      FROM cards c
      JOIN spaces sp ON sp.id = c.space_id
      JOIN statuses st ON st.id = c.status_id
      WHERE c.archived_at IS NULL
        AND c.id IN (SELECT card_id FROM open)
        AND (c.responsible_id = ${userId}
          OR EXISTS (SELECT 1 FROM card_coworkers w WHERE w.card_id = c.id AND w.user_id = ${userId})
          OR EXISTS (SELECT 1 FROM open o WHERE o.card_id = c.id AND o.responsible_id = ${userId}))
    `),
  );
  if (blocked.length === 0) return { items: [], spacesInvolved: [] };
  const seeds = sql`${`{${blocked.map((b) => b.id).join(",")}}`}::uuid[]`;
  // A next card waits on its previous card; a parent waits on its children.
  const [reached] = rowsOf<ReachedRow>(
    await db.execute(sql`
      WITH RECURSIVE reach(card_id) AS (
        SELECT unnest(${seeds})
        UNION
        SELECT CASE WHEN r.kind = 'next' THEN r.to_card_id ELSE r.from_card_id END
        FROM reach JOIN card_relations r
          ON (r.kind = 'next' AND r.from_card_id = reach.card_id)
          OR (r.kind = 'parent' AND r.to_card_id = reach.card_id)
      )
      SELECT
        (SELECT coalesce(json_agg(json_build_array(r.kind, r.from_card_id, r.to_card_id)), '[]')::text
          FROM card_relations r
          WHERE (r.kind = 'next' AND r.from_card_id IN (SELECT card_id FROM reach))
            OR (r.kind = 'parent' AND r.to_card_id IN (SELECT card_id FROM reach))) AS edges,
        (SELECT coalesce(json_agg(json_build_array(c.id, c.workspace_id, c.space_id, c.name,
            c.due_date::text, st.role, c.archived_at IS NOT NULL)), '[]')::text
          FROM cards c JOIN statuses st ON st.id = c.status_id
          WHERE c.id IN (SELECT card_id FROM reach) AND c.space_id = ANY(${spaces})) AS cards
    `),
  );
  const relations: ImpactRelation[] = (JSON.parse(reached?.edges ?? "[]") as EdgeJson[]).map(
    ([kind, fromCardId, toCardId]) => ({ kind, fromCardId, toCardId }),
  );
  const cardRows = JSON.parse(reached?.cards ?? "[]") as CardJson[];
  const named = new Map(cardRows.map((c) => [c[0], c]));
  const impactCards = new Map<string, ImpactCard>(
    cardRows.map(([id, , , , dueDate, role, isArchived]) => [
      id,
      { id, dueDate, role, isCounted: !isArchived },
    ]),
  );
  const today = Math.floor(now / DAY_MS);
  const items = blocked
    .map((row): MyBlocker => {
      const waiting = waitingOn(row.id, relations, impactCards);
      const blockings = (JSON.parse(row.blockings) as BlockingJson[]).map((b) => {
        const blockedAt = new Date(b.blockedAt);
        return {
          ...b,
          blockedAt: blockedAt.toISOString(),
          ageDays: Math.max(0, today - Math.floor(blockedAt.getTime() / DAY_MS)),
        };
      });
      return {
        cardId: row.id,
        workspaceId: row.workspaceId,
        spaceId: row.spaceId,
        spaceName: row.spaceName,
        name: row.name,
        statusName: row.statusName,
        statusRole: row.statusRole,
        dueDate: row.dueDate,
        roles: [
          ...(blockings.some((b) => b.responsibleId === userId) ? (["clearing"] as const) : []),
          ...(row.isResponsible ? (["responsible"] as const) : []),
          ...(row.isCoworker ? (["coworker"] as const) : []),
        ],
        blockings,
        waiting: waiting.length,
        soonestDue: waiting[0]?.dueDate ?? null,
        waitingCards: waiting.slice(0, WAITING_CARDS_SHOWN).flatMap((w) => {
          const c = named.get(w.id);
          return c ? [{ id: c[0], workspaceId: c[1], spaceId: c[2], name: c[3], dueDate: c[4] }] : [];
        }),
      };
    })
    .sort(compareBlockers);
  // Blockers first, in list order: they matter most when the watch list is cut.
  const spacesInvolved = [
    ...items.flatMap((i) => [i.spaceId, ...i.waitingCards.map((w) => w.spaceId)]),
    ...cardRows.flatMap((c) => (c[6] ? [] : [c[2]])),
  ];
  return { items, spacesInvolved };
};

/**
 * Reads behind the board snapshot that the server keeps per space: what changed on a space's channel
 * between two seqs, and the relations touching the space's live cards.
 */
import type { CardRelation, RelationKind, WorkspaceRole } from "@lattice/domain";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { Database, Executor } from "./client.js";
import { fieldsOf, spaceFieldValueItems } from "./field-writes.js";
import { rolesOf, selectSpaceRoles, spaceRoles } from "./roles.js";
import { events, spaces, users } from "./schema/index.js";

/** One event of a space channel, reduced to what a board needs: its type and the card it names. */
export interface BoardChange {
  seq: number;
  type: string;
  /** The card the event names, whichever field of its payload holds it; null when none does. */
  cardId: string | null;
}

/** The events of `channel` with `after < seq <= upTo`, in seq order. */
export const boardChangesBetween = async (
  db: Executor,
  channel: string,
  after: number,
  upTo: number,
): Promise<BoardChange[]> =>
  db
    .select({
      seq: events.seq,
      type: events.type,
      cardId: sql<string | null>`coalesce(
        ${events.payload}->'card'->>'id',
        ${events.payload}->>'cardId',
        ${events.payload}->'todo'->>'cardId',
        ${events.payload}->'blocking'->>'cardId'
      )`,
    })
    .from(events)
    .where(and(eq(events.channel, channel), gt(events.seq, after), lte(events.seq, upTo)))
    .orderBy(events.seq);

/**
 * Everything a board reply reads beside the statuses and cards a server keeps per space, from one
 * statement (so from one snapshot, without a transaction): the caller's role (by the one rule of
 * roles.ts), the space, its channel's seq, and as JSON text the relations touching its live cards
 * (`relationItemsOf`), its fields and its field values (`boardFieldValuesOf`).
 */
export interface BoardView {
  space: typeof spaces.$inferSelect;
  role: WorkspaceRole;
  seq: number;
  /** `[id, workspaceId, kind, fromCardId, toCardId, createdAt in epoch ms]` items, oldest first. */
  relationsJson: string;
  /** The space's fields in order (`CustomField`). */
  fieldsJson: string;
  /** `[cardId, fieldId, value]` items of every card of the space, archived ones' too. */
  fieldValuesJson: string;
}

const boardViewQuery = (db: Executor) => {
  const liveCards = sql`(SELECT c.id FROM cards c WHERE c.space_id = ${spaces.id} AND c.archived_at IS NULL)`;
  return selectSpaceRoles(
    db,
    {
      space: spaces,
      seq: sql<number>`coalesce((SELECT ch.seq FROM channels ch WHERE ch.channel = 'space:' || ${spaces.id}::text), 0)`.mapWith(
        Number,
      ),
      // Each item also carries its two cards' spaces, so `loadBoardView` can leave out relations
      // into a space the reader may not read.
      relationsJson: sql<string>`(
        SELECT coalesce(json_agg(json_build_array(r.id, r.workspace_id, r.kind, r.from_card_id, r.to_card_id,
          floor(extract(epoch FROM r.created_at) * 1000), fc.space_id, tc.space_id) ORDER BY r.created_at, r.id), '[]')::text
        FROM card_relations r
        JOIN cards fc ON fc.id = r.from_card_id
        JOIN cards tc ON tc.id = r.to_card_id
        WHERE r.from_card_id IN ${liveCards} OR r.to_card_id IN ${liveCards})`,
      fieldsJson: sql<string>`${fieldsOf(sql`${spaces.id}`)}::text`,
      fieldValuesJson: sql<string>`${spaceFieldValueItems(sql`${spaces.id}`)}`,
    },
    and(eq(users.id, sql.placeholder("userId")), eq(spaces.id, sql.placeholder("spaceId"))),
  );
};

type RelationItem = [string, string, RelationKind, string, string, number];
/** A relation as the view reads it: the item, then the spaces of its from and to cards. */
type RelationRow = [...RelationItem, string, string];

/**
 * The relations `userId` may see, as `relationItemsOf` reads them: a relation whose other card is
 * in a space the reader may not read is left out, so the reply never names that card. Relations
 * within the space (the usual case) cost no query.
 */
const readableRelationsJson = async (
  db: Executor,
  userId: string,
  spaceId: string,
  relationsJson: string,
): Promise<string> => {
  const rows = JSON.parse(relationsJson) as RelationRow[];
  const elsewhere = new Set<string>();
  for (const row of rows) for (const end of [row[6], row[7]]) if (end !== spaceId) elsewhere.add(end);
  const readable = new Set([spaceId]);
  if (elsewhere.size > 0)
    for (const role of await spaceRoles(db, { userIds: [userId], spaceIds: [...elsewhere] }))
      readable.add(role.spaceId);
  return JSON.stringify(
    rows
      .filter((row) => readable.has(row[6]) && readable.has(row[7]))
      .map((row): RelationItem => [row[0], row[1], row[2], row[3], row[4], row[5]]),
  );
};

/** Prepared once per database (parsed and planned once per connection): every board read makes it. */
const boardViews = new WeakMap<Database, ReturnType<ReturnType<typeof boardViewQuery>["prepare"]>>();

/**
 * The board view of `spaceId` for `userId`, or null when the person may not know the space exists.
 * Inside a transaction it reads that transaction's snapshot.
 */
export const loadBoardView = async (
  db: Executor,
  userId: string,
  spaceId: string,
): Promise<BoardView | null> => {
  let statement = boardViews.get(db as Database);
  if (!statement) {
    statement = boardViewQuery(db).prepare("lattice_board_view");
    // A transaction's statement is its own; only a database's is kept.
    if (!("rollback" in db)) boardViews.set(db, statement);
  }
  const [row] = await statement.execute({ userId, spaceId });
  if (!row) return null;
  const { role } = rolesOf(row);
  if (!role) return null;
  return {
    space: row.space,
    role,
    seq: row.seq,
    relationsJson: await readableRelationsJson(db, userId, spaceId, row.relationsJson),
    fieldsJson: row.fieldsJson,
    fieldValuesJson: row.fieldValuesJson,
  };
};

/** The relations of `BoardView.relationsJson`: those touching the space's live cards, oldest first. */
export const relationItemsOf = (relationsJson: string): CardRelation[] =>
  (JSON.parse(relationsJson) as RelationItem[]).map(
    ([id, workspaceId, kind, fromCardId, toCardId, createdAtMs]) => ({
      id,
      workspaceId,
      kind,
      fromCardId,
      toCardId,
      createdAt: new Date(createdAtMs).toISOString(),
    }),
  );

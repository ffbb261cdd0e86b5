/**
 * The SQL of card relations. Creation is serialized per workspace (an advisory lock), so two
 * concurrent relations cannot together close a cycle that neither closes alone; the cycle rule
 * itself is the domain's `createRelation`.
 */
import type { CardRelation, Edge, RelationEnd, RelationKind } from "@lattice/domain";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { cardRelations } from "./schema/index.js";
import { json, roleFactsOf, roleFromFacts, rowsOf, uuids } from "./write-sql.js";

/** The cards `cardIds` as relation ends, with the actor's role on each one's space. */
export const loadRelationEnds = async (
  db: Executor,
  actorId: string,
  cardIds: readonly string[],
): Promise<Map<string, RelationEnd>> => {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT c.id, c.workspace_id, c.space_id, c.name,
        ${roleFactsOf(sql`c.space_id`, sql`${actorId}::uuid`)} AS role_facts
      FROM cards c WHERE c.id = ANY(${uuids(cardIds)})`),
  );
  return new Map(
    rows.map((row) => [
      row.id as string,
      {
        id: row.id as string,
        workspaceId: row.workspace_id as string,
        spaceId: row.space_id as string,
        name: row.name as string,
        role: roleFromFacts(json(row.role_facts)),
      },
    ]),
  );
};

/** Serializes relation changes in a workspace until the transaction ends. */
export const lockRelations = async (db: Executor, workspaceId: string): Promise<void> => {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`lattice:relations:${workspaceId}`}))`);
};

/** A workspace's relations of one kind, and the names of the cards they touch, in one statement. */
export const loadRelationGraph = async (
  db: Executor,
  workspaceId: string,
  kind: RelationKind,
): Promise<{ edges: Edge[]; names: Record<string, string>; spaceOf: Record<string, string> }> => {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT r.from_card_id, r.to_card_id, fc.name AS from_name, tc.name AS to_name,
        fc.space_id AS from_space_id, tc.space_id AS to_space_id
      FROM card_relations r
      JOIN cards fc ON fc.id = r.from_card_id
      JOIN cards tc ON tc.id = r.to_card_id
      WHERE r.workspace_id = ${workspaceId}::uuid AND r.kind = ${kind}`),
  );
  const names: Record<string, string> = {};
  const spaceOf: Record<string, string> = {};
  const edges = rows.map((row) => {
    names[row.from_card_id as string] = row.from_name as string;
    names[row.to_card_id as string] = row.to_name as string;
    spaceOf[row.from_card_id as string] = row.from_space_id as string;
    spaceOf[row.to_card_id as string] = row.to_space_id as string;
    return { from: row.from_card_id as string, to: row.to_card_id as string };
  });
  return { edges, names, spaceOf };
};

export const toRelation = (row: typeof cardRelations.$inferSelect): CardRelation => ({
  id: row.id,
  workspaceId: row.workspaceId,
  kind: row.kind,
  fromCardId: row.fromCardId,
  toCardId: row.toCardId,
  createdAt: row.createdAt.toISOString(),
});

export const loadRelation = async (db: Executor, relationId: string): Promise<CardRelation | null> => {
  const [row] = await db.select().from(cardRelations).where(eq(cardRelations.id, relationId));
  return row ? toRelation(row) : null;
};

export const persistRelation = async (
  db: Executor,
  relation: CardRelation,
  kind: "created" | "deleted",
  actorId: string,
): Promise<void> => {
  if (kind === "created") {
    await db.insert(cardRelations).values({
      id: relation.id,
      workspaceId: relation.workspaceId,
      kind: relation.kind,
      fromCardId: relation.fromCardId,
      toCardId: relation.toCardId,
      createdBy: actorId,
      createdAt: new Date(relation.createdAt),
    });
  } else {
    await db.delete(cardRelations).where(eq(cardRelations.id, relation.id));
  }
};

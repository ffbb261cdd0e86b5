/**
 * The SQL of a space's labels: the context (the actor's role on the space, the label, and for a
 * removal the whole cards that carry it) read after the space's lock.
 */
import type { Card, Label, WorkspaceRole } from "@lattice/domain";
import { eq, sql } from "drizzle-orm";
import { persistCardTouches } from "./card-writes.js";
import { loadCards } from "./cards.js";
import type { Executor } from "./client.js";
import { labels } from "./schema/index.js";
import { ids, json, roleFactsOf, roleFromFacts, rowsOf } from "./write-sql.js";

export interface LoadedLabelContext {
  role: WorkspaceRole | null;
  space: { id: string; workspaceId: string } | null;
  label: Label | null;
  /** The cards carrying the label (loaded only when asked, for a removal). */
  cards: Card[];
}

export const loadLabelContext = async (
  db: Executor,
  actorId: string,
  of: { spaceId: string } | { labelId: string; withCards?: boolean },
): Promise<LoadedLabelContext> => {
  const isByLabel = "labelId" in of;
  const spaceId = isByLabel
    ? sql`(SELECT space_id FROM labels WHERE id = ${of.labelId}::uuid)`
    : sql`${of.spaceId}::uuid`;
  const labelOf = isByLabel
    ? sql`(SELECT json_build_object('id', l.id, 'workspaceId', l.workspace_id, 'spaceId', l.space_id,
          'name', l.name, 'color', l.color, 'serviceLevelDays', l.service_level_days) FROM labels l WHERE l.id = ${of.labelId}::uuid)`
    : sql`NULL::json`;
  const cardIdsOf = isByLabel
    ? sql`(SELECT coalesce(array_agg(card_id), '{}') FROM card_labels WHERE label_id = ${of.labelId}::uuid)`
    : sql`'{}'::uuid[]`;
  const [row] = rowsOf(
    await db.execute(sql`
      SELECT s.id, s.workspace_id, ${roleFactsOf(sql`s.id`, sql`${actorId}::uuid`)} AS role_facts,
        ${labelOf} AS label, ${cardIdsOf} AS card_ids
      FROM spaces s WHERE s.id = ${spaceId}`),
  );
  if (!row) return { role: null, space: null, label: null, cards: [] };
  const cardIds = ids(row.card_ids);
  return {
    role: roleFromFacts(json(row.role_facts)),
    space: { id: row.id as string, workspaceId: row.workspace_id as string },
    label: row.label ? json<Label>(row.label) : null,
    cards: isByLabel && of.withCards && cardIds.length > 0 ? await loadCards(db, { ids: cardIds }) : [],
  };
};

export const persistLabel = async (
  db: Executor,
  label: Label,
  kind: "created" | "updated" | "deleted",
  touched: readonly Card[] = [],
): Promise<void> => {
  if (kind === "created") {
    await db.insert(labels).values(label);
  } else if (kind === "updated") {
    await db
      .update(labels)
      .set({ name: label.name, color: label.color, serviceLevelDays: label.serviceLevelDays })
      .where(eq(labels.id, label.id));
  } else {
    // The foreign key takes it off its cards; they are announced again with a new version.
    await db.delete(labels).where(eq(labels.id, label.id));
    await persistCardTouches(db, touched);
  }
};

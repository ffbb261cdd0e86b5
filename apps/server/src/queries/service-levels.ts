/**
 * The service-level targets a space's cards carry through their labels: for each card with at least
 * one targeted label, those labels' targets (the strictest wins, in the domain). One indexed read.
 */
import { type Executor, tables } from "@lattice/db";
import { and, eq, isNotNull } from "drizzle-orm";

export const loadLabelTargets = async (db: Executor, spaceId: string): Promise<Map<string, number[]>> => {
  const { cardLabels, labels } = tables;
  const rows = await db
    .select({ cardId: cardLabels.cardId, days: labels.serviceLevelDays })
    .from(labels)
    .innerJoin(cardLabels, eq(cardLabels.labelId, labels.id))
    .where(and(eq(labels.spaceId, spaceId), isNotNull(labels.serviceLevelDays)));
  const byCard = new Map<string, number[]>();
  for (const { cardId, days } of rows) {
    if (days === null) continue;
    const list = byCard.get(cardId);
    if (list) list.push(days);
    else byCard.set(cardId, [days]);
  }
  return byCard;
};

/**
 * What the board canvas draws: the board's columns narrowed by the filters and, when grouped, cut
 * into swimlanes (one cell per lane and column); and what a card dropped into another lane changes.
 */
import {
  type BoardState,
  boardColumns,
  type Card,
  type Label,
  type Member,
  orderedFields,
} from "@lattice/domain";
import { useCallback, useMemo } from "react";
import { translate } from "../../lib/i18n/i18n";
import { cardUpdatesOrRefusal, useBoard } from "../../store/board";
import { toast } from "../../store/toasts";
import { localToday } from "../filters/dates";
import { activeFilterCount, type BoardFilters, type Grouping, matchesFilters } from "../filters/filters";
import { type LaneFields, laneChange, laneKeyOf, lanesFor } from "../filters/swimlanes";
import type { Column, LaneBand, LaneMove } from "./drag-layout";

export const useBoardCells = (
  view: BoardState,
  filters: BoardFilters,
  grouping: Grouping,
  isAtRisk: (cardId: string) => boolean,
  members: Member[],
  labels: Label[],
) => {
  const columns = useMemo(() => boardColumns(view), [view]);
  const today = localToday();
  const isFiltered = activeFilterCount(filters) > 0;
  const filtered = useMemo<Column[]>(
    () =>
      columns.map((column) => {
        if (!isFiltered) return column;
        const cards = column.cards.filter((card) =>
          matchesFilters(
            card,
            column.status.role,
            filters,
            today,
            view.fieldValues?.[card.id],
            isAtRisk(card.id),
          ),
        );
        return { ...column, cards, total: column.cards.length };
      }),
    [columns, filters, isFiltered, today, view.fieldValues, isAtRisk],
  );
  const fields = useMemo(() => orderedFields({ fields: view.fields ?? {} }), [view.fields]);
  const laneFields = useMemo<LaneFields>(
    () => ({ fields: view.fields ?? {}, values: view.fieldValues ?? {} }),
    [view.fields, view.fieldValues],
  );
  const shownCount = filtered.reduce((sum, c) => sum + c.cards.length, 0);
  const totalCount = columns.reduce((sum, c) => sum + c.cards.length, 0);
  const people = useMemo(() => members.map((m) => ({ id: m.userId, name: m.name })), [members]);
  const { lanes, cells } = useMemo((): { lanes: LaneBand[] | undefined; cells: Column[] } => {
    if (grouping === "none") return { lanes: undefined, cells: filtered };
    const cards: Card[] = filtered.flatMap((c) => c.cards);
    const bands = lanesFor(grouping, cards, today, people, labels, laneFields);
    // A grouping by a field that is gone (or cannot make lanes) shows the board without lanes.
    if (bands.length === 1 && bands[0]?.key === "all") return { lanes: undefined, cells: filtered };
    const out: Column[] = [];
    for (const lane of bands) {
      for (const column of filtered) {
        out.push({
          status: column.status,
          laneKey: lane.key,
          cards: column.cards.filter(
            (card) => laneKeyOf(card, grouping, today, labels, laneFields) === lane.key,
          ),
        });
      }
    }
    return { lanes: bands, cells: out };
  }, [grouping, filtered, today, people, labels, laneFields]);
  return { columns, fields, shownCount, totalCount, lanes, cells };
};

/** A card dropped into another lane: checked by the domain's rules first, then changed. */
export const useLaneMove = (grouping: Grouping): LaneMove =>
  useCallback(
    (cardId, fromLane, toLane, phase) => {
      const board = useBoard.getState();
      const current = board.view.cards[cardId];
      if (!current) return false;
      const { fields: fieldsById, fieldValues } = board.view;
      const change = laneChange(current, grouping, fromLane, toLane, localToday(), {
        fields: fieldsById ?? {},
        values: fieldValues ?? {},
      });
      if (change.kind === "refused") {
        if (phase === "check") toast.error(change.reason);
        return false;
      }
      if (change.kind === "none") return true;
      if (change.kind === "field") {
        if (phase === "apply") void board.setCardField(cardId, change.fieldId, change.value);
        return true;
      }
      const label = translate("errors.action.update", { name: current.name });
      if (phase === "check") {
        // The domain's own rules (dates, role) refuse the drop before anything moves.
        return cardUpdatesOrRefusal(label, [{ card: current, body: change.patch }]) !== null;
      }
      void board.changeCard(current, change.patch, label);
      return true;
    },
    [grouping],
  );

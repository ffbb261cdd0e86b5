/**
 * What a screen reader hears while a card or column is dragged: picked up, over which place (or
 * that a blocked card stays in its column), dropped, cancelled. It reads the layout as shown, so
 * the words match what sighted people see.
 */
import type { Announcements } from "@dnd-kit/core";
import type { Translator } from "../../lib/i18n/i18n";
import { type Column, cellIdOf, type Drag, landing, statusOfColumnId } from "./drag-layout";

type Ref<T> = { readonly current: T };

/** The names the announcements say, read from the layout as shown. */
export const dragNames = (shownRef: Ref<Column[]>, t: Translator["t"]) => {
  const cardName = (id: string) =>
    shownRef.current.flatMap((c) => c.cards).find((c) => c.id === id)?.name ?? t("board.drag.aCard");
  // A blocked card keeps its status (the domain's rule): it is never shown or announced elsewhere.
  const blockedHome = (id: string) => {
    const home = shownRef.current.find((c) => c.cards.some((card) => card.id === id));
    return home?.cards.find((card) => card.id === id)?.isBlocked ? home : null;
  };
  const columnName = (id: string) =>
    shownRef.current.find((c) => cellIdOf(c) === id || c.status.id === id)?.status.name ??
    t("board.drag.theColumn");
  return { cardName, blockedHome, columnName };
};

export const dragAnnouncements = (
  shownRef: Ref<Column[]>,
  dragRef: Ref<Drag | null>,
  columnIds: string[],
  t: Translator["t"],
): Announcements => {
  const { cardName, blockedHome, columnName } = dragNames(shownRef, t);
  return {
    onDragStart: ({ active }) => {
      const statusId = statusOfColumnId(String(active.id));
      return statusId
        ? t("board.drag.pickedColumn", { column: columnName(statusId) })
        : t("board.drag.pickedCard", { card: cardName(String(active.id)) });
    },
    onDragOver: ({ active, over }) => {
      const statusId = statusOfColumnId(String(active.id));
      if (statusId) {
        const target = over ? columnIds.indexOf(String(over.id)) : -1;
        return target >= 0
          ? t("board.drag.columnMoved", { position: target + 1, count: columnIds.length })
          : undefined;
      }
      if (!over) return t("board.drag.notOver");
      // Over its own place: nothing moved (and "Picked up…" must not be talked over).
      if (over.id === active.id) return undefined;
      const place = landing(shownRef.current, String(active.id), String(over.id));
      if (!place) return undefined;
      const blockedIn = blockedHome(String(active.id));
      if (blockedIn && place.column.status.id !== blockedIn.status.id)
        return t("board.drag.blockedOver", { column: blockedIn.status.name });
      return t("board.drag.cardMoved", {
        column: place.column.status.name,
        position: place.index + 1,
        count: place.cards.length,
      });
    },
    onDragEnd: ({ active, over }) => {
      const statusId = statusOfColumnId(String(active.id));
      if (statusId) return t("board.drag.droppedColumn", { column: columnName(statusId) });
      const place = landing(shownRef.current, String(active.id), over ? String(over.id) : null);
      const name = cardName(String(active.id));
      if (!place) return t("board.drag.droppedCard", { card: name });
      const blockedIn = blockedHome(String(active.id));
      if (blockedIn && place.column.status.id !== blockedIn.status.id)
        return t("board.drag.blockedDropped", { card: name, column: blockedIn.status.name });
      return t("board.drag.droppedCardAt", {
        card: name,
        column: place.column.status.name,
        position: place.index + 1,
        count: place.cards.length,
      });
    },
    onDragCancel: ({ active }) => {
      const statusId = statusOfColumnId(String(active.id));
      if (statusId) return t("board.drag.cancelledColumn", { column: columnName(statusId) });
      const current = dragRef.current;
      const from = current?.kind === "card" ? columnName(current.fromStatusId) : t("board.drag.itsColumn");
      return t("board.drag.cancelledCard", { card: cardName(String(active.id)), column: from });
    },
  };
};

import { Action, can } from "@lattice/domain";
import { useState } from "react";
import { useNavigate } from "react-router";
import { describeError } from "../../api/client";
import { api } from "../../api/endpoints";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { useWorkspaces } from "../../store/workspaces";
import { Button } from "../../ui/button";

/**
 * Sends a card to another space and tells the person how it went (true when it moved). Both boards
 * learn of it from the server's events.
 */
/** One empty list, so the selector returns the same value while the tree is not loaded (a new [] each time re-renders forever). */
const noSpaces: never[] = [];

export const sendCardToSpace = async (
  card: { id: string; name: string },
  target: { id: string; name: string },
): Promise<boolean> => {
  try {
    await api.moveCardToSpace(card.id, { spaceId: target.id });
    toast.success(translate("card.move.moved", { name: card.name, space: target.name }));
    return true;
  } catch (error) {
    toast.error(translate("card.move.moveFailed", { name: card.name, reason: describeError(error) }));
    return false;
  }
};

/** The space a sidebar row names under a point of the screen (a card dropped there), if any. */
export const spaceRowAt = (x: number, y: number): { id: string; name: string } | null => {
  for (const element of document.elementsFromPoint(x, y)) {
    const row = element.closest<HTMLElement>("[data-drop-space-id]");
    if (row?.dataset.dropSpaceId)
      return { id: row.dataset.dropSpaceId, name: row.dataset.dropSpaceName ?? "" };
  }
  return null;
};

/**
 * "Move to space…" and "Copy": the card goes to (or is copied into) another space of its workspace
 * that the person may add cards to. The server decides where it lands and what comes along; the
 * boards learn it from the events, so nothing is applied here before the answer.
 */
const copyParts = [
  { part: "todos", label: "card.section.todos" },
  { part: "relations", label: "card.section.relations" },
  { part: "documents", label: "card.section.documents" },
] as const;

export const SpaceMoveControls = ({
  cardId,
  cardName,
  workspaceId,
  spaceId,
}: {
  cardId: string;
  cardName: string;
  workspaceId: string;
  spaceId: string;
}) => {
  const { t } = useTranslator();
  const navigate = useNavigate();
  const spaces = useWorkspaces((s) => s.trees[workspaceId]?.tree?.spaces ?? noSpaces);
  const writable = spaces.filter((s) => s.archivedAt === null && can(s.role, Action.writeCards));
  const others = writable.filter((s) => s.id !== spaceId);
  const [targetId, setTargetId] = useState("");
  const [include, setInclude] = useState({ todos: true, relations: false, documents: false });
  const [isBusy, setIsBusy] = useState(false);
  const target = writable.find((s) => s.id === targetId) ?? null;

  const handleMove = async () => {
    if (!target) return;
    setIsBusy(true);
    const isMoved = await sendCardToSpace({ id: cardId, name: cardName }, target);
    setIsBusy(false);
    if (isMoved) void navigate(`/w/${workspaceId}/s/${target.id}/c/${cardId}`);
  };

  const handleCopy = async () => {
    setIsBusy(true);
    try {
      const copy = await api.copyCard(cardId, {
        ...(target ? { spaceId: target.id } : {}),
        include,
      });
      toast.success(
        target
          ? translate("card.move.copiedTo", { name: copy.name, space: target.name })
          : translate("card.move.copied", { name: copy.name }),
      );
      void navigate(`/w/${workspaceId}/s/${copy.spaceId}/c/${copy.id}`);
    } catch (error) {
      toast.error(translate("card.move.copyFailed", { name: cardName, reason: describeError(error) }));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="space-move">
      <label className="move-controls-label" htmlFor={`move-space-${cardId}`}>
        {t("card.move.toSpace")}
      </label>
      <select
        id={`move-space-${cardId}`}
        className="input select move-controls-select"
        value={targetId}
        onChange={(e) => setTargetId(e.target.value)}
      >
        <option value="">{others.length > 0 ? t("card.move.thisSpace") : t("card.move.noOtherSpace")}</option>
        {others.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <div className="button-group">
        <Button size="sm" disabled={!target || isBusy} onClick={() => void handleMove()}>
          {t("card.move.move")}
        </Button>
        <Button size="sm" disabled={isBusy} onClick={() => void handleCopy()}>
          {target ? t("card.move.copyTo", { space: target.name }) : t("card.move.copy")}
        </Button>
      </div>
      <fieldset className="space-move-options">
        <legend>{t("card.move.copyWith")}</legend>
        {copyParts.map(({ part, label }) => (
          <label key={part} className="space-move-option">
            <input
              type="checkbox"
              checked={include[part]}
              onChange={(e) => setInclude((now) => ({ ...now, [part]: e.target.checked }))}
            />{" "}
            {t(label)}
          </label>
        ))}
      </fieldset>
    </div>
  );
};

/**
 * A card opened from a planning view stays over that view: its panel has the view's own route
 * (`…/gantt/c/:cardId`), keeps the view's filters in the query string, and closing returns to it.
 */
import { useCallback } from "react";
import { useLocation, useParams } from "react-router";
import { LazyCardPanel as CardPanel } from "../card-detail/lazy-card-panel";

export type PlanningView = "list" | "calendar" | "gantt";

/** The address that opens a card's panel over the given view. */
export const useCardHref = (view: PlanningView): ((cardId: string) => string) => {
  const { workspaceId = "", spaceId = "" } = useParams();
  const { search } = useLocation();
  return useCallback(
    (cardId: string) => `/w/${workspaceId}/s/${spaceId}/${view}/c/${cardId}${search}`,
    [workspaceId, spaceId, view, search],
  );
};

/** The card panel, when the address names a card. */
export const PlanningCardPanel = ({ view }: { view: PlanningView }) => {
  const { workspaceId = "", spaceId = "", cardId } = useParams();
  const { search } = useLocation();
  if (!cardId) return null;
  return (
    <CardPanel
      key={cardId}
      cardId={cardId}
      workspaceId={workspaceId}
      spaceId={spaceId}
      closeHref={`/w/${workspaceId}/s/${spaceId}/${view}${search}`}
    />
  );
};

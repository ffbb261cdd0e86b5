/**
 * The card panel (with Markdown, the sanitizer and the date picker) loads when a card is first opened,
 * or before, when the browser is idle or a card's link is hovered. Its skeleton holds the panel's place.
 */
import { type ComponentProps, Suspense } from "react";
import { onDemand } from "../../lib/on-demand";
import { CardPanelSkeleton } from "../../ui/skeleton";

export const CardPanelOnDemand = onDemand(
  () => import("./card-panel"),
  (m) => m.CardPanel,
);

export const LazyCardPanel = (props: ComponentProps<typeof CardPanelOnDemand>) => (
  <Suspense fallback={<CardPanelSkeleton />}>
    <CardPanelOnDemand {...props} />
  </Suspense>
);

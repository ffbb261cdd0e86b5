/**
 * The age of an in-progress card against its space's service level, on the card's front, in the
 * List and in My work: "9 d · at risk", coloured green, amber or red (the words carry the meaning,
 * the colour only repeats it).
 */
import { type AgingRisk, agingRiskText } from "@lattice/domain";
import { useCardAging } from "./aging-store";
import "./aging.css";

export const ageBadgeText = (ageDays: number, risk: AgingRisk | null): string =>
  risk === null ? `${ageDays} d` : `${ageDays} d · ${agingRiskText[risk]}`;

export const AgeBadge = ({ ageDays, risk }: { ageDays: number; risk: AgingRisk | null }) => (
  <span
    className={`age-badge risk-${risk ?? "none"}`}
    title={`In progress for ${ageDays} calendar day${ageDays === 1 ? "" : "s"}${risk ? `: ${agingRiskText[risk]}` : ""}`}
    data-testid="age-badge"
  >
    {ageBadgeText(ageDays, risk)}
  </span>
);

/** The badge of a card of a space whose aging the view loaded (`useSpaceAging`); nothing otherwise. */
export const CardAgeBadge = ({ spaceId, cardId }: { spaceId: string; cardId: string }) => {
  const aging = useCardAging(spaceId, cardId);
  return aging ? <AgeBadge ageDays={aging.ageDays} risk={aging.risk} /> : null;
};

/**
 * The age of an in-progress card against its space's service level, on the card's front, in the
 * List and in My work: "9 d · at risk", coloured green, amber or red (the words carry the meaning,
 * the colour only repeats it).
 */
import type { AgingRisk } from "@lattice/domain";
import { type MessageKey, translate, useTranslator } from "../../lib/i18n/i18n";
import { useCardAging } from "./aging-store";
import "./aging.css";

/** The message of each risk's words. */
export const agingRiskKeys: Record<AgingRisk, MessageKey> = {
  on_track: "aging.risk.onTrack",
  at_risk: "aging.risk.atRisk",
  breached: "aging.risk.breached",
};

/** "9 d · at risk", in the current language. */
export const ageBadgeText = (ageDays: number, risk: AgingRisk | null): string =>
  risk === null
    ? translate("aging.badge", { days: ageDays })
    : translate("aging.badgeRisk", { days: ageDays, risk: translate(agingRiskKeys[risk]) });

export const AgeBadge = ({ ageDays, risk }: { ageDays: number; risk: AgingRisk | null }) => {
  const { t } = useTranslator();
  return (
    <span
      className={`age-badge risk-${risk ?? "none"}`}
      title={
        risk
          ? t("aging.titleRisk", { days: ageDays, risk: t(agingRiskKeys[risk]) })
          : t("aging.title", { days: ageDays })
      }
      data-testid="age-badge"
    >
      {risk === null
        ? t("aging.badge", { days: ageDays })
        : t("aging.badgeRisk", { days: ageDays, risk: t(agingRiskKeys[risk]) })}
    </span>
  );
};

/** The badge of a card of a space whose aging the view loaded (`useSpaceAging`); nothing otherwise. */
export const CardAgeBadge = ({ spaceId, cardId }: { spaceId: string; cardId: string }) => {
  const aging = useCardAging(spaceId, cardId);
  return aging ? <AgeBadge ageDays={aging.ageDays} risk={aging.risk} /> : null;
};

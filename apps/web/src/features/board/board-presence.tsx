/** Who else has the board open, and which cards they look at (presence from the space channel). */
import { type BoardState, type PresenceEntry, spaceChannel } from "@lattice/domain";
import { useMemo } from "react";
import { useTranslator } from "../../lib/i18n/i18n";
import { useSync } from "../../sync/live";
import { Avatar } from "../../ui/avatar";

/** The other people present (one entry each) and, per card, who is looking at it. */
export const useBoardPresence = (spaceId: string, myUserId: string | null) => {
  const presence = useSync((s) => s.presence[spaceChannel(spaceId)]);
  const others = useMemo(() => {
    const byUser = new Map<string, PresenceEntry>();
    for (const entry of presence ?? []) if (entry.userId !== myUserId) byUser.set(entry.userId, entry);
    return [...byUser.values()];
  }, [presence, myUserId]);
  const viewersByCard = useMemo(() => {
    const map = new Map<string, PresenceEntry[]>();
    for (const entry of presence ?? []) {
      if (entry.userId === myUserId || !entry.cardId) continue;
      map.set(entry.cardId, [...(map.get(entry.cardId) ?? []), entry]);
    }
    return map;
  }, [presence, myUserId]);
  return { others, viewersByCard };
};

/** The header's faces of the others present: five at most, then how many more. */
export const PresenceList = ({ others, cards }: { others: PresenceEntry[]; cards: BoardState["cards"] }) => {
  const { t } = useTranslator();
  if (others.length === 0) return null;
  return (
    <ul className="presence-list" aria-label={t("board.presence.label")}>
      {others.slice(0, 5).map((entry) => (
        <li key={entry.userId} className="presence-item">
          <Avatar name={entry.name} seed={entry.userId} size={26} />
          <span className="visually-hidden">
            {entry.cardId
              ? t("board.presence.lookingAt", {
                  name: entry.name,
                  card: cards[entry.cardId]?.name ?? t("board.presence.aCard"),
                })
              : entry.name}
          </span>
        </li>
      ))}
      {others.length > 5 ? (
        <li className="presence-more">{t("board.presence.more", { count: others.length - 5 })}</li>
      ) : null}
    </ul>
  );
};

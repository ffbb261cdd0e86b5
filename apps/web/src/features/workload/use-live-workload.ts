/**
 * Follows the spaces a Workload view shows from the seqs its reply named, and observes the workspace's
 * channel (followed by the app for its tree). A card's own change (`card.updated`: a teammate dragged
 * it, changed its dates or people) is handed over at once so the view redraws it without asking the
 * server; anything else on the spaces (a card created, moved to another status, blocked, deleted, a
 * space's members changed, a reload) asks for the view again. On the workspace channel, what changes
 * the rows asks again too: a person added or removed, a role or capacity changed, a space created,
 * moved or deleted, access changed; the rest of it (the workspace's name, folders, invitations) does not.
 */
import { type Card, workspaceChannel } from "@lattice/domain";
import { useMemo } from "react";
import { useLiveSpaces, type Watched } from "../my-blockers/use-live-spaces";

export interface LiveHandlers {
  onCard: (card: Card) => void;
  onOther: () => void;
}

/** Events (of the workspace channel) after which the rows and the spaces shown are as they were. */
const keepsRows: ReadonlySet<string> = new Set([
  "workspace.created",
  "workspace.updated",
  "folder.created",
  "folder.updated",
  "invitations.changed",
]);

export const useLiveWorkload = (
  watch: readonly Watched[] | null,
  workspaceId: string,
  handlers: LiveHandlers,
) => {
  const also = useMemo(() => (workspaceId ? [workspaceChannel(workspaceId)] : []), [workspaceId]);
  useLiveSpaces(
    watch,
    (event) => {
      if (event?.type === "card.updated") handlers.onCard(event.payload.card);
      else if (event === null || !keepsRows.has(event.type)) handlers.onOther();
    },
    also,
  );
};

/**
 * The card panel's My space box: put the card on the person's own board (the end of their first
 * column), see which column it is in, or take it off. Only the person sees it.
 */
import type { CardMySpace } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { describeError } from "../../api/client";
import { mySpaceApi } from "../../api/coordination";
import { toast } from "../../store/toasts";
import { onMySpaceChange } from "../../sync/live";
import { Button } from "../../ui/button";

export const MySpaceBox = ({ cardId, isArchived }: { cardId: string; isArchived: boolean }) => {
  const [placement, setPlacement] = useState<CardMySpace | null | undefined>(undefined);
  const [isBusy, setIsBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setPlacement(await mySpaceApi.placement(cardId));
    } catch {
      setPlacement(null);
    }
  }, [cardId]);
  useEffect(() => {
    setPlacement(undefined);
    void load();
    // Another tab of this person may place or remove it.
    return onMySpaceChange(() => void load());
  }, [load]);

  const handleAdd = async () => {
    setIsBusy(true);
    try {
      await mySpaceApi.place(cardId, {});
      await load();
    } catch (err) {
      toast.error(`Could not add the card to My space. ${describeError(err)}`);
    } finally {
      setIsBusy(false);
    }
  };
  const handleRemove = async () => {
    setIsBusy(true);
    try {
      await mySpaceApi.remove(cardId);
      setPlacement(null);
    } catch (err) {
      toast.error(`Could not remove the card from My space. ${describeError(err)}`);
    } finally {
      setIsBusy(false);
    }
  };

  if (placement === undefined) return null;
  return (
    <div className="reminder-box" data-testid="my-space-box">
      <div className="coord-row">
        <strong>My space</strong>
        <span className="reminder-private">Only you see where it is on your My space</span>
      </div>
      {placement ? (
        <div className="coord-row">
          <span>
            On <Link to="/my-space">My space</Link> in <strong>{placement.columnName}</strong>
          </span>
          <Button size="sm" variant="ghost" isBusy={isBusy} onClick={() => void handleRemove()}>
            Remove from My space
          </Button>
        </div>
      ) : isArchived ? (
        <p className="faint">Archived cards are not shown on My space.</p>
      ) : (
        <div className="coord-row">
          <Button size="sm" variant="secondary" isBusy={isBusy} onClick={() => void handleAdd()}>
            Add to My space
          </Button>
        </div>
      )}
    </div>
  );
};

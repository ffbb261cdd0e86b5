/**
 * The card panel's My space box: put the card on the person's own board (the end of their first
 * column), see which column it is in, or take it off. Only the person sees it.
 */
import type { CardMySpace } from "@lattice/domain";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { describeError } from "../../api/client";
import { mySpaceApi } from "../../api/coordination";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { onMySpaceChange } from "../../sync/live";
import { Button } from "../../ui/button";

export const MySpaceBox = ({ cardId, isArchived }: { cardId: string; isArchived: boolean }) => {
  const { t } = useTranslator();
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
      toast.error(translate("mySpace.box.addFailed", { reason: describeError(err) }));
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
      toast.error(translate("mySpace.box.removeFailed", { reason: describeError(err) }));
    } finally {
      setIsBusy(false);
    }
  };

  if (placement === undefined) return null;
  return (
    <div className="reminder-box" data-testid="my-space-box">
      <div className="coord-row">
        <strong>{t("mySpace.title")}</strong>
        <span className="reminder-private">{t("mySpace.box.private")}</span>
      </div>
      {placement ? (
        <div className="coord-row">
          <span>
            {t("mySpace.box.on")} <Link to="/my-space">{t("mySpace.title")}</Link> {t("mySpace.box.in")}{" "}
            <strong>{placement.columnName}</strong>
          </span>
          <Button size="sm" variant="ghost" isBusy={isBusy} onClick={() => void handleRemove()}>
            {t("mySpace.card.remove")}
          </Button>
        </div>
      ) : isArchived ? (
        <p className="faint">{t("mySpace.box.archived")}</p>
      ) : (
        <div className="coord-row">
          <Button size="sm" variant="secondary" isBusy={isBusy} onClick={() => void handleAdd()}>
            {t("mySpace.box.add")}
          </Button>
        </div>
      )}
    </div>
  );
};

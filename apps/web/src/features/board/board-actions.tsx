/** The board header's space actions: buttons when wide, folded into one menu at phone width. */
import { useTranslator } from "../../lib/i18n/i18n";
import { Button } from "../../ui/button";
import { Menu } from "../../ui/menu";

export interface BoardActionsProps {
  canWrite: boolean;
  canManage: boolean;
  onArchived: () => void;
  onCardTemplates: () => void;
  onTrash: () => void;
  onMembers: () => void;
  onBlockerTypes: () => void;
  onFields: () => void;
  onColumns: () => void;
}

export const BoardActions = ({
  canWrite,
  canManage,
  onArchived,
  onCardTemplates,
  onTrash,
  onMembers,
  onBlockerTypes,
  onFields,
  onColumns,
}: BoardActionsProps) => {
  const { t } = useTranslator();
  return (
    <>
      {/* At phone width the space's settings fold into one menu so the header stays short. */}
      <span className="space-actions-wide">
        <Button onClick={onArchived}>{t("board.actions.archived")}</Button>
        {canWrite ? <Button onClick={onCardTemplates}>{t("board.actions.cardTemplates")}</Button> : null}
        <Button onClick={onTrash}>{t("board.actions.trash")}</Button>
        {canManage ? <Button onClick={onMembers}>{t("board.actions.members")}</Button> : null}
        {canManage ? <Button onClick={onBlockerTypes}>{t("board.actions.blockerTypes")}</Button> : null}
        {canManage ? <Button onClick={onFields}>{t("board.actions.fields")}</Button> : null}
        {canManage ? (
          <Button onClick={onColumns}>
            <span aria-hidden="true">▥</span> {t("board.actions.columns")}
          </Button>
        ) : null}
      </span>
      <span className="space-actions-narrow">
        <Menu
          label={t("board.actions.more")}
          items={[
            { label: t("board.actions.archivedCards"), onSelect: onArchived },
            ...(canWrite ? [{ label: t("board.actions.cardTemplates"), onSelect: onCardTemplates }] : []),
            { label: t("board.actions.trash"), onSelect: onTrash },
            ...(canManage
              ? [
                  { label: t("board.actions.members"), onSelect: onMembers },
                  { label: t("board.actions.blockerTypes"), onSelect: onBlockerTypes },
                  { label: t("board.actions.fields"), onSelect: onFields },
                  { label: t("board.actions.columns"), onSelect: onColumns },
                ]
              : []),
          ]}
        />
      </span>
    </>
  );
};

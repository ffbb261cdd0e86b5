import { byPosition, limits, type Status, type StatusRole, statusRoles } from "@lattice/domain";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { type MessageKey, translate, useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Input, Select } from "../../ui/input";

/** The message of each status role's name. */
export const statusRoleKeys: Record<StatusRole, MessageKey> = {
  information: "board.role.information",
  not_started: "board.role.notStarted",
  in_progress: "board.role.inProgress",
  completed: "board.role.completed",
  cancelled: "board.role.cancelled",
};

/** Each status role's name in the current language, read when used (screens not yet on `t` keep working). */
export const statusRoleLabels: Readonly<Record<StatusRole, string>> = Object.defineProperties(
  {} as Record<StatusRole, string>,
  Object.fromEntries(
    Object.entries(statusRoleKeys).map(([role, key]) => [
      role,
      { enumerable: true, get: () => translate(key) },
    ]),
  ),
);

const parseWip = (value: string): number | null | "invalid" => {
  if (value.trim() === "") return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= limits.wipLimitMax ? n : "invalid";
};

const StatusRow = ({
  status,
  isFirst,
  isLast,
  isFocused,
}: {
  status: Status;
  isFirst: boolean;
  isLast: boolean;
  isFocused: boolean;
}) => {
  const { t } = useTranslator();
  const updateStatus = useBoard((s) => s.updateStatus);
  const moveStatus = useBoard((s) => s.moveStatus);
  const deleteStatus = useBoard((s) => s.deleteStatus);
  const [name, setName] = useState(status.name);
  const [wip, setWip] = useState(status.wipLimit === null ? "" : String(status.wipLimit));
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => setName(status.name), [status.name]);
  useEffect(() => setWip(status.wipLimit === null ? "" : String(status.wipLimit)), [status.wipLimit]);
  useEffect(() => {
    if (isFocused) nameRef.current?.focus();
  }, [isFocused]);

  const handleNameBlur = () => {
    const trimmed = name.trim();
    if (!trimmed) setName(status.name);
    else if (trimmed !== status.name) void updateStatus(status.id, { name: trimmed });
  };
  const handleWipBlur = () => {
    const parsed = parseWip(wip);
    if (parsed === "invalid") {
      setWip(status.wipLimit === null ? "" : String(status.wipLimit));
      return;
    }
    if (parsed !== status.wipLimit) void updateStatus(status.id, { wipLimit: parsed });
  };

  return (
    <li className="status-row">
      <fieldset className="button-group status-row-order">
        <legend className="visually-hidden">{t("board.columns.order", { name: status.name })}</legend>
        <Button
          size="sm"
          variant="ghost"
          isIcon
          aria-label={t("board.columns.moveLeft", { name: status.name })}
          disabled={isFirst}
          onClick={() => void moveStatus(status.id, "up")}
        >
          ↑
        </Button>
        <Button
          size="sm"
          variant="ghost"
          isIcon
          aria-label={t("board.columns.moveRight", { name: status.name })}
          disabled={isLast}
          onClick={() => void moveStatus(status.id, "down")}
        >
          ↓
        </Button>
      </fieldset>
      <Input
        ref={nameRef}
        aria-label={t("board.columns.name")}
        value={name}
        maxLength={limits.nameMax}
        onChange={(e) => setName(e.target.value)}
        onBlur={handleNameBlur}
        onKeyDown={(e) => {
          if (e.key === "Enter") e.currentTarget.blur();
        }}
      />
      <Select
        aria-label={t("board.columns.role", { name: status.name })}
        value={status.role}
        onChange={(e) => void updateStatus(status.id, { role: e.target.value as StatusRole })}
      >
        {statusRoles.map((r) => (
          <option key={r} value={r}>
            {t(statusRoleKeys[r])}
          </option>
        ))}
      </Select>
      <Input
        aria-label={t("board.columns.wip", { name: status.name })}
        className="status-row-wip"
        inputMode="numeric"
        placeholder={t("board.columns.noLimit")}
        value={wip}
        onChange={(e) => setWip(e.target.value)}
        onBlur={handleWipBlur}
        onKeyDown={(e) => {
          if (e.key === "Enter") e.currentTarget.blur();
        }}
      />
      <Button
        size="sm"
        variant="ghost"
        aria-label={t("board.columns.delete", { name: status.name })}
        onClick={() => void deleteStatus(status.id)}
      >
        {t("common.delete")}
      </Button>
    </li>
  );
};

/** Owners manage the columns of a space here: add, rename, role, WIP limit, order, delete. */
export const ColumnsDialog = ({
  isOpen,
  focusStatusId,
  onClose,
}: {
  isOpen: boolean;
  focusStatusId: string | null;
  onClose: () => void;
}) => {
  const { t } = useTranslator();
  // The statuses only: the dialog is on the board page, closed, and the cards change far more often.
  const statusesById = useBoard((s) => s.view.statuses);
  const createStatus = useBoard((s) => s.createStatus);
  const [name, setName] = useState("");
  const [role, setRole] = useState<StatusRole>("in_progress");
  const [wip, setWip] = useState("");
  const [wipError, setWipError] = useState<string | null>(null);
  const statuses = useMemo(() => Object.values(statusesById).sort(byPosition), [statusesById]);

  const handleAdd = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseWip(wip);
    if (parsed === "invalid") {
      setWipError(t("board.columns.wipInvalid", { max: limits.wipLimitMax }));
      return;
    }
    if (!name.trim()) return;
    setWipError(null);
    void createStatus({ name: name.trim(), role, wipLimit: parsed });
    setName("");
    setWip("");
  };

  return (
    <Dialog
      isOpen={isOpen}
      title={t("board.columns.title")}
      description={t("board.columns.description")}
      onClose={onClose}
      size="lg"
      footer={
        <Button variant="primary" onClick={onClose}>
          {t("common.done")}
        </Button>
      }
    >
      <div className="status-table-head" aria-hidden="true">
        <span>{t("board.columns.headOrder")}</span>
        <span>{t("board.columns.headName")}</span>
        <span>{t("board.columns.headRole")}</span>
        <span>{t("board.columns.headWip")}</span>
        <span />
      </div>
      <ol className="status-list">
        {statuses.map((status, index) => (
          <StatusRow
            key={status.id}
            status={status}
            isFirst={index === 0}
            isLast={index === statuses.length - 1}
            isFocused={status.id === focusStatusId}
          />
        ))}
      </ol>
      <form className="status-add" onSubmit={handleAdd}>
        <h3 className="status-add-title">{t("board.columns.addTitle")}</h3>
        <div className="status-add-fields">
          <Input
            aria-label={t("board.columns.newName")}
            placeholder={t("board.columns.newNamePlaceholder")}
            value={name}
            maxLength={limits.nameMax}
            onChange={(e) => setName(e.target.value)}
          />
          <Select
            aria-label={t("board.columns.newRole")}
            value={role}
            onChange={(e) => setRole(e.target.value as StatusRole)}
          >
            {statusRoles.map((r) => (
              <option key={r} value={r}>
                {t(statusRoleKeys[r])}
              </option>
            ))}
          </Select>
          <Input
            aria-label={t("board.columns.newWip")}
            aria-invalid={wipError ? true : undefined}
            className="status-row-wip"
            inputMode="numeric"
            placeholder={t("board.columns.noLimit")}
            value={wip}
            onChange={(e) => setWip(e.target.value)}
          />
          <Button type="submit" variant="secondary" disabled={!name.trim()}>
            {t("board.columns.add")}
          </Button>
        </div>
        {wipError ? <p className="field-error">{wipError}</p> : null}
      </form>
    </Dialog>
  );
};

import { boardColumns, limits, type Status, type StatusRole, statusRoles } from "@lattice/domain";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useBoard } from "../../store/board";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { Input, Select } from "../../ui/input";

export const statusRoleLabels: Record<StatusRole, string> = {
  information: "Information",
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
};

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
        <legend className="visually-hidden">Order of {status.name}</legend>
        <Button
          size="sm"
          variant="ghost"
          isIcon
          aria-label={`Move ${status.name} left`}
          disabled={isFirst}
          onClick={() => void moveStatus(status.id, "up")}
        >
          ↑
        </Button>
        <Button
          size="sm"
          variant="ghost"
          isIcon
          aria-label={`Move ${status.name} right`}
          disabled={isLast}
          onClick={() => void moveStatus(status.id, "down")}
        >
          ↓
        </Button>
      </fieldset>
      <Input
        ref={nameRef}
        aria-label="Column name"
        value={name}
        maxLength={limits.nameMax}
        onChange={(e) => setName(e.target.value)}
        onBlur={handleNameBlur}
        onKeyDown={(e) => {
          if (e.key === "Enter") e.currentTarget.blur();
        }}
      />
      <Select
        aria-label={`Role of ${status.name}`}
        value={status.role}
        onChange={(e) => void updateStatus(status.id, { role: e.target.value as StatusRole })}
      >
        {statusRoles.map((r) => (
          <option key={r} value={r}>
            {statusRoleLabels[r]}
          </option>
        ))}
      </Select>
      <Input
        aria-label={`WIP limit of ${status.name}`}
        className="status-row-wip"
        inputMode="numeric"
        placeholder="No limit"
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
        aria-label={`Delete ${status.name}`}
        onClick={() => void deleteStatus(status.id)}
      >
        Delete
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
  const view = useBoard((s) => s.view);
  const createStatus = useBoard((s) => s.createStatus);
  const [name, setName] = useState("");
  const [role, setRole] = useState<StatusRole>("in_progress");
  const [wip, setWip] = useState("");
  const [wipError, setWipError] = useState<string | null>(null);
  const statuses = boardColumns(view).map((c) => c.status);

  const handleAdd = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseWip(wip);
    if (parsed === "invalid") {
      setWipError(`Use a whole number from 1 to ${limits.wipLimitMax}, or leave it empty.`);
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
      title="Columns"
      description="Columns are the statuses of this space. Charts read each column's role, not its name."
      onClose={onClose}
      size="lg"
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      <div className="status-table-head" aria-hidden="true">
        <span>Order</span>
        <span>Name</span>
        <span>Role</span>
        <span>WIP limit</span>
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
        <h3 className="status-add-title">Add a column</h3>
        <div className="status-add-fields">
          <Input
            aria-label="New column name"
            placeholder="e.g. Review"
            value={name}
            maxLength={limits.nameMax}
            onChange={(e) => setName(e.target.value)}
          />
          <Select
            aria-label="New column role"
            value={role}
            onChange={(e) => setRole(e.target.value as StatusRole)}
          >
            {statusRoles.map((r) => (
              <option key={r} value={r}>
                {statusRoleLabels[r]}
              </option>
            ))}
          </Select>
          <Input
            aria-label="New column WIP limit"
            aria-invalid={wipError ? true : undefined}
            className="status-row-wip"
            inputMode="numeric"
            placeholder="No limit"
            value={wip}
            onChange={(e) => setWip(e.target.value)}
          />
          <Button type="submit" variant="secondary" disabled={!name.trim()}>
            Add column
          </Button>
        </div>
        {wipError ? <p className="field-error">{wipError}</p> : null}
      </form>
    </Dialog>
  );
};

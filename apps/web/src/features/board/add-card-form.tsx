import { type FormEvent, type KeyboardEvent, useRef, useState } from "react";
import { useBoard } from "../../store/board";
import { Button } from "../../ui/button";

interface AddCardFormProps {
  statusId: string;
  statusName: string;
  at: "top" | "bottom";
  isInitiallyOpen?: boolean;
  onClose?: () => void;
}

/** "Add card" at the top or bottom of a column: stays open after adding so several go in quickly. */
export const AddCardForm = ({
  statusId,
  statusName,
  at,
  isInitiallyOpen = false,
  onClose,
}: AddCardFormProps) => {
  const createCard = useBoard((s) => s.createCard);
  const [isOpen, setIsOpenState] = useState(isInitiallyOpen);
  const setIsOpen = (value: boolean) => {
    setIsOpenState(value);
    if (!value) onClose?.();
  };
  const [name, setName] = useState("");
  const inputRef = useRef<HTMLTextAreaElement>(null);

  const handleSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    void createCard({ name: trimmed, statusId, at });
    setName("");
    inputRef.current?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      handleSubmit();
    }
    if (event.key === "Escape") {
      event.stopPropagation();
      setIsOpen(false);
      setName("");
    }
  };

  if (!isOpen) {
    return (
      <button type="button" className="add-card-button" onClick={() => setIsOpen(true)}>
        <span aria-hidden="true">+</span> Add card
      </button>
    );
  }
  return (
    <form className={`add-card-form add-card-form-${at}`} onSubmit={handleSubmit}>
      <label className="visually-hidden" htmlFor={`add-card-${at}-${statusId}`}>
        New card at the {at} of {statusName}
      </label>
      <textarea
        id={`add-card-${at}-${statusId}`}
        ref={inputRef}
        className="input textarea add-card-input"
        placeholder="What needs doing?"
        rows={2}
        maxLength={500}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={handleKeyDown}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to type a card
        autoFocus
      />
      <div className="add-card-actions">
        <Button variant="primary" size="sm" type="submit" disabled={!name.trim()}>
          Add card
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setIsOpen(false);
            setName("");
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
};

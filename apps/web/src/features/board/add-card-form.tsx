import { type FormEvent, type KeyboardEvent, useRef, useState } from "react";
import { useBoard } from "../../store/board";
import { Button } from "../../ui/button";

/** "Add card" at the bottom of a column: stays open after adding so several cards go in quickly. */
export const AddCardForm = ({ statusId, statusName }: { statusId: string; statusName: string }) => {
  const createCard = useBoard((s) => s.createCard);
  const [isOpen, setIsOpen] = useState(false);
  const [name, setName] = useState("");
  const inputRef = useRef<HTMLTextAreaElement>(null);

  const handleSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    void createCard({ name: trimmed, statusId, at: "bottom" });
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
    <form className="add-card-form" onSubmit={handleSubmit}>
      <label className="visually-hidden" htmlFor={`add-card-${statusId}`}>
        New card in {statusName}
      </label>
      <textarea
        id={`add-card-${statusId}`}
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

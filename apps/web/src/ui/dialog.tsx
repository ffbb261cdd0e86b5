import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { Button } from "./button";

interface DialogProps {
  isOpen: boolean;
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children?: ReactNode;
  footer?: ReactNode;
  /** When set, the body is a form and Enter submits it. */
  onSubmit?: () => void;
  size?: "sm" | "md" | "lg";
}

/** A modal on the native <dialog>: focus trapping, Escape and the backdrop come from the browser. */
export const Dialog = ({
  isOpen,
  title,
  description,
  onClose,
  children,
  footer,
  onSubmit,
  size = "sm",
}: DialogProps) => {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };

  const body = (
    <>
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {description ? <p className="dialog-description">{description}</p> : null}
      </header>
      {children ? <div className="dialog-body">{children}</div> : null}
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      {isOpen ? onSubmit ? <form onSubmit={handleSubmit}>{body}</form> : <div>{body}</div> : null}
    </dialog>
  );
};

interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  isBusy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export const ConfirmDialog = ({
  isOpen,
  title,
  message,
  confirmLabel,
  isBusy = false,
  onConfirm,
  onClose,
}: ConfirmDialogProps) => (
  <Dialog
    isOpen={isOpen}
    title={title}
    description={message}
    onClose={onClose}
    onSubmit={onConfirm}
    footer={
      <>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" type="submit" isBusy={isBusy} autoFocus>
          {confirmLabel}
        </Button>
      </>
    }
  />
);

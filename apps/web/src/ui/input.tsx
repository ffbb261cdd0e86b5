import { type ComponentProps, type ReactNode, useId } from "react";

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode;
}

/** A label, a control and its error or hint, wired together for assistive technology. */
export const Field = ({ label, error, hint, children }: FieldProps) => {
  const id = useId();
  const messageId = `${id}-message`;
  const hasMessage = Boolean(error || hint);
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({
        id,
        ...(error ? { "aria-invalid": true } : {}),
        ...(hasMessage ? { "aria-describedby": messageId } : {}),
      })}
      {error ? (
        <p id={messageId} className="field-error" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={messageId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
};

export const Input = ({ className, ...rest }: ComponentProps<"input">) => (
  <input className={`input${className ? ` ${className}` : ""}`} {...rest} />
);

export const Textarea = ({ className, ...rest }: ComponentProps<"textarea">) => (
  <textarea className={`input textarea${className ? ` ${className}` : ""}`} {...rest} />
);

export const Select = ({ className, ...rest }: ComponentProps<"select">) => (
  <select className={`input select${className ? ` ${className}` : ""}`} {...rest} />
);

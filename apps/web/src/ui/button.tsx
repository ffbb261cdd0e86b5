import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: "sm" | "md";
  isBusy?: boolean;
  /** Square button holding only an icon; needs an aria-label. */
  isIcon?: boolean;
}

export const Button = ({
  variant = "secondary",
  size = "md",
  isBusy = false,
  isIcon = false,
  className,
  disabled,
  children,
  type = "button",
  ...rest
}: ButtonProps) => (
  <button
    type={type}
    className={["btn", `btn-${variant}`, `btn-${size}`, isIcon ? "btn-icon" : "", className ?? ""]
      .filter(Boolean)
      .join(" ")}
    disabled={disabled === true || isBusy}
    aria-busy={isBusy || undefined}
    {...rest}
  >
    {isBusy ? <span className="spinner" aria-hidden="true" /> : null}
    {children}
  </button>
);

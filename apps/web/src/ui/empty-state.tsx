import type { ReactNode } from "react";

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  size?: "sm" | "lg";
}

export const EmptyState = ({ icon, title, children, action, size = "lg" }: EmptyStateProps) => (
  <div className={`empty-state empty-state-${size}`}>
    {icon ? (
      <div className="empty-state-icon" aria-hidden="true">
        {icon}
      </div>
    ) : null}
    <h2 className="empty-state-title">{title}</h2>
    {children ? <div className="empty-state-body">{children}</div> : null}
    {action ? <div className="empty-state-action">{action}</div> : null}
  </div>
);

import type { ReactNode } from "react";
import { SpaceTabs } from "./space-tabs";

/** The header of a planning view: the space's name, its view tabs and the view's own actions. */
export const SpaceViewHeader = ({
  workspaceId,
  spaceId,
  spaceName,
  children,
}: {
  workspaceId: string;
  spaceId: string;
  spaceName: string;
  children?: ReactNode;
}) => (
  <header className="board-header sv-header">
    <div className="board-heading sv-heading">
      <h1 className="board-title">
        {spaceName || <span className="skeleton" style={{ width: 200, height: 22 }} />}
      </h1>
      <SpaceTabs workspaceId={workspaceId} spaceId={spaceId} />
    </div>
    {children ? <div className="board-header-actions sv-actions">{children}</div> : null}
  </header>
);

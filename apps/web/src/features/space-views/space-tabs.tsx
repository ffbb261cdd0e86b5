import { NavLink } from "react-router";

/** The views of one space, as tabs in the space header; the current view is part of the URL. */
export const spaceViews = [
  { path: "", label: "Board" },
  { path: "list", label: "List" },
  { path: "calendar", label: "Calendar" },
  { path: "gantt", label: "Gantt" },
  { path: "forecast", label: "Forecast" },
  { path: "time", label: "Time" },
  { path: "flow", label: "Flow" },
] as const;

export type SpaceViewPath = (typeof spaceViews)[number]["path"];

export const SpaceTabs = ({
  workspaceId,
  spaceId,
  available,
}: {
  workspaceId: string;
  spaceId: string;
  /** Views that exist in this build; others are not shown. */
  available: readonly SpaceViewPath[];
}) => (
  <nav className="space-tabs" aria-label="Space views">
    {spaceViews
      .filter((v) => available.includes(v.path))
      .map((v) => (
        <NavLink
          key={v.path}
          to={`/w/${workspaceId}/s/${spaceId}${v.path ? `/${v.path}` : ""}`}
          end={v.path === ""}
          className={({ isActive }) => `space-tab${isActive ? " is-active" : ""}`}
        >
          {v.label}
        </NavLink>
      ))}
  </nav>
);

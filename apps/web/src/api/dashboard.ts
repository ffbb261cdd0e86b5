/** Typed calls for the workspace dashboard and My blockers (loaded with those pages only). */
import { myBlockersSchema, workspaceDashboardSchema } from "@lattice/domain";
import { request } from "./client";

export const dashboardApi = {
  /** Per readable space and per folder: cards by role, dates, late and blocked, weekly burn-up. */
  workspaceDashboard: (id: string, today: string) =>
    request("GET", `/api/workspaces/${id}/dashboard?today=${today}`, workspaceDashboardSchema),
  /** The blocked cards I must clear, most harmful first. */
  myBlockers: () => request("GET", "/api/me/blockers", myBlockersSchema),
};

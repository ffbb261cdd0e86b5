/** Typed calls for the Workload view (loaded with its page only). */
import { expandWorkload, type WorkloadZoom, workloadReplySchema } from "@lattice/domain";
import { request } from "./client";

export type WorkloadScope =
  | { kind: "space"; id: string }
  | { kind: "folder"; id: string }
  | { kind: "workspace"; id: string };

const base: Record<WorkloadScope["kind"], string> = {
  space: "/api/spaces",
  folder: "/api/folders",
  workspace: "/api/workspaces",
};

export const workloadApi = {
  /**
   * People, open dated cards meeting [from, to], open undated cards and the spaces' seqs, in the
   * view's working shape (the reply is compact: `workloadReplySchema`).
   */
  workload: async (scope: WorkloadScope, from: string, to: string, signal?: AbortSignal) =>
    expandWorkload(
      await request(
        "GET",
        `${base[scope.kind]}/${scope.id}/workload?from=${from}&to=${to}`,
        workloadReplySchema,
        { ...(signal ? { signal } : {}) },
      ),
    ),
};

export type { WorkloadZoom };

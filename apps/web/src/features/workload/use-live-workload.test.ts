/**
 * The Workload view asks again when the people or spaces it shows may have changed: it observes the
 * workspace's channel (followed by the app for its tree) through the shared useLiveSpaces hook.
 */
import { type Channel, workspaceChannel } from "@lattice/domain";
import { cleanup, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WireEvent } from "../../sync/channels";
import { sync } from "../../sync/live";
import { useLiveWorkload } from "./use-live-workload";

const workspaceId = "00000000-0000-4000-8000-000000000001";
const channel: Channel = workspaceChannel(workspaceId);

const wire = (type: string, payload: object): WireEvent =>
  ({ type, payload, actorId: null, mutationId: null, at: "2030-03-04T09:00:00.000Z" }) as WireEvent;

/** The app's own follower of the workspace channel (the tree), live from seq 10. */
const followWorkspace = () => {
  const applied: string[] = [];
  sync.registry.subscribe(channel, 10, {
    apply: (event) => applied.push(event.type),
    reload: async (latest) => latest,
  });
  sync.registry.handleMessage({ type: "subscribed", channel, seq: 10 });
  let seq = 10;
  const send = (event: WireEvent) => {
    seq += 1;
    sync.registry.handleMessage({ type: "event", channel, seq, event: event as never });
  };
  return { applied, send };
};

afterEach(() => {
  cleanup();
  sync.registry.unsubscribe(channel);
});

describe("the Workload view's live updates from the workspace", () => {
  it("asks again when a person is added or removed or a capacity changes, not when a folder is renamed", () => {
    const { applied, send } = followWorkspace();
    const onOther = vi.fn();
    const onCard = vi.fn();
    renderHook(() => useLiveWorkload([], workspaceId, { onCard, onOther }));

    send(wire("folder.updated", { folder: { id: "f", name: "Wards" } }));
    expect(onOther).not.toHaveBeenCalled();
    send(wire("member.added", { member: { userId: "u" } }));
    expect(onOther).toHaveBeenCalledTimes(1);
    send(wire("member.updated", { member: { userId: "u", capacityPerWeek: 4 } }));
    send(wire("member.removed", { workspaceId, userId: "u" }));
    send(wire("space.created", { space: { id: "s" } }));
    expect(onOther).toHaveBeenCalledTimes(4);
    // The app's own follower still applies every event, first.
    expect(applied).toEqual([
      "folder.updated",
      "member.added",
      "member.updated",
      "member.removed",
      "space.created",
    ]);
    expect(onCard).not.toHaveBeenCalled();
  });

  it("stops hearing the workspace once the view is gone", () => {
    const { send } = followWorkspace();
    const onOther = vi.fn();
    const view = renderHook(() => useLiveWorkload([], workspaceId, { onCard: vi.fn(), onOther }));
    view.unmount();
    send(wire("member.added", { member: { userId: "u" } }));
    expect(onOther).not.toHaveBeenCalled();
  });
});

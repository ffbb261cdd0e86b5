/**
 * Live sync for the tab: one socket, one channel registry, and the hooks that connect them to the
 * stores. The board follows `space:<id>` from its snapshot's seq, the sidebar follows
 * `workspace:<id>` for each loaded tree, and the person follows `user:<me>`.
 */
import {
  type Channel,
  type PresenceEntry,
  spaceChannel,
  userChannel,
  workspaceChannel,
} from "@lattice/domain";
import { useEffect, useRef } from "react";
import { create } from "zustand";
import { queryClient } from "../api/query-client";
import { announceNotification } from "../features/notifications/announce";
import { translate } from "../lib/i18n/i18n";
import { useBoard } from "../store/board";
import { toast } from "../store/toasts";
import { useWorkspaces } from "../store/workspaces";
import { ChannelRegistry, type WireEvent } from "./channels";
import { invalidateChartsOnEvent } from "./chart-query-bridge";
import { invalidateOnEvent, queryKeysFedBy } from "./query-bridge";
import { type ConnectionStatus, SyncSocket } from "./socket";

interface SyncState {
  status: ConnectionStatus;
  presence: Record<string, PresenceEntry[]>;
}

export const useSync = create<SyncState>(() => ({ status: "offline", presence: {} }));

const socket = new SyncSocket();
const registry = new ChannelRegistry((message) => socket.send(message));

registry.observeAll(invalidateOnEvent(queryClient));
registry.observeAll(invalidateChartsOnEvent(queryClient));

/**
 * A channel followed again from a fresh snapshot missed the events of its time away: the lookups it
 * keeps current (members, labels) are read again too.
 */
const refreshLookupsOf = (channel: Channel) => {
  for (const queryKey of queryKeysFedBy(channel)) void queryClient.invalidateQueries({ queryKey });
};

socket.onOpen = () => registry.handleOpen();
socket.onMessage = (message) => registry.handleMessage(message);
socket.onStatus = (status) => {
  const wasLive = useSync.getState().status === "live";
  useSync.setState({ status });
  // Back online: whatever waited for the connection goes out now (same Idempotency-Key).
  if (status === "live" && !wasLive) useBoard.getState().retryWaiting();
};

const setPresence = (channel: Channel, users: PresenceEntry[]) =>
  useSync.setState({ presence: { ...useSync.getState().presence, [channel]: users } });

let myUserId: string | null = null;

/**
 * My space events arrive on the person's own channel, followed for the whole session; the My space
 * page and the card panel's My space box listen while they are shown.
 */
const mySpaceListeners = new Set<() => void>();
const mySpaceChanged = () => {
  for (const listener of mySpaceListeners) listener();
};
export const onMySpaceChange = (listener: () => void): (() => void) => {
  mySpaceListeners.add(listener);
  return () => mySpaceListeners.delete(listener);
};

/** The person's own saved views arrive on their channel; the open space's saved views listen. */
let savedViewListener: ((event: WireEvent) => void) | null = null;
export const onSavedViewEvent = (listener: (event: WireEvent) => void): (() => void) => {
  savedViewListener = listener;
  return () => {
    if (savedViewListener === listener) savedViewListener = null;
  };
};

const handleOffline = () => socket.goOffline();

const handleOnline = () => {
  socket.reconnectNow();
  useBoard.getState().retryWaiting();
};

export const sync = {
  start(userId: string) {
    myUserId = userId;
    const channel = userChannel(userId);
    if (!registry.has(channel)) {
      registry.subscribe(channel, null, {
        // Things addressed to me: notifications reach the bell through the query cache (a mention or a
        // reminder is also said in a toast); anything else (added to a workspace, role changed) means
        // the list of workspaces may have changed.
        apply: (event) => {
          if (event.type.startsWith("notification.")) announceNotification(event);
          else if (event.type.startsWith("my_space.")) mySpaceChanged();
          else if (event.type.startsWith("saved_view.")) savedViewListener?.(event);
          else void useWorkspaces.getState().loadWorkspaces();
        },
        reload: async (latest) => {
          // The notifications are read again by the query cache's bridge (the channel reloaded).
          await useWorkspaces.getState().loadWorkspaces();
          mySpaceChanged();
          return latest;
        },
      });
    }
    window.addEventListener("online", handleOnline);
    window.addEventListener("offline", handleOffline);
    socket.start();
  },
  stop() {
    window.removeEventListener("online", handleOnline);
    window.removeEventListener("offline", handleOffline);
    for (const channel of registry.channels) registry.unsubscribe(channel);
    socket.stop();
    myUserId = null;
  },
  registry,
  socket,
};

/** Follows the open board's space channel from the snapshot's seq while the board is shown. */
export const useLiveBoard = (spaceId: string, onLost: (message: string) => void) => {
  const isReady = useBoard((s) => s.status === "ready" && s.spaceId === spaceId);
  // Read when the channel is lost; a new callback must not re-subscribe (that would replay).
  const onLostRef = useRef(onLost);
  onLostRef.current = onLost;
  useEffect(() => {
    if (!isReady) return;
    const channel = spaceChannel(spaceId);
    registry.subscribe(channel, useBoard.getState().seq, {
      apply: (event, seq) => useBoard.getState().receive(event, seq),
      reload: async () => {
        await useBoard.getState().load(spaceId);
        const state = useBoard.getState();
        if (state.status !== "ready") throw new Error(state.error ?? "Could not reload the board");
        return state.seq;
      },
      onLost: (code) => {
        const message =
          code === "access_revoked" ? translate("errors.accessRevoked") : translate("errors.spaceGone");
        useBoard.getState().markLost(message);
        toast.error(message);
        onLostRef.current(message);
      },
      onPresence: (users) => setPresence(channel, users),
    });
    refreshLookupsOf(channel);
    return () => {
      registry.unsubscribe(channel);
      setPresence(channel, []);
    };
  }, [isReady, spaceId]);
};

/** Tells the others which card this person has open in the space (null: just the board). */
export const usePresence = (spaceId: string, cardId: string | null) => {
  const isReady = useBoard((s) => s.status === "ready" && s.spaceId === spaceId);
  useEffect(() => {
    if (isReady) registry.setPresence(spaceChannel(spaceId), cardId);
  }, [isReady, spaceId, cardId]);
};

/** Follows every loaded workspace tree's channel from its snapshot's seq. */
export const useLiveTrees = () => {
  const trees = useWorkspaces((s) => s.trees);
  useEffect(() => {
    const wanted = new Set<Channel>();
    for (const [workspaceId, entry] of Object.entries(trees)) {
      if (!entry.tree) continue;
      const channel = workspaceChannel(workspaceId);
      wanted.add(channel);
      if (registry.has(channel)) continue;
      registry.subscribe(channel, entry.tree.seq, {
        apply: (event) => useWorkspaces.getState().applyTreeEvent(workspaceId, event, myUserId),
        reload: async () => {
          await useWorkspaces.getState().loadTree(workspaceId);
          const tree = useWorkspaces.getState().trees[workspaceId];
          if (!tree?.tree || tree.status !== "ready") throw new Error("Could not reload the tree");
          return tree.tree.seq;
        },
        onLost: () => useWorkspaces.getState().dropWorkspace(workspaceId),
      });
      refreshLookupsOf(channel);
    }
    for (const channel of registry.channels) {
      if (channel.startsWith("workspace:") && !wanted.has(channel)) registry.unsubscribe(channel);
    }
  }, [trees]);
};

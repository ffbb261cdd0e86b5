/**
 * The lookups many views share (blocker types, relations, notifications, search) in jsdom, against a
 * small in-memory stand-in for the API: each is asked once however many views show it, and a change
 * arriving as a live event shows in the open views without a reload.
 */
import {
  type BlockerType,
  type Blocking,
  type Card,
  type Notification,
  type RelatedEntry,
  type SearchHit,
  spaceChannel,
  userChannel,
  type WireEvent,
} from "@lattice/domain";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { BlockersSection } from "../features/card-detail/blockers-section";
import { RelationsSection } from "../features/card-detail/relations-section";
import { NotificationBell } from "../features/notifications/notification-bell";
import { SearchBox } from "../features/search/search-box";
import { BlockerTypesDialog } from "../features/space-settings/blocker-types-dialog";
import { useBoard } from "../store/board";
import { sync } from "../sync/live";
import { useBlockerTypes } from "./blocker-types";
import { useLatestNotifications } from "./notifications";
import { queryClient } from "./query-client";
import { useSearch } from "./search";

const ws = "00000000-0000-4000-8000-000000000001";
const spaceId = "00000000-0000-4000-8000-000000000002";
const cardId = "00000000-0000-4000-8000-000000000003";
const statusId = "00000000-0000-4000-8000-000000000004";
const otherCardId = "00000000-0000-4000-8000-000000000005";
const anaId = "00000000-0000-4000-8000-0000000000a1";
const typeId = "00000000-0000-4000-8000-0000000000c3";
const at = "2026-01-05T10:00:00.000Z";

const card: Card = {
  id: cardId,
  workspaceId: ws,
  spaceId,
  statusId,
  name: "Triage rota",
  description: "",
  position: "a0",
  createdBy: anaId,
  responsibleId: null,
  coworkerIds: [],
  labelIds: [],
  startDate: null,
  dueDate: null,
  todoTotal: 0,
  todoDone: 0,
  isBlocked: false,
  attachmentCount: 0,
  coverAttachmentId: null,
  repeat: null,
  createdAt: at,
  updatedAt: at,
  completedAt: null,
  archivedAt: null,
  version: 1,
};
const otherCard: Card = { ...card, id: otherCardId, name: "Night shift", position: "a1" };

const waitingOnIt = (activeCount: number): BlockerType => ({
  id: typeId,
  kind: "local",
  spaceId,
  name: "Waiting on IT",
  description: "",
  createdAt: at,
  activeCount,
  isEnabled: true,
});

const relatedEntry = (name: string): RelatedEntry => ({
  id: otherCardId,
  spaceId,
  name,
  statusId,
  startDate: null,
  dueDate: null,
  relationId: "00000000-0000-4000-8000-0000000000f6",
});

const notification = (n: number): Notification => ({
  id: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, "0")}`,
  kind: "assigned_responsible",
  workspaceId: ws,
  cardId,
  actorId: anaId,
  data: { cardName: `Card ${n}`, actorName: "Ana Owner" },
  createdAt: at,
  readAt: null,
});

const hit = (name: string): SearchHit => ({
  cardId,
  spaceId,
  workspaceId: ws,
  name,
  snippet: `**${name}**`,
  matchedIn: "card",
  isArchived: false,
});

// ---------- the stand-in server ----------

interface Server {
  blockerTypes: BlockerType[];
  children: RelatedEntry[];
  notifications: Notification[];
  hits: SearchHit[];
  /** Every request, as "METHOD path". */
  calls: string[];
}

let server: Server;

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });

const answer = (method: string, path: string): Response => {
  switch (`${method} ${path.split("?")[0]}`) {
    case `GET /api/spaces/${spaceId}/blocker-types`:
      return json(200, server.blockerTypes);
    case `GET /api/cards/${cardId}/blockings`:
      return json(200, []);
    case `GET /api/workspaces/${ws}/members`:
      return json(200, []);
    case `GET /api/cards/${cardId}/relations`:
      return json(200, { parents: [], children: server.children, previous: [], next: [] });
    case "GET /api/notifications":
      return json(200, {
        items: server.notifications,
        unreadCount: server.notifications.filter((n) => n.readAt === null).length,
      });
    case "GET /api/search":
      return json(200, { items: server.hits });
    default:
      return json(404, { type: "about:blank", title: "Not found", status: 404, code: "not_found" });
  }
};

const asked = (path: string) => server.calls.filter((call) => call === `GET ${path}`).length;

beforeAll(() => {
  // jsdom has no modal dialogs: the settings dialog opens as the browser would show it.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
});

beforeEach(() => {
  server = { blockerTypes: [], children: [], notifications: [], hits: [], calls: [] };
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const method = init.method ?? "GET";
      server.calls.push(`${method} ${path}`);
      return answer(method, path);
    }),
  );
  queryClient.clear();
  useBoard.setState({ role: "owner" });
});

afterEach(() => {
  cleanup();
  for (const channel of sync.registry.channels) sync.registry.unsubscribe(channel);
  vi.unstubAllGlobals();
});

/** The tab follows `channel` from seq 0, as the board (space) or the session (user) does. */
const follow = (channel: ReturnType<typeof spaceChannel>) => {
  sync.registry.subscribe(channel, 0, { apply: () => undefined, reload: async () => 0 });
  sync.registry.handleMessage({ type: "subscribed", channel, seq: 0 });
};

/** A live event as the socket hands it to the tab's channel registry (the next one of its channel). */
const liveEvent = (channel: ReturnType<typeof spaceChannel>, event: Pick<WireEvent, "type" | "payload">) =>
  act(() =>
    sync.registry.handleMessage({
      type: "event",
      channel,
      seq: (sync.registry.seqOf(channel) ?? 0) + 1,
      event: { ...event, actorId: anaId, mutationId: null, at } as WireEvent,
    }),
  );

// ---------- blocker types ----------

const blocking: Blocking = {
  id: "00000000-0000-4000-8000-0000000000d4",
  workspaceId: ws,
  spaceId,
  cardId: otherCardId,
  blockerTypeId: typeId,
  blockerName: "Waiting on IT",
  reason: "No laptop",
  blockedBy: anaId,
  blockedAt: at,
  responsibleId: null,
  clearedBy: null,
  clearedAt: null,
};

const TypeCount = () => {
  const { types } = useBlockerTypes(spaceId);
  return <p data-testid="type-count">{types ? String(types[0]?.activeCount ?? "none") : "loading"}</p>;
};

describe("the blocker types", () => {
  it("show a card blocked elsewhere in the open dialog and Block form, asked once for both", async () => {
    server.blockerTypes = [waitingOnIt(0)];
    follow(spaceChannel(spaceId));
    render(
      <>
        <BlockerTypesDialog isOpen spaceId={spaceId} onClose={() => undefined} />
        <BlockersSection card={card} members={[]} canWrite myUserId={anaId} />
        <TypeCount />
      </>,
    );
    fireEvent.click(screen.getByRole("button", { name: "⊘ Block…" }));
    const form = await screen.findByTestId("block-form");
    await waitFor(() =>
      expect(within(form).getByRole("option", { name: "Waiting on IT — this space" })).toBeTruthy(),
    );
    const dialog = screen.getByRole("dialog", { name: "Blocker types" });
    expect(within(dialog).getByRole("cell", { name: "0 cards" })).toBeTruthy();
    expect(asked(`/api/spaces/${spaceId}/blocker-types`)).toBe(1);

    // A teammate blocks another card of the space with this type.
    server.blockerTypes = [waitingOnIt(1)];
    await liveEvent(spaceChannel(spaceId), { type: "blocking.created", payload: { blocking } });

    await waitFor(() => expect(within(dialog).getByRole("cell", { name: "1 card" })).toBeTruthy());
    expect(
      within(form).getByRole("option", { name: "Waiting on IT — this space · blocks 1 card" }),
    ).toBeTruthy();
    expect(screen.getByTestId("type-count").textContent).toBe("1");
    expect(asked(`/api/spaces/${spaceId}/blocker-types`)).toBe(2);
  });
});

// ---------- relations ----------

describe("a card's relations", () => {
  it("show a relation made and a related card renamed elsewhere, asked once however many views show them", async () => {
    useBoard.setState({ spaceId, status: "ready", seq: 0 });
    follow(spaceChannel(spaceId));
    render(
      <MemoryRouter>
        <RelationsSection card={card} canWrite={false} />
        <RelationsSection card={card} canWrite={false} />
      </MemoryRouter>,
    );
    await waitFor(() => expect(screen.getAllByText("No related cards.")).toHaveLength(2));
    expect(asked(`/api/cards/${cardId}/relations`)).toBe(1);

    server.children = [relatedEntry("Night shift")];
    await liveEvent(spaceChannel(spaceId), {
      type: "relation.created",
      payload: {
        relation: {
          id: "00000000-0000-4000-8000-0000000000f6",
          workspaceId: ws,
          kind: "parent",
          fromCardId: cardId,
          toCardId: otherCardId,
          createdAt: at,
        },
      },
    });
    await waitFor(() => expect(screen.getAllByRole("link", { name: "Night shift" })).toHaveLength(2));
    expect(asked(`/api/cards/${cardId}/relations`)).toBe(2);

    // The child is renamed on the board: the lists naming it are read again.
    server.children = [relatedEntry("Night shift (weekends)")];
    await liveEvent(spaceChannel(spaceId), {
      type: "card.updated",
      payload: { card: { ...otherCard, name: "Night shift (weekends)" } },
    });
    await waitFor(() =>
      expect(screen.getAllByRole("link", { name: "Night shift (weekends)" })).toHaveLength(2),
    );
    expect(asked(`/api/cards/${cardId}/relations`)).toBe(3);
  });
});

// ---------- notifications ----------

const UnreadCount = () => {
  const { data } = useLatestNotifications();
  return <p data-testid="unread">{data ? String(data.unreadCount) : "loading"}</p>;
};

describe("the notifications", () => {
  it("show one arriving on the person's channel in the bell and elsewhere at once, asked once for both", async () => {
    server.notifications = [{ ...notification(1), readAt: at }];
    follow(userChannel(anaId));
    render(
      <MemoryRouter>
        <NotificationBell />
        <UnreadCount />
      </MemoryRouter>,
    );
    await waitFor(() => expect(screen.getByTestId("unread").textContent).toBe("0"));
    expect(screen.getByRole("button", { name: "Notifications, 0 unread" })).toBeTruthy();
    expect(asked("/api/notifications?limit=30")).toBe(1);

    server.notifications = [notification(2), { ...notification(1), readAt: at }];
    await liveEvent(userChannel(anaId), {
      type: "notification.created",
      payload: { notification: notification(2) },
    });
    await waitFor(() => expect(screen.getByRole("button", { name: "Notifications, 1 unread" })).toBeTruthy());
    expect(screen.getByTestId("unread").textContent).toBe("1");

    // Read in another tab: the bell follows.
    server.notifications = [
      { ...notification(2), readAt: at },
      { ...notification(1), readAt: at },
    ];
    await liveEvent(userChannel(anaId), {
      type: "notification.read",
      payload: { ids: [notification(2).id] },
    });
    await waitFor(() => expect(screen.getByRole("button", { name: "Notifications, 0 unread" })).toBeTruthy());
    expect(asked("/api/notifications?limit=30")).toBe(3);
  });
});

// ---------- search ----------

const SearchNames = ({ q }: { q: string }) => (
  <p data-testid="search-names">
    {useSearch(q, 12)
      .hits.map((h) => h.name)
      .join(", ")}
  </p>
);

describe("a search", () => {
  it("shows a matching card renamed on the followed board at once, asked once for every view of the same words", async () => {
    server.hits = [hit("Triage rota")];
    follow(spaceChannel(spaceId));
    render(
      <MemoryRouter>
        <SearchBox />
        <SearchNames q="triage" />
      </MemoryRouter>,
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Search cards" }), { target: { value: "triage" } });
    const results = await screen.findByRole("listbox", { name: "Search results" });
    await waitFor(() => expect(within(results).getByRole("option", { name: /Triage rota/ })).toBeTruthy());
    expect(screen.getByTestId("search-names").textContent).toBe("Triage rota");
    expect(asked("/api/search?q=triage&limit=12")).toBe(1);

    server.hits = [hit("Triage rota (weekdays)")];
    await liveEvent(spaceChannel(spaceId), {
      type: "card.updated",
      payload: { card: { ...card, name: "Triage rota (weekdays)" } },
    });
    await waitFor(() =>
      expect(within(results).getByRole("option", { name: /Triage rota \(weekdays\)/ })).toBeTruthy(),
    );
    expect(screen.getByTestId("search-names").textContent).toBe("Triage rota (weekdays)");
    expect(asked("/api/search?q=triage&limit=12")).toBe(2);
  });
});

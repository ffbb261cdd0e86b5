/**
 * The card panel's live pickers and forms in jsdom, against a small in-memory stand-in for the API
 * (each test says what the server holds; the app's own client code reads it through `fetch`).
 */
import {
  type ActivityItem,
  type BlockerType,
  type Blocking,
  type Card,
  type Comment,
  type Label,
  type Member,
  spaceChannel,
  workspaceChannel,
} from "@lattice/domain";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { memberKeys } from "../../api/members";
import { queryClient } from "../../api/query-client";
import { useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { useBoard } from "../../store/board";
import { useUi } from "../../store/ui";
import { useWorkspaces } from "../../store/workspaces";
import type { WireEvent } from "../../sync/channels";
import { sync, useLiveBoard } from "../../sync/live";
import { Sidebar } from "../sidebar/sidebar";
import { BlockersSection } from "./blockers-section";
import { CardActivity } from "./card-activity";
import { CommentsSection } from "./comments-section";
import { useLabels, useMembers } from "./coordination-store";
import { PeopleFields } from "./people-dates";

/** The viewport width the tests pretend to have (jsdom has no media queries). */
const viewport = vi.hoisted(() => {
  const state = { width: 1440 };
  window.matchMedia = (query: string) =>
    ({
      matches: query === "(min-width: 1024px)" ? state.width >= 1024 : false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }) as unknown as MediaQueryList;
  return state;
});

const ws = "00000000-0000-4000-8000-000000000001";
const spaceId = "00000000-0000-4000-8000-000000000002";
const cardId = "00000000-0000-4000-8000-000000000003";
const statusId = "00000000-0000-4000-8000-000000000004";
const anaId = "00000000-0000-4000-8000-0000000000a1";
const benId = "00000000-0000-4000-8000-0000000000b2";
const typeId = "00000000-0000-4000-8000-0000000000c3";
const at = "2026-01-05T10:00:00.000Z";

const member = (userId: string, name: string, role: Member["role"]): Member => ({
  workspaceId: ws,
  userId,
  email: `${name.split(" ")[0]?.toLowerCase()}@example.com`,
  name,
  color: null,
  role,
  capacityPerWeek: null,
  createdAt: at,
});
const ana = member(anaId, "Ana Owner", "owner");
const ben = member(benId, "Ben Agent", "member");

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

// ---------- the stand-in server ----------

interface Server {
  members: Member[];
  activity: ActivityItem[];
  blockerTypes: BlockerType[];
  blockings: Blocking[];
  comments: Comment[];
  labels: Label[];
  /** Every request, as "METHOD path" with its JSON body. */
  calls: { route: string; body: unknown }[];
}

let server: Server;

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });

const notFound = () => json(404, { type: "about:blank", title: "Not found", status: 404, code: "not_found" });

const answer = (method: string, path: string, body: unknown): Response => {
  const route = `${method} ${path.split("?")[0]}`;
  switch (route) {
    case `GET /api/workspaces/${ws}/members`:
      return json(200, server.members);
    case `GET /api/spaces/${spaceId}/labels`:
      return json(200, server.labels);
    case `GET /api/cards/${cardId}/activity`:
      return json(200, { items: server.activity, nextBefore: null });
    case `GET /api/spaces/${spaceId}/blocker-types`:
      return json(200, server.blockerTypes);
    case `POST /api/spaces/${spaceId}/blocker-types`: {
      const type: BlockerType = {
        id: typeId,
        kind: "local",
        spaceId,
        name: (body as { name: string }).name,
        description: "",
        createdAt: at,
        activeCount: 0,
        isEnabled: true,
      };
      server.blockerTypes.push(type);
      return json(201, type);
    }
    case `GET /api/cards/${cardId}/blockings`:
      return json(200, server.blockings);
    case `POST /api/cards/${cardId}/blockings`: {
      const { blockerTypeId, reason } = body as { blockerTypeId: string; reason: string };
      const blocking: Blocking = {
        id: "00000000-0000-4000-8000-0000000000d4",
        workspaceId: ws,
        spaceId,
        cardId,
        blockerTypeId,
        blockerName: server.blockerTypes.find((t) => t.id === blockerTypeId)?.name ?? "?",
        reason,
        responsibleId: null,
        blockedBy: anaId,
        blockedAt: at,
        clearedAt: null,
        clearedBy: null,
      };
      server.blockings.push(blocking);
      return json(201, blocking);
    }
    case `GET /api/cards/${cardId}/comments`:
      return json(200, server.comments);
    case `POST /api/cards/${cardId}/comments`: {
      const comment: Comment = {
        id: "00000000-0000-4000-8000-0000000000e5",
        workspaceId: ws,
        spaceId,
        cardId,
        authorId: anaId,
        body: (body as { body: string }).body,
        mentionIds: [],
        createdAt: at,
        updatedAt: at,
      };
      server.comments.push(comment);
      return json(201, comment);
    }
    default:
      return notFound();
  }
};

// The panel and the sidebar speak through the interface's messages: English, as the app loads them first.
beforeAll(async () => {
  useI18n.setState({ translator: await createTranslator("en", "en", "UTC") });
});
afterAll(() => useI18n.setState({ translator: null }));

beforeEach(() => {
  server = {
    members: [ana],
    activity: [],
    blockerTypes: [],
    blockings: [],
    comments: [],
    labels: [],
    calls: [],
  };
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const method = init.method ?? "GET";
      const body: unknown = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
      server.calls.push({ route: `${method} ${path}`, body });
      return answer(method, path, body);
    }),
  );
  useWorkspaces.getState().reset();
  useBoard.setState({ role: "owner" });
  queryClient.clear();
});

afterEach(() => {
  cleanup();
  for (const channel of sync.registry.channels) sync.registry.unsubscribe(channel);
  vi.unstubAllGlobals();
});

/** A live event of the open board's space channel, as the board store receives it. */
const spaceEvent = (event: WireEvent, seq: number) => act(() => useBoard.getState().receive(event, seq));

/** A live event as the socket hands it to the tab's channel registry (the next one of its channel). */
const liveEvent = (channel: ReturnType<typeof spaceChannel>, event: WireEvent) =>
  act(() =>
    sync.registry.handleMessage({
      type: "event",
      channel,
      seq: (sync.registry.seqOf(channel) ?? 0) + 1,
      event,
    }),
  );

/** The tab follows the workspace channel, as the sidebar does for a loaded tree. */
const followWorkspace = () => {
  const channel = workspaceChannel(ws);
  sync.registry.subscribe(channel, 0, {
    apply: (event) => useWorkspaces.getState().applyTreeEvent(ws, event, anaId),
    reload: async () => 0,
  });
  sync.registry.handleMessage({ type: "subscribed", channel, seq: 0 });
  return channel;
};

const membersFetched = () => server.calls.filter((c) => c.route.endsWith(`/workspaces/${ws}/members`)).length;

// ---------- members follow live events ----------

const ResponsibleField = () => {
  const members = useMembers(ws);
  return (
    <dl>
      <PeopleFields card={card} members={members} canWrite myUserId={anaId} />
    </dl>
  );
};

describe("the people pickers", () => {
  it("list a member added to the workspace while the picker is open, without a reload", async () => {
    const channel = followWorkspace();
    render(
      <>
        <ResponsibleField />
        <ResponsibleField />
      </>,
    );
    fireEvent.click(screen.getAllByRole("button", { name: "Set responsible" })[0] as HTMLElement);
    const picker = screen.getByRole("dialog", { name: "Choose the responsible person" });
    await waitFor(() => expect(within(picker).getByRole("button", { name: /Ana Owner/ })).toBeTruthy());
    expect(within(picker).queryByRole("button", { name: /Ben Agent/ })).toBeNull();

    // Ben is invited (in the settings, or by another owner): the workspace channel says so.
    server.members = [ana, ben];
    await liveEvent(channel, {
      type: "member.added",
      payload: { member: ben },
      actorId: anaId,
      mutationId: null,
      at,
    });

    await waitFor(() => expect(within(picker).getByRole("button", { name: /Ben Agent/ })).toBeTruthy());
    expect(within(picker).getByRole("button", { name: /Ana Owner/ })).toBeTruthy();
    // One request for the list and one after the event, however many pickers and card fronts ask.
    expect(membersFetched()).toBe(2);
  });

  it("drop a member removed from the workspace", async () => {
    server.members = [ana, ben];
    const channel = followWorkspace();
    render(<ResponsibleField />);
    fireEvent.click(screen.getByRole("button", { name: "Set responsible" }));
    const picker = screen.getByRole("dialog", { name: "Choose the responsible person" });
    await waitFor(() => expect(within(picker).getByRole("button", { name: /Ben Agent/ })).toBeTruthy());

    server.members = [ana];
    await liveEvent(channel, {
      type: "member.removed",
      payload: { workspaceId: ws, userId: benId },
      actorId: anaId,
      mutationId: null,
      at,
    });
    await waitFor(() => expect(within(picker).queryByRole("button", { name: /Ben Agent/ })).toBeNull());
    expect(within(picker).getByRole("button", { name: /Ana Owner/ })).toBeTruthy();
  });
});

const label = (n: number, name: string): Label => ({
  id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, "0")}`,
  workspaceId: ws,
  spaceId,
  name,
  color: "blue",
  serviceLevelDays: null,
});
const LabelNames = () => {
  useLiveBoard(spaceId, () => undefined);
  return (
    <p data-testid="labels">
      {useLabels(spaceId)
        .map((l) => l.name)
        .join(", ")}
    </p>
  );
};

describe("the labels", () => {
  it("follow label events, and are read again when the board is opened again after time away", async () => {
    server.labels = [label(1, "Urgent")];
    useBoard.setState({ spaceId, status: "ready", seq: 4 });
    render(<LabelNames />);
    await waitFor(() => expect(screen.getByTestId("labels").textContent).toBe("Urgent"));
    act(() => sync.registry.handleMessage({ type: "subscribed", channel: spaceChannel(spaceId), seq: 4 }));

    server.labels = [label(1, "Urgent"), label(2, "Billing")];
    await liveEvent(spaceChannel(spaceId), {
      type: "label.created",
      payload: { label: label(2, "Billing") },
      actorId: benId,
      mutationId: null,
      at,
    });
    await waitFor(() => expect(screen.getByTestId("labels").textContent).toBe("Billing, Urgent"));

    // Away from the board (its channel left), someone adds a label; the board opens again.
    server.labels = [label(1, "Urgent"), label(2, "Billing"), label(3, "Customer")];
    act(() => useBoard.setState({ spaceId, status: "loading" }));
    act(() => useBoard.setState({ status: "ready" }));
    await waitFor(() => expect(screen.getByTestId("labels").textContent).toBe("Billing, Customer, Urgent"));
  });
});

// ---------- Escape closes the innermost thing ----------

describe("Escape", () => {
  it("after picking a co-worker closes the picker, and nothing around it", async () => {
    server.members = [ana, ben];
    const aroundIt = vi.fn();
    document.addEventListener("keydown", aroundIt);
    try {
      render(<ResponsibleField />);
      await waitFor(() => expect(queryClient.getQueryData(memberKeys.of(ws))).toHaveLength(2));
      fireEvent.click(screen.getByRole("button", { name: "+ Add co-worker" }));
      const picker = screen.getByRole("dialog", { name: "Choose co-workers" });
      const option = within(picker).getByRole("button", { name: /Ben Agent/ });
      option.focus();
      fireEvent.click(option);
      // Focus is on the option just picked, not in the search box.
      fireEvent.keyDown(option, { key: "Escape" });
      expect(screen.queryByRole("dialog", { name: "Choose co-workers" })).toBeNull();
      expect(aroundIt).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener("keydown", aroundIt);
    }
  });

  const atWidth = (width: number) => {
    viewport.width = width;
  };

  it("closes the sidebar drawer at phone width", () => {
    atWidth(390);
    useUi.setState({ isSidebarOpen: true });
    render(
      <MemoryRouter>
        <Sidebar />
      </MemoryRouter>,
    );
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(useUi.getState().isSidebarOpen).toBe(false);
  });

  it("leaves the sidebar alone on a wide screen, where it is not a drawer", () => {
    atWidth(1440);
    useUi.setState({ isSidebarOpen: true });
    render(
      <MemoryRouter>
        <Sidebar />
      </MemoryRouter>,
    );
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(useUi.getState().isSidebarOpen).toBe(true);
  });
});

// ---------- the card's activity ----------

const item = (seq: number, actor: Member, text: string, minutesAgo: number): ActivityItem => ({
  seq,
  channel: `space:${spaceId}`,
  type: "card.moved",
  actorId: actor.userId,
  actorName: actor.name,
  at: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  text,
  cardId,
});

describe("the card's activity", () => {
  it("shows the history the server reads aloud, with who and when, and follows live events", async () => {
    server.activity = [
      item(7, ben, "Ben Agent moved 'Triage rota' from To Do to Doing", 5),
      item(3, ana, "Ana Owner created 'Triage rota' in To Do", 90),
    ];
    render(<CardActivity cardId={cardId} myUserId={anaId} />);
    const list = await screen.findByRole("list", { name: "Card activity" });
    const lines = () =>
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.querySelector(".activity-text")?.textContent);
    expect(lines()).toEqual([
      "Ben Agent moved 'Triage rota' from To Do to Doing · 5 min ago",
      "You created 'Triage rota' in To Do · 2 h ago",
    ]);

    // Ben comments: the event arrives and the line with it.
    server.activity = [item(8, ben, "Ben Agent commented on 'Triage rota'", 0), ...server.activity];
    await spaceEvent(
      {
        type: "comment.created",
        payload: {
          comment: {
            id: "00000000-0000-4000-8000-0000000000e6",
            workspaceId: ws,
            spaceId,
            cardId,
            authorId: benId,
            body: "On it",
            mentionIds: [],
            createdAt: at,
            updatedAt: at,
          },
        },
        actorId: benId,
        mutationId: null,
        at,
      },
      8,
    );
    await waitFor(() => expect(lines()[0]).toBe("Ben Agent commented on 'Triage rota' · just now"));
    expect(lines()).toHaveLength(3);
  });
});

// ---------- blocking in a new space ----------

describe("the Block form", () => {
  it("lets a space owner create the first blocker type right in the form, then block", async () => {
    render(<BlockersSection card={card} members={[ana]} canWrite myUserId={anaId} />);
    fireEvent.click(await screen.findByRole("button", { name: "⊘ Block…" }));
    const form = screen.getByTestId("block-form");
    await within(form).findByText(/This space has no blocker types yet/);

    fireEvent.change(within(form).getByLabelText("New blocker type for this space"), {
      target: { value: "Waiting for a supplier" },
    });
    fireEvent.click(within(form).getByRole("button", { name: "Add type" }));
    const select = await within(form).findByLabelText<HTMLSelectElement>("Blocked by");
    expect(select.value).toBe(typeId);

    fireEvent.change(within(form).getByLabelText("Reason"), { target: { value: "Parts on order" } });
    fireEvent.click(within(form).getByRole("button", { name: "Block card" }));
    const open = await screen.findByRole("list", { name: "Open blockers" });
    expect(open.textContent).toContain("Waiting for a supplier");
    expect(open.textContent).toContain("Parts on order");
  });

  it("tells a member who may not create types where a space owner does it, and why Block does nothing", async () => {
    useBoard.setState({ role: "member" });
    render(<BlockersSection card={card} members={[ana]} canWrite myUserId={anaId} />);
    fireEvent.click(await screen.findByRole("button", { name: "⊘ Block…" }));
    const form = screen.getByTestId("block-form");
    await within(form).findByText(/under “Blocker types” in the board header/);
    expect(within(form).queryByLabelText("New blocker type for this space")).toBeNull();
    fireEvent.click(within(form).getByRole("button", { name: "Block card" }));
    expect(within(form).getByRole("alert").textContent).toContain("ask a space owner");
    expect(server.calls.some((c) => c.route.startsWith("POST"))).toBe(false);
  });
});

// ---------- mentions read as names while writing ----------

describe("the comment composer", () => {
  it("shows a picked person as an @Name token and stores the mention markup", async () => {
    render(<CommentsSection cardId={cardId} members={[ana, ben]} myUserId={anaId} canComment />);
    const composer = await screen.findByLabelText<HTMLTextAreaElement>("Write a comment");
    fireEvent.change(composer, { target: { value: "Please check, @Be" } });
    fireEvent.mouseDown(screen.getByRole("option", { name: /Ben Agent/ }));

    expect(composer.value).toBe("Please check, @Ben Agent ");
    expect(composer.value).not.toContain(benId);
    const token = document.querySelector(".mention-token");
    expect(token?.textContent).toBe("@Ben Agent");

    fireEvent.change(composer, { target: { value: `${composer.value}thanks` } });
    fireEvent.click(screen.getByRole("button", { name: "Comment" }));
    await waitFor(() => expect(server.comments).toHaveLength(1));
    expect(server.comments[0]?.body).toBe(`Please check, @[Ben Agent](${benId}) thanks`);
    // Sent, the composer is empty again.
    await waitFor(() => expect(composer.value).toBe(""));
  });

  it("opens a comment with mentions for editing with the names, not the markup", async () => {
    server.comments = [
      {
        id: "00000000-0000-4000-8000-0000000000e7",
        workspaceId: ws,
        spaceId,
        cardId,
        authorId: anaId,
        body: `Over to @[Ben Agent](${benId})`,
        mentionIds: [benId],
        createdAt: at,
        updatedAt: at,
      },
    ];
    render(<CommentsSection cardId={cardId} members={[ana, ben]} myUserId={anaId} canComment />);
    fireEvent.click(await screen.findByRole("button", { name: "Edit" }));
    const editor = screen.getByLabelText<HTMLTextAreaElement>("Edit comment");
    expect(editor.value).toBe("Over to @Ben Agent");
  });
});

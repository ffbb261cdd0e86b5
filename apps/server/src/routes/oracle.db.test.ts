/**
 * No existence oracle: wherever a request names another resource by id (a neighbour to place after,
 * a folder, a status, a card, a label, a person, a blocker type), naming one the caller may not see
 * must be answered exactly like naming one that does not exist: same status, same body, no change.
 */
import { randomUUID } from "node:crypto";
import { type TestDriver, testDriver } from "@lattice/db/testing";
import type { BlockerType, Card, Folder, Label, Space, Status, TodoItem, Workspace } from "@lattice/domain";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, factories, type Harness, startHarness } from "../test/harness.js";

interface Probe {
  name: string;
  method: "POST" | "PATCH" | "PUT";
  url: (ref: string) => string;
  /** The body naming `ref`: once a resource the caller may not see, once an id that names nothing. */
  body: (ref: string) => Record<string, unknown>;
  hidden: () => string;
}

const oracleSuite = (driver: TestDriver) => {
  describe(`foreign ids answer like unknown ones (${driver})`, () => {
    let h: Harness;
    let ana: Client;
    let bo: Client;
    let stranger: Client;
    // Ana's: a workspace Bo is a member of, with a private space Bo cannot see, and a private workspace.
    let shared: Workspace;
    let visibleSpace: Space;
    let visibleCard: Card;
    let privateSpace: Space;
    let privateStatus: Status;
    let privateCard: Card;
    let privateLabel: Label;
    let privateTodo: TodoItem;
    let privateBlocker: BlockerType;
    let foreign: Workspace;
    let foreignFolder: Folder;
    let foreignSpace: Space;
    let foreignCard: Card;
    // Bo's own.
    let own: Workspace;
    let ownSpace: Space;
    let ownFolder: Folder;
    let ownStatus: Status;
    let ownCard: Card;
    let ownTodo: TodoItem;

    const ok = <T>(res: LightMyRequestResponse, status: number): T => {
      if (res.statusCode !== status)
        throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
      return res.json<T>();
    };

    const first = <T>(list: T[]): T => {
      const [item] = list;
      if (item === undefined) throw new Error("expected at least one");
      return item;
    };

    beforeAll(async () => {
      h = await startHarness(driver);
      const f = factories(h.app);
      ana = await f.user("Ana");
      bo = await f.user("Bo");
      stranger = await f.user("Stranger");
      shared = await f.workspace(ana, { name: "Shared" });
      await f.member(ana, shared.id, bo, "member");
      visibleSpace = await f.space(ana, shared.id, { name: "Open ward" });
      visibleCard = await f.card(ana, visibleSpace.id, { name: "Visible card" });
      privateSpace = await f.space(ana, shared.id, { name: "Closed ward", isPrivate: true });
      privateStatus = first(await f.statuses(ana, privateSpace.id));
      privateCard = await f.card(ana, privateSpace.id, { name: "Private card" });
      privateLabel = ok(
        await ana.post(`/api/spaces/${privateSpace.id}/labels`, { name: "Secret", color: "#aa3355" }),
        201,
      );
      privateTodo = ok(await ana.post(`/api/cards/${privateCard.id}/todos`, { text: "Secret step" }), 201);
      privateBlocker = ok(
        await ana.post(`/api/spaces/${privateSpace.id}/blocker-types`, { name: "Secret wait" }),
        201,
      );
      foreign = await f.workspace(ana, { name: "Ana alone", visibility: "private" });
      foreignFolder = await f.folder(ana, foreign.id);
      foreignSpace = await f.space(ana, foreign.id);
      foreignCard = await f.card(ana, foreignSpace.id);
      own = await f.workspace(bo, { name: "Bo's" });
      ownFolder = await f.folder(bo, own.id);
      ownSpace = await f.space(bo, own.id, { name: "Bo space" });
      await f.space(bo, own.id, { name: "Bo second space" });
      ownStatus = first(await f.statuses(bo, ownSpace.id));
      ownCard = await f.card(bo, ownSpace.id);
      ownTodo = ok(await bo.post(`/api/cards/${ownCard.id}/todos`, { text: "Step" }), 201);
      ok(await bo.post(`/api/cards/${ownCard.id}/todos`, { text: "Second step" }), 201);
    });
    afterAll(async () => {
      await h.close();
    });

    const probes: Probe[] = [
      {
        name: "workspace placed after a private workspace",
        method: "PATCH",
        url: () => `/api/workspaces/${own.id}`,
        body: (ref) => ({ afterId: ref }),
        hidden: () => foreign.id,
      },
      {
        name: "workspace placed before a private workspace",
        method: "PATCH",
        url: () => `/api/workspaces/${own.id}`,
        body: (ref) => ({ beforeId: ref }),
        hidden: () => foreign.id,
      },
      {
        name: "space placed after a private sibling space",
        method: "PATCH",
        url: () => `/api/spaces/${visibleSpace.id}`,
        body: (ref) => ({ afterId: ref }),
        hidden: () => privateSpace.id,
      },
      {
        name: "space placed before a private sibling space",
        method: "PATCH",
        url: () => `/api/spaces/${visibleSpace.id}`,
        body: (ref) => ({ beforeId: ref }),
        hidden: () => privateSpace.id,
      },
      {
        name: "space moved into a folder of a private workspace",
        method: "PATCH",
        url: () => `/api/spaces/${ownSpace.id}`,
        body: (ref) => ({ folderId: ref }),
        hidden: () => foreignFolder.id,
      },
      {
        name: "space created in a folder of a private workspace",
        method: "POST",
        url: () => `/api/workspaces/${own.id}/spaces`,
        body: (ref) => ({ name: "Probe", folderId: ref }),
        hidden: () => foreignFolder.id,
      },
      {
        name: "folder created under a folder of a private workspace",
        method: "POST",
        url: () => `/api/workspaces/${own.id}/folders`,
        body: (ref) => ({ name: "Probe", parentFolderId: ref }),
        hidden: () => foreignFolder.id,
      },
      {
        name: "folder moved under a folder of a private workspace",
        method: "PATCH",
        url: () => `/api/folders/${ownFolder.id}`,
        body: (ref) => ({ parentFolderId: ref }),
        hidden: () => foreignFolder.id,
      },
      {
        name: "folder placed after a folder of a private workspace",
        method: "PATCH",
        url: () => `/api/folders/${ownFolder.id}`,
        body: (ref) => ({ afterId: ref }),
        hidden: () => foreignFolder.id,
      },
      {
        name: "status placed after a status of a private space",
        method: "PATCH",
        url: () => `/api/statuses/${ownStatus.id}`,
        body: (ref) => ({ afterId: ref }),
        hidden: () => privateStatus.id,
      },
      {
        name: "card created in a status of a private space",
        method: "POST",
        url: () => `/api/spaces/${ownSpace.id}/cards`,
        body: (ref) => ({ name: "Probe", statusId: ref }),
        hidden: () => privateStatus.id,
      },
      {
        name: "card moved to a status of a private space",
        method: "POST",
        url: () => `/api/cards/${ownCard.id}/move`,
        body: (ref) => ({ statusId: ref }),
        hidden: () => privateStatus.id,
      },
      {
        name: "card moved after a card of a private space",
        method: "POST",
        url: () => `/api/cards/${ownCard.id}/move`,
        body: (ref) => ({ statusId: ownStatus.id, afterId: ref }),
        hidden: () => privateCard.id,
      },
      {
        name: "card given a label of a private space",
        method: "PATCH",
        url: () => `/api/cards/${ownCard.id}`,
        body: (ref) => ({ labelIds: [ref] }),
        hidden: () => privateLabel.id,
      },
      {
        name: "card given a responsible person who cannot see its space",
        method: "PATCH",
        url: () => `/api/cards/${visibleCard.id}`,
        body: (ref) => ({ responsibleId: ref }),
        hidden: () => stranger.user.id,
      },
      {
        name: "card given a co-worker who cannot see its space",
        method: "PATCH",
        url: () => `/api/cards/${visibleCard.id}`,
        body: (ref) => ({ coworkerIds: [ref] }),
        hidden: () => stranger.user.id,
      },
      {
        name: "card related to a card of a private space",
        method: "POST",
        url: () => `/api/cards/${visibleCard.id}/relations`,
        body: (ref) => ({ type: "next", cardId: ref }),
        hidden: () => privateCard.id,
      },
      {
        name: "card related to a card of a private workspace",
        method: "POST",
        url: () => `/api/cards/${ownCard.id}/relations`,
        body: (ref) => ({ type: "parent", cardId: ref }),
        hidden: () => foreignCard.id,
      },
      {
        name: "card blocked with a blocker type of a private space",
        method: "POST",
        url: () => `/api/cards/${visibleCard.id}/blockings`,
        body: (ref) => ({ blockerTypeId: ref, reason: "Probe" }),
        hidden: () => privateBlocker.id,
      },
      {
        name: "to-do placed after a to-do of a private card",
        method: "PATCH",
        url: () => `/api/todos/${ownTodo.id}`,
        body: (ref) => ({ afterId: ref }),
        hidden: () => privateTodo.id,
      },
      {
        name: "on-demand blocker enabled with a local type of a private space",
        method: "PUT",
        url: (ref) => `/api/spaces/${ownSpace.id}/blocker-types/${ref}/enabled`,
        body: () => ({ enabled: true }),
        hidden: () => privateBlocker.id,
      },
    ];

    /** The answers must be the same byte for byte once the named id is swapped for a placeholder. */
    const answer = (res: LightMyRequestResponse, ref: string) => ({
      status: res.statusCode,
      contentType: res.headers["content-type"],
      body: res.body.replaceAll(ref, "<ref>"),
    });

    it.each(probes)("$name", async (probe) => {
      const hidden = probe.hidden();
      const unknown = randomUUID();
      const tree = (await bo.get(`/api/workspaces/${own.id}/tree`)).body;
      const workspaces = (await bo.get("/api/workspaces")).body;
      const withHidden = answer(
        await bo.request(probe.method, probe.url(hidden), probe.body(hidden)),
        hidden,
      );
      const withUnknown = answer(
        await bo.request(probe.method, probe.url(unknown), probe.body(unknown)),
        unknown,
      );
      expect(withHidden.status).toBeGreaterThanOrEqual(400);
      expect(withHidden.status).toBeLessThan(500);
      expect(withHidden.contentType).toMatch(/^application\/problem\+json/);
      expect(withHidden).toEqual(withUnknown);
      // Refused requests change nothing Bo can see.
      expect((await bo.get(`/api/workspaces/${own.id}/tree`)).body).toBe(tree);
      expect((await bo.get("/api/workspaces")).body).toBe(workspaces);
    });
  });
};

oracleSuite(testDriver());

import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  addDays,
  builtInTemplates,
  type CardFromTemplate,
  type CardTemplate,
  type CustomField,
  type Label,
  type SpaceTemplate,
  spaceTemplateContentSchema,
  type TemplateResult,
  type TodoItem,
  type Workspace,
  workspaceChannel,
} from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";
import { TestSocket } from "../test/ws-client.js";

const templatesSuite = (driver: TestDriver): void => {
  describe(`templates (${driver})`, () => {
    let h: Harness;
    let baseUrl: string;
    let f: ReturnType<typeof factories>;
    let olga: Client;
    let ana: Client;
    let mo: Client;
    let vi: Client;
    let oz: Client;
    let workspace: Workspace;
    let other: Workspace;
    const sockets: TestSocket[] = [];

    beforeAll(async () => {
      h = await startHarness(driver, undefined, {}, { heartbeatMs: 60_000, pollMs: 1000 });
      baseUrl = await h.app.listen({ port: 0, host: "127.0.0.1" });
      f = factories(h.app);
      olga = await f.user("Olga Owner");
      ana = await f.user("Ana");
      mo = await f.user("Mo");
      vi = await f.user("Vi");
      oz = await f.user("Oz");
      workspace = await f.workspace(olga);
      await f.member(olga, workspace.id, ana, "member");
      await f.member(olga, workspace.id, mo, "member");
      await f.member(olga, workspace.id, vi, "visitor");
      other = await f.workspace(oz, { name: "Elsewhere" });
    });
    afterAll(async () => {
      for (const socket of sockets) socket.ws.close();
      await h?.close();
    });

    const board = async (client: Client, spaceId: string) => {
      const res = await client.get(`/api/spaces/${spaceId}/board`);
      expect(res.statusCode, res.body).toBe(200);
      return boardFromReply(res.json());
    };
    const spaceCount = async () =>
      (await olga.get(`/api/workspaces/${workspace.id}/tree`)).json<{ spaces: unknown[] }>().spaces.length;
    const templateCount = async () =>
      (await olga.get(`/api/workspaces/${workspace.id}/space-templates`)).json<{ items: SpaceTemplate[] }>()
        .items.length;
    const fromTemplate = (client: Client, workspaceId: string, body: Record<string, unknown>) =>
      client.post(`/api/workspaces/${workspaceId}/spaces/from-template`, body);
    const json = <T>(res: { statusCode: number; body: string; json: <U>() => U }, status: number): T => {
      expect(res.statusCode, res.body).toBe(status);
      return res.json<T>();
    };

    /** A space with a WIP limit, labels, a blocker type, a field and three related, dated cards. */
    const richSpace = async () => {
      const space = await f.space(olga, workspace.id, { name: "Discharge lounge" });
      const [todo, doing] = await f.statuses(olga, space.id);
      json(await olga.patch(`/api/statuses/${doing?.id}`, { wipLimit: 4 }), 200);
      json(
        await olga.post(`/api/spaces/${space.id}/statuses`, { name: "On hold", role: "information" }),
        201,
      );
      const urgent = json<Label>(
        await olga.post(`/api/spaces/${space.id}/labels`, { name: "Urgent", color: "#c0392b" }),
        201,
      );
      json(await olga.post(`/api/spaces/${space.id}/blocker-types`, { name: "Waiting for transport" }), 201);
      json<CustomField>(
        await olga.post(`/api/spaces/${space.id}/fields`, {
          name: "Ward",
          kind: "single_choice",
          options: [{ name: "Cardiology", color: "#2980b9" }],
        }),
        201,
      );
      const plan = await f.card(olga, space.id, { name: "Plan the lounge", statusId: todo?.id });
      const staff = await f.card(olga, space.id, { name: "Staff the lounge", statusId: todo?.id });
      const open = await f.card(olga, space.id, { name: "Open the lounge", statusId: doing?.id });
      json(
        await olga.patch(`/api/cards/${plan.id}`, {
          startDate: "2026-03-02",
          dueDate: "2026-03-06",
          labelIds: [urgent.id],
          responsibleId: ana.user.id,
          coworkerIds: [mo.user.id],
        }),
        200,
      );
      json(await olga.patch(`/api/cards/${staff.id}`, { dueDate: "2026-03-16" }), 200);
      json(
        await olga.patch(`/api/cards/${open.id}`, { startDate: "2026-03-20", dueDate: "2026-03-30" }),
        200,
      );
      json(await olga.post(`/api/cards/${plan.id}/todos`, { text: "Book the room" }), 201);
      json(await olga.post(`/api/cards/${plan.id}/todos`, { text: "Order chairs" }), 201);
      json(await olga.post(`/api/cards/${plan.id}/relations`, { type: "child", cardId: staff.id }), 201);
      json(await olga.post(`/api/cards/${plan.id}/relations`, { type: "next", cardId: open.id }), 201);
      return space;
    };

    it("lists the built-in templates beside the workspace's own to every member, visitors included", async () => {
      const items = json<{ items: SpaceTemplate[] }>(
        await vi.get(`/api/workspaces/${workspace.id}/space-templates`),
        200,
      ).items;
      expect(items.filter((t) => t.isBuiltIn).map((t) => t.id)).toEqual(builtInTemplates.map((t) => t.id));
      expect(items.every((t) => !t.canManage)).toBe(true);
    });

    it("saves a space with its shape and cards, and makes a new space from it with dates from the chosen start", async () => {
      const space = await richSpace();
      const saved = json<SpaceTemplate>(
        await ana.post(`/api/spaces/${space.id}/save-as-template`, { name: "Discharge lounge set-up" }),
        201,
      );
      expect(saved).toMatchObject({
        name: "Discharge lounge set-up",
        cardCount: 3,
        canManage: true,
        isBuiltIn: false,
      });
      expect(saved.statusNames).toEqual(["To Do", "Doing", "Done", "On hold"]);

      const created = json<TemplateResult>(
        await mo.post(`/api/workspaces/${workspace.id}/spaces/from-template`, {
          templateId: saved.id,
          name: "Discharge lounge, east wing",
          startDate: "2027-01-11",
        }),
        201,
      );
      expect(created.notes).toEqual([]);
      const source = await board(olga, space.id);
      const copy = await board(mo, created.space.id);
      expect(copy.statuses.map((s) => [s.name, s.role, s.wipLimit])).toEqual(
        source.statuses.map((s) => [s.name, s.role, s.wipLimit]),
      );
      expect(copy.statuses.find((s) => s.name === "Doing")?.wipLimit).toBe(4);
      // The reference day is the earliest day among the cards (2026-03-02); it becomes the start.
      const shift = (day: string | null) =>
        day === null
          ? null
          : addDays("2027-01-11", (Date.parse(day) - Date.parse("2026-03-02")) / 86_400_000);
      for (const card of source.cards) {
        const twin = copy.cards.find((c) => c.name === card.name);
        expect(twin, card.name).toBeDefined();
        expect([twin?.startDate, twin?.dueDate]).toEqual([shift(card.startDate), shift(card.dueDate)]);
        expect(copy.statuses.find((s) => s.id === twin?.statusId)?.name).toBe(
          source.statuses.find((s) => s.id === card.statusId)?.name,
        );
      }
      const plan = copy.cards.find((c) => c.name === "Plan the lounge");
      expect(plan).toMatchObject({
        startDate: "2027-01-11",
        dueDate: "2027-01-15",
        responsibleId: ana.user.id,
      });
      expect(plan?.coworkerIds).toEqual([mo.user.id]);
      const labels = json<Label[]>(await mo.get(`/api/spaces/${created.space.id}/labels`), 200);
      expect(labels.map((l) => [l.name, l.color])).toEqual([["Urgent", "#c0392b"]]);
      expect(plan?.labelIds).toEqual([labels[0]?.id]);
      const todos = json<TodoItem[]>(await mo.get(`/api/cards/${plan?.id}/todos`), 200);
      expect(todos.map((t) => t.text)).toEqual(["Book the room", "Order chairs"]);
      const byName = (id: string) => copy.cards.find((c) => c.id === id)?.name;
      expect(copy.relations.map((r) => [r.kind, byName(r.fromCardId), byName(r.toCardId)]).sort()).toEqual([
        ["next", "Plan the lounge", "Open the lounge"],
        ["parent", "Plan the lounge", "Staff the lounge"],
      ]);
      expect(copy.fields.map((field) => [field.name, field.kind, field.options.map((o) => o.name)])).toEqual([
        ["Ward", "single_choice", ["Cardiology"]],
      ]);
      const blockers = json<{ name: string; kind: string }[]>(
        await mo.get(`/api/spaces/${created.space.id}/blocker-types`),
        200,
      );
      expect(blockers.filter((b) => b.kind === "local").map((b) => b.name)).toEqual([
        "Waiting for transport",
      ]);
    });

    it("makes only the shape of a space when cards are left out, on saving or on creating", async () => {
      const space = await richSpace();
      const shape = json<SpaceTemplate>(
        await olga.post(`/api/spaces/${space.id}/save-as-template`, {
          name: "Lounge shape",
          includeCards: false,
        }),
        201,
      );
      expect(shape.cardCount).toBe(0);
      const withCards = json<SpaceTemplate>(
        await olga.post(`/api/spaces/${space.id}/save-as-template`, { name: "Lounge all" }),
        201,
      );
      const created = json<TemplateResult>(
        await fromTemplate(olga, workspace.id, {
          templateId: withCards.id,
          name: "Lounge, no cards",
          startDate: "2027-02-01",
          includeCards: false,
        }),
        201,
      );
      const copy = await board(olga, created.space.id);
      expect(copy.cards).toEqual([]);
      expect(copy.statuses.map((s) => s.name)).toEqual(["To Do", "Doing", "Done", "On hold"]);
    });

    it("creates a space from each built-in template, with its cards' days counted from the start", async () => {
      for (const builtIn of builtInTemplates) {
        const content = spaceTemplateContentSchema.parse(builtIn.content);
        const created = json<TemplateResult>(
          await fromTemplate(ana, workspace.id, {
            templateId: builtIn.id,
            name: builtIn.name,
            startDate: "2027-03-01",
          }),
          201,
        );
        const copy = await board(ana, created.space.id);
        expect(copy.statuses.map((s) => s.name)).toEqual(content.statuses.map((s) => s.name));
        expect(copy.cards).toHaveLength(content.cards.length);
        expect(copy.relations).toHaveLength(content.relations.length);
        for (const card of content.cards) {
          const made = copy.cards.find((c) => c.name === card.name);
          expect(made?.dueDate ?? null).toBe(
            card.dueDay === null ? null : addDays("2027-03-01", card.dueDay),
          );
          expect(made?.todoTotal).toBe(card.todos.length);
        }
      }
    });

    it("leaves out people who are not members of the workspace and says so", async () => {
      const written = json<SpaceTemplate>(
        await olga.post(`/api/workspaces/${workspace.id}/space-templates`, {
          name: "Night rota",
          content: {
            statuses: [{ name: "Planned", role: "not_started" }],
            cards: [
              {
                key: "a",
                name: "Cover ward 3",
                status: "Planned",
                responsibleId: oz.user.id,
                coworkerIds: [ana.user.id],
              },
              {
                key: "b",
                name: "Cover ward 4",
                status: "Planned",
                coworkerIds: [oz.user.id, mo.user.id],
                dueDay: 14,
              },
            ],
          },
        }),
        201,
      );
      const created = json<TemplateResult>(
        await fromTemplate(olga, workspace.id, {
          templateId: written.id,
          name: "Night rota",
          startDate: "2027-04-01",
        }),
        201,
      );
      expect(created.notes).toEqual([
        "1 person named in the template is not a member of this workspace and was left out of 2 cards.",
      ]);
      const copy = await board(olga, created.space.id);
      const a = copy.cards.find((c) => c.name === "Cover ward 3");
      const b = copy.cards.find((c) => c.name === "Cover ward 4");
      expect([a?.responsibleId, a?.coworkerIds]).toEqual([null, [ana.user.id]]);
      expect([b?.coworkerIds, b?.dueDate]).toEqual([[mo.user.id], "2027-04-15"]);
    });

    it("answers 404 for an unknown template, a built-in that does not exist, and another workspace's template", async () => {
      const foreign = json<SpaceTemplate>(
        await oz.post(`/api/workspaces/${other.id}/space-templates`, {
          name: "Theirs",
          content: { statuses: [{ name: "Open", role: "not_started" }] },
        }),
        201,
      );
      const before = await spaceCount();
      for (const templateId of ["7b0f3c2e-1d1a-4c55-9a39-8d0c1f0d2a11", "builtin:no-such-thing", foreign.id])
        expectProblem(
          await fromTemplate(olga, workspace.id, { templateId, name: "X", startDate: "2027-01-01" }),
          404,
          "not_found",
        );
      expectProblem(await olga.get(`/api/space-templates/${foreign.id}`), 404, "not_found");
      expectProblem(
        await olga.patch(`/api/space-templates/${foreign.id}`, { name: "Mine" }),
        404,
        "not_found",
      );
      expectProblem(await olga.delete(`/api/space-templates/${foreign.id}`), 404, "not_found");
      expect(await spaceCount()).toBe(before);
    });

    it("refuses a malformed template with a problem naming the field, and changes nothing", async () => {
      const before = await templateCount();
      const post = (content: unknown) =>
        olga.post(`/api/workspaces/${workspace.id}/space-templates`, { name: "Broken", content });
      expectProblem(await post({ statuses: [] }), 400, "validation_failed", ["body.content.statuses"]);
      expectProblem(
        await post({
          statuses: [{ name: "Open", role: "not_started" }],
          cards: [{ key: "a", name: "A", status: "Gone" }],
        }),
        400,
        "validation_failed",
        ["body.content.cards.0.status"],
      );
      expectProblem(
        await post({
          statuses: [{ name: "Open", role: "not_started" }],
          cards: [
            { key: "a", name: "A", status: "Open" },
            { key: "b", name: "B", status: "Open" },
          ],
          relations: [
            { kind: "next", from: "a", to: "b" },
            { kind: "next", from: "b", to: "a" },
          ],
        }),
        400,
        "validation_failed",
        ["body.content.relations.1"],
      );
      expectProblem(
        await post({ statuses: [{ name: "Open", role: "sideways" }] }),
        400,
        "validation_failed",
        ["body.content.statuses.0.role"],
      );
      expectProblem(
        await post({
          statuses: [{ name: "Open", role: "not_started" }],
          cards: [{ key: "a", name: "A", status: "Open", startDay: 5, dueDay: 1 }],
        }),
        400,
        "validation_failed",
        ["body.content.cards.0.dueDay"],
      );
      expectProblem(
        await fromTemplate(olga, workspace.id, {
          templateId: "builtin:complaint-handling",
          name: "X",
          startDate: "2027-02-30",
        }),
        400,
        "validation_failed",
        ["body.startDate"],
      );
      expectProblem(
        await fromTemplate(olga, workspace.id, {
          templateId: "not a template",
          name: "X",
          startDate: "2027-02-01",
        }),
        400,
        "validation_failed",
        ["body.templateId"],
      );
      expect(await templateCount()).toBe(before);
    });

    it("keeps templates from non-members (404) and lets only owners and the saver rename or delete them", async () => {
      const space = await f.space(ana, workspace.id, { name: "Ana's board" });
      const saved = json<SpaceTemplate>(
        await ana.post(`/api/spaces/${space.id}/save-as-template`, { name: "Ana's" }),
        201,
      );
      expectProblem(await oz.get(`/api/workspaces/${workspace.id}/space-templates`), 404, "not_found");
      expectProblem(await oz.get(`/api/space-templates/${saved.id}`), 404, "not_found");
      expectProblem(
        await oz.post(`/api/spaces/${space.id}/save-as-template`, { name: "Mine" }),
        404,
        "not_found",
      );
      expectProblem(
        await fromTemplate(oz, workspace.id, { templateId: saved.id, name: "X", startDate: "2027-01-01" }),
        404,
        "not_found",
      );
      expectProblem(await oz.delete(`/api/space-templates/${saved.id}`), 404, "not_found");
      expectProblem(
        await vi.post(`/api/spaces/${space.id}/save-as-template`, { name: "Vi's" }),
        403,
        "forbidden",
      );
      expectProblem(
        await fromTemplate(vi, workspace.id, { templateId: saved.id, name: "X", startDate: "2027-01-01" }),
        403,
        "forbidden",
      );
      expectProblem(await mo.patch(`/api/space-templates/${saved.id}`, { name: "Mo's" }), 403, "forbidden");
      expectProblem(await mo.delete(`/api/space-templates/${saved.id}`), 403, "forbidden");
      const listed = json<{ items: SpaceTemplate[] }>(
        await mo.get(`/api/workspaces/${workspace.id}/space-templates`),
        200,
      );
      expect(listed.items.find((t) => t.id === saved.id)?.canManage).toBe(false);

      const renamed = json<SpaceTemplate>(
        await ana.patch(`/api/space-templates/${saved.id}`, { name: "Intake board" }),
        200,
      );
      expect(renamed.name).toBe("Intake board");
      expect(
        json<SpaceTemplate>(
          await olga.patch(`/api/space-templates/${saved.id}`, { description: "For intake" }),
          200,
        ),
      ).toMatchObject({ name: "Intake board", description: "For intake" });
      expectProblem(
        await olga.patch(`/api/space-templates/builtin:complaint-handling`, { name: "X" }),
        400,
        "validation_failed",
      );
      expect((await olga.delete(`/api/space-templates/${saved.id}`)).statusCode).toBe(204);
      expectProblem(await ana.get(`/api/space-templates/${saved.id}`), 404, "not_found");
    });

    it("announces a space made from a template like one made by hand, so other sidebars update", async () => {
      const socket = await TestSocket.open(baseUrl, mo.session?.cookie ?? null);
      sockets.push(socket);
      await socket.next((fr) => fr.type === "hello");
      expect((await socket.subscribe(workspaceChannel(workspace.id))).type).toBe("subscribed");
      const created = json<TemplateResult>(
        await fromTemplate(olga, workspace.id, {
          templateId: "builtin:patient-feedback",
          name: "Feedback, spring",
          startDate: "2027-04-01",
        }),
        201,
      );
      const frame = await socket.next((fr) => fr.type === "event" && fr.event.type === "space.created");
      expect(frame.type === "event" && frame.event.payload).toMatchObject({
        space: { id: created.space.id },
      });
      const tree = json<{ spaces: Array<{ id: string }> }>(
        await mo.get(`/api/workspaces/${workspace.id}/tree`),
        200,
      );
      expect(tree.spaces.map((s) => s.id)).toContain(created.space.id);
    });

    describe("card templates", () => {
      it("saves a card as a template and adds cards from it with its to-dos, labels and people", async () => {
        const space = await f.space(olga, workspace.id, { name: "Admissions" });
        const [, doing] = await f.statuses(olga, space.id);
        const label = json<Label>(
          await olga.post(`/api/spaces/${space.id}/labels`, { name: "Elective", color: "#16a085" }),
          201,
        );
        const card = await f.card(olga, space.id, {
          name: "Admit patient",
          description: "Follow the checklist.",
        });
        json(
          await olga.patch(`/api/cards/${card.id}`, {
            labelIds: [label.id],
            responsibleId: ana.user.id,
            coworkerIds: [mo.user.id],
          }),
          200,
        );
        json(await olga.post(`/api/cards/${card.id}/todos`, { text: "Check ID band" }), 201);
        json(await olga.post(`/api/cards/${card.id}/todos`, { text: "Record allergies" }), 201);
        const saved = json<{ template: CardTemplate; notes: string[] }>(
          await ana.post(`/api/cards/${card.id}/save-as-template`, { name: "Admission" }),
          201,
        );
        expect(saved.notes).toEqual([]);
        expect(saved.template).toMatchObject({
          name: "Admission",
          description: "Follow the checklist.",
          todos: ["Check ID band", "Record allergies"],
          labelIds: [label.id],
          responsibleId: ana.user.id,
          coworkerIds: [mo.user.id],
        });
        const listed = json<{ items: CardTemplate[] }>(
          await vi.get(`/api/spaces/${space.id}/card-templates`),
          200,
        );
        expect(listed.items.map((t) => t.id)).toEqual([saved.template.id]);

        const made = json<CardFromTemplate>(
          await mo.post(`/api/card-templates/${saved.template.id}/cards`, {
            name: "Admit Mrs Jones",
            statusId: doing?.id,
          }),
          201,
        );
        expect(made.notes).toEqual([]);
        expect(made.card).toMatchObject({
          name: "Admit Mrs Jones",
          statusId: doing?.id,
          description: "Follow the checklist.",
          labelIds: [label.id],
          responsibleId: ana.user.id,
          coworkerIds: [mo.user.id],
          todoTotal: 2,
        });
        const todos = json<TodoItem[]>(await mo.get(`/api/cards/${made.card.id}/todos`), 200);
        expect(todos.map((t) => t.text)).toEqual(["Check ID band", "Record allergies"]);
      });

      it("makes a card template from scratch and leaves out people who left, with a note", async () => {
        const space = await f.space(olga, workspace.id, { name: "Transfers" });
        const leaver = await f.user("Lee");
        await f.member(olga, workspace.id, leaver, "member");
        const scratch = json<{ template: CardTemplate; notes: string[] }>(
          await ana.post(`/api/spaces/${space.id}/card-templates`, {
            name: "Transfer",
            todos: ["Call the receiving ward"],
            responsibleId: leaver.user.id,
            coworkerIds: [oz.user.id, mo.user.id],
          }),
          201,
        );
        expect(scratch.template).toMatchObject({ responsibleId: leaver.user.id, coworkerIds: [mo.user.id] });
        expect(scratch.notes).toEqual([
          "1 person named in the template is no longer a member of this space and was left out.",
        ]);
        expect(
          (await olga.delete(`/api/workspaces/${workspace.id}/members/${leaver.user.id}`)).statusCode,
        ).toBe(204);
        const made = json<CardFromTemplate>(
          await ana.post(`/api/card-templates/${scratch.template.id}/cards`, {}),
          201,
        );
        expect(made.card).toMatchObject({
          name: "Transfer",
          responsibleId: null,
          coworkerIds: [mo.user.id],
          todoTotal: 1,
        });
        expect(made.notes).toEqual([
          "1 person named in the template is no longer a member of this space and was left out.",
        ]);
      });

      it("keeps card templates from non-members and visitors, and refuses labels of another space", async () => {
        const space = await f.space(olga, workspace.id, { name: "Theatre list" });
        const elsewhere = await f.space(olga, workspace.id, { name: "Elsewhere" });
        const foreign = json<Label>(
          await olga.post(`/api/spaces/${elsewhere.id}/labels`, { name: "X", color: "#000000" }),
          201,
        );
        const saved = json<{ template: CardTemplate }>(
          await mo.post(`/api/spaces/${space.id}/card-templates`, { name: "Slot" }),
          201,
        ).template;
        expectProblem(await oz.get(`/api/spaces/${space.id}/card-templates`), 404, "not_found");
        expectProblem(await oz.post(`/api/card-templates/${saved.id}/cards`, {}), 404, "not_found");
        expectProblem(await oz.delete(`/api/card-templates/${saved.id}`), 404, "not_found");
        expectProblem(await vi.post(`/api/card-templates/${saved.id}/cards`, {}), 403, "forbidden");
        expectProblem(
          await vi.post(`/api/spaces/${space.id}/card-templates`, { name: "Vi's" }),
          403,
          "forbidden",
        );
        expectProblem(
          await mo.post(`/api/spaces/${space.id}/card-templates`, { name: "Bad", labelIds: [foreign.id] }),
          400,
          "validation_failed",
          ["body.labelIds.0"],
        );
        expectProblem(
          await mo.post(`/api/spaces/${space.id}/card-templates`, { name: "" }),
          400,
          "validation_failed",
          ["body.name"],
        );
        expectProblem(await ana.delete(`/api/card-templates/${saved.id}`), 403, "forbidden");
        expect((await board(olga, space.id)).cards).toEqual([]);
        expect((await mo.delete(`/api/card-templates/${saved.id}`)).statusCode).toBe(204);
        expectProblem(await mo.post(`/api/card-templates/${saved.id}/cards`, {}), 404, "not_found");
      });
    });
  });
};

templatesSuite(testDriver());

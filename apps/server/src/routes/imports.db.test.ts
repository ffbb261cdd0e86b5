import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  type Card,
  type Comment,
  type CsvPreview,
  type TodoItem,
  type TrelloImportResult,
  type TrelloPreview,
  trelloBoardExport,
} from "@lattice/domain";
import { trelloBoardFixture } from "@lattice/domain/import/trello-fixture";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";
import { expectProblem } from "../test/problems.js";

const importSuite = (driver: TestDriver): void => {
  describe(`importing a Trello board (${driver})`, () => {
    let h: Harness;
    let f: ReturnType<typeof factories>;
    let owner: Client;
    let ana: Client;
    let visitor: Client;
    let outsider: Client;
    let workspaceId: string;
    beforeAll(async () => {
      h = await startHarness(driver);
      f = factories(h.app);
      owner = await f.user("Olga Owner");
      ana = await f.user("Ana Lima");
      visitor = await f.user("Vi");
      outsider = await f.user("Oz");
      workspaceId = (await f.workspace(owner)).id;
      await f.member(owner, workspaceId, ana, "member");
      await f.member(owner, workspaceId, visitor, "visitor");
    });
    afterAll(async () => h?.close());

    const spaceCount = async () =>
      (await owner.get(`/api/workspaces/${workspaceId}/tree`)).json<{ spaces: unknown[] }>().spaces.length;
    const importPath = () => `/api/workspaces/${workspaceId}/imports/trello`;

    it("creates a space with the board's lists, cards, labels, to-dos and comments", async () => {
      const file = trelloBoardFixture({ cards: 30 });
      const board = trelloBoardExport.parse(file);
      const res = await owner.post(`/api/workspaces/${workspaceId}/imports/trello`, {
        board: file,
        timeZone: "UTC",
      });
      expect(res.statusCode, res.body).toBe(201);
      const { space, summary } = res.json<TrelloImportResult>();
      expect(space.name).toBe(board.name);

      const loaded = boardFromReply((await ana.get(`/api/spaces/${space.id}/board`)).json());
      const openLists = board.lists.filter((l) => !l.closed).sort((a, b) => a.pos - b.pos);
      expect(loaded.statuses.map((s) => s.name)).toEqual(openLists.map((l) => l.name));
      expect(loaded.statuses.find((s) => s.name === "Done ✅")?.role).toBe("completed");

      const closedList = board.lists.find((l) => l.closed)?.id;
      const archived = board.cards.filter((c) => c.closed || c.idList === closedList);
      expect(loaded.cards).toHaveLength(board.cards.length - archived.length);
      const archivedRes = await ana.get(`/api/spaces/${space.id}/archived-cards`);
      expect(archivedRes.json<{ items: Card[] }>().items).toHaveLength(archived.length);
      expect(summary).toMatchObject({
        cards: board.cards.length,
        archivedCards: archived.length,
        closedLists: 1,
      });

      // Each open list's cards in Trello's order.
      for (const status of loaded.statuses) {
        const list = openLists.find((l) => l.name === status.name);
        const expected = board.cards
          .filter((c) => c.idList === list?.id && !c.closed)
          .sort((a, b) => a.pos - b.pos)
          .map((c) => c.name);
        const actual = loaded.cards
          .filter((c) => c.statusId === status.id)
          .sort((a, b) => (a.position < b.position ? -1 : 1))
          .map((c) => c.name);
        expect(actual).toEqual(expected);
      }

      // Ana is matched by her full name: responsible for the cards Trello gave her first.
      const source = board.cards.find(
        (c) => !c.closed && c.idList !== closedList && c.idMembers[0] === board.members[0]?.id,
      );
      const imported = loaded.cards.find((c) => c.name === source?.name);
      expect(imported?.responsibleId).toBe(ana.user.id);
      expect(imported?.labelIds).toHaveLength(source?.idLabels.length ?? -1);

      // Checklists as to-dos, ticks kept.
      const withChecklist = board.cards.find(
        (c) => !c.closed && c.idList !== closedList && board.checklists.some((l) => l.idCard === c.id),
      );
      const target = loaded.cards.find((c) => c.name === withChecklist?.name);
      const items = board.checklists
        .filter((l) => l.idCard === withChecklist?.id)
        .flatMap((l) => l.checkItems);
      expect(target).toMatchObject({
        todoTotal: items.length,
        todoDone: items.filter((i) => i.state).length,
      });
      const todos = (await ana.get(`/api/cards/${target?.id}/todos`)).json<TodoItem[]>();
      expect(todos).toHaveLength(items.length);

      // Comments keep their date; an author outside the workspace keeps their name in the text.
      const commented = board.actions.filter((a) => a.type === "commentCard");
      const byFormer = commented.find((a) => a.memberCreator?.fullName === "Former Colleague");
      const card = [...loaded.cards, ...archivedRes.json<{ items: Card[] }>().items].find(
        (c) => c.name === board.cards.find((b) => b.id === byFormer?.data.card?.id)?.name,
      );
      const comments = (await ana.get(`/api/cards/${card?.id}/comments`)).json<Comment[]>();
      const kept = comments.find((c) => c.body.includes(byFormer?.data.text ?? "?"));
      expect(kept?.body).toContain("Former Colleague wrote in Trello");
      expect(kept?.createdAt).toBe(new Date(byFormer?.date ?? "").toISOString());
    });

    it("previews without creating anything, and names who was matched", async () => {
      const before = await spaceCount();
      const res = await owner.post(`/api/workspaces/${workspaceId}/imports/trello/preview`, {
        board: trelloBoardFixture({ cards: 5 }),
      });
      expect(res.statusCode, res.body).toBe(200);
      const preview = res.json<TrelloPreview>();
      expect(preview.members.find((m) => m.fullName === "Ana Lima")).toMatchObject({
        userId: ana.user.id,
        matchedBy: "name",
      });
      expect(preview.members.find((m) => m.fullName === "Former Colleague")?.userId).toBeNull();
      expect(preview.summary.cards).toBe(5);
      expect(await spaceCount()).toBe(before);
    });

    it("follows the importer's member choices and refuses someone outside the workspace", async () => {
      const file = trelloBoardFixture({ cards: 4 });
      const jonas = file.members?.find((m) => m.fullName === "Jonas Weiß");
      const before = await spaceCount();
      const refused = await owner.post(importPath(), {
        board: file,
        memberMap: { [jonas?.id ?? ""]: outsider.user.id },
      });
      expectProblem(refused, 400, "validation_failed");
      expect(await spaceCount()).toBe(before);

      const chosen = await owner.post(importPath(), {
        board: file,
        memberMap: { [jonas?.id ?? ""]: visitor.user.id },
      });
      expect(chosen.statusCode, chosen.body).toBe(201);
      expect(chosen.json<TrelloImportResult>().summary.membersMatched).toBe(2);
    });

    it("answers a file that is not a Trello export with 400 and creates nothing", async () => {
      const before = await spaceCount();
      for (const board of [
        { name: "x" },
        [],
        { name: "x", lists: "none", cards: [] },
        { name: "x", lists: [], cards: [{ id: "c" }] },
        "text",
      ]) {
        expectProblem(await owner.post(importPath(), { board }), 400, "validation_failed");
      }
      expect(await spaceCount()).toBe(before);
    });

    it("lets visitors not import, and answers outsiders as if the workspace did not exist", async () => {
      const board = trelloBoardFixture({ cards: 2 });
      expectProblem(await visitor.post(importPath(), { board }), 403, "forbidden");
      expectProblem(await outsider.post(importPath(), { board }), 404, "not_found");
      expectProblem(
        await outsider.post(`/api/workspaces/${workspaceId}/imports/trello/preview`, { board }),
        404,
        "not_found",
      );
    });

    it("takes exports bigger than an ordinary request, such as a board of 3,000 cards", async () => {
      const file = trelloBoardFixture({ cards: 3_000 });
      expect(JSON.stringify({ board: file }).length).toBeGreaterThan(1_048_576);
      const res = await owner.post(importPath(), { board: file });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      const { space, summary } = res.json<TrelloImportResult>();
      const loaded = boardFromReply((await owner.get(`/api/spaces/${space.id}/board`)).json());
      expect(loaded.cards).toHaveLength(summary.cards - summary.archivedCards);
    });
    describe("a CSV file", () => {
      const csv = [
        "Title,Notes,Status,Due,Assignee,Tags",
        '"Call the ward","About the rota, and ""nights""",To do,2025-03-05,Ana Lima,"Urgent, Ward 3"',
        "Survey results,,Done,2025-03-14,,Survey",
        "Letter,,In progress,not a day,,",
      ].join("\r\n");

      it("previews its columns and suggested mapping without creating anything", async () => {
        const before = await spaceCount();
        const res = await owner.post(`/api/workspaces/${workspaceId}/imports/csv/preview`, { csv });
        expect(res.statusCode, res.body).toBe(200);
        const preview = res.json<CsvPreview>();
        expect(preview.header).toEqual(["Title", "Notes", "Status", "Due", "Assignee", "Tags"]);
        expect(preview.rows).toBe(3);
        expect(preview.mapping).toMatchObject({
          name: 0,
          description: 1,
          status: 2,
          dueDate: 3,
          responsible: 4,
          labels: 5,
        });
        expect(preview.statuses.map((s) => s.name)).toEqual(["To do", "In progress", "Done"]);
        expect(preview.summary.notes.join(" ")).toContain("could not be read");
        expect(await spaceCount()).toBe(before);
      });

      it("imports a card per row with its status, day, responsible person and labels", async () => {
        const mapping = { name: 0, description: 1, status: 2, dueDate: 3, responsible: 4, labels: 5 };
        const res = await owner.post(`/api/workspaces/${workspaceId}/imports/csv`, {
          csv,
          mapping,
          name: "Complaints",
        });
        expect(res.statusCode, res.body).toBe(201);
        const { space } = res.json<TrelloImportResult>();
        expect(space.name).toBe("Complaints");
        const loaded = boardFromReply((await ana.get(`/api/spaces/${space.id}/board`)).json());
        expect(loaded.statuses.map((s) => s.name)).toEqual(["To do", "In progress", "Done"]);
        const call = loaded.cards.find((c) => c.name === "Call the ward");
        expect(call).toMatchObject({
          description: 'About the rota, and "nights"',
          dueDate: "2025-03-05",
          responsibleId: ana.user.id,
        });
        expect(call?.labelIds).toHaveLength(2);
        expect(loaded.cards.find((c) => c.name === "Letter")?.dueDate).toBeNull();
      });

      it("reads a spreadsheet's semicolon export with a byte-order mark, quoted line breaks and unicode", async () => {
        const file = [
          "\uFEFFAufgabe;Beschreibung;Status;Beginn;Fällig;Verantwortlich;Etiketten",
          `Zimmer 12 prüfen;"Erste Zeile\nZweite Zeile";Offen;01.03.2025;05.03.2025 14:00;${ana.user.email.toUpperCase()};"Dringend, Station 3"`,
          "Bericht für Dr. Øster 📋;;Erledigt;;14.03.2025;Olga Owner;Station 3",
          ";nur Notizen;Offen;;;;",
          "Brief;;Offen;10.04.2025;01.04.2025;Niemand Bekannt;",
        ].join("\r\n");
        const preview = await owner.post(`/api/workspaces/${workspaceId}/imports/csv/preview`, {
          csv: file,
          dateOrder: "dmy",
        });
        expect(preview.statusCode, preview.body).toBe(200);
        const read = preview.json<CsvPreview>();
        expect(read.header[0]).toBe("Aufgabe");
        expect(read.mapping).toEqual({
          name: 0,
          description: 1,
          status: 2,
          startDate: 3,
          dueDate: 4,
          responsible: 5,
          labels: 6,
        });
        expect(read.cards[0]).toMatchObject({
          row: 2,
          name: "Zimmer 12 prüfen",
          description: "Erste Zeile\nZweite Zeile",
          status: "Offen",
          startDate: "2025-03-01",
          dueDate: "2025-03-05",
          responsible: "Ana Lima",
          labels: ["Dringend", "Station 3"],
          warnings: [],
        });
        expect(read.cards[1]).toMatchObject({ name: "Bericht für Dr. Øster 📋", responsible: "Olga Owner" });
        expect(read.rowWarnings.map((w) => w.row)).toEqual([4, 5]);
        expect(read.rowsWithWarnings).toBe(2);
        expect(read.summary).toMatchObject({ cards: 3, labels: 2, membersMatched: 2, membersUnmatched: 1 });

        const res = await owner.post(`/api/workspaces/${workspaceId}/imports/csv`, {
          csv: file,
          dateOrder: "dmy",
          mapping: read.mapping,
          name: "Station",
        });
        expect(res.statusCode, res.body).toBe(201);
        const loaded = boardFromReply(
          (await ana.get(`/api/spaces/${res.json<TrelloImportResult>().space.id}/board`)).json(),
        );
        expect(loaded.cards.map((c) => c.name).sort()).toEqual([
          "Bericht für Dr. Øster 📋",
          "Brief",
          "Zimmer 12 prüfen",
        ]);
        expect(loaded.cards.find((c) => c.name === "Zimmer 12 prüfen")).toMatchObject({
          description: "Erste Zeile\nZweite Zeile",
          responsibleId: ana.user.id,
          startDate: "2025-03-01",
          dueDate: "2025-03-05",
        });
      });

      it("offers every column of a row wider than the header", async () => {
        const res = await owner.post(`/api/workspaces/${workspaceId}/imports/csv/preview`, {
          csv: "Title\nA,extra",
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<CsvPreview>().header).toEqual(["Title", ""]);
      });

      it("answers a broken file or a column the file lacks with 400 and creates nothing", async () => {
        const before = await spaceCount();
        const path = `/api/workspaces/${workspaceId}/imports/csv`;
        expectProblem(
          await owner.post(path, { csv: 'a,"b\nc', mapping: { name: 0 }, name: "X" }),
          400,
          "validation_failed",
          ["body.csv"],
        );
        expectProblem(
          await owner.post(path, { csv, mapping: { name: 0, labels: 9 }, name: "X" }),
          400,
          "validation_failed",
          ["body.mapping.labels"],
        );
        expectProblem(
          await owner.post(path, { csv: "", mapping: { name: 0 }, name: "X" }),
          400,
          "validation_failed",
          ["body.csv"],
        );
        expect(await spaceCount()).toBe(before);
        expectProblem(await visitor.post(path, { csv, mapping: { name: 0 }, name: "X" }), 403, "forbidden");
        expectProblem(await outsider.post(path, { csv, mapping: { name: 0 }, name: "X" }), 404, "not_found");
      });
    });
  });
};

importSuite(testDriver());

/**
 * What the server writes into data and replies for people reads in their language (`users.locale`):
 * a new space's columns, a space made from a built-in template (and the templates as listed), My
 * space's first columns, the trash's notes and places, and an import's summary and row warnings.
 */
import { type TestDriver, testDriver } from "@lattice/db/testing";
import {
  builtInTemplates,
  builtInTemplateWords,
  type CsvPreview,
  createTranslator,
  type MySpace,
  type Restored,
  type SpaceTemplate,
  type TemplateResult,
} from "@lattice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardFromReply, type Client, factories, type Harness, startHarness } from "../test/harness.js";

const serverWordsSuite = (driver: TestDriver): void => {
  describe(`words the server writes, in the reader's language (${driver})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(driver);
    });
    afterAll(async () => {
      await h?.close();
    });

    const f = () => factories(h.app);
    const speaking = async (name: string, locale: "en" | "de" | "ar"): Promise<Client> => {
      const client = await f().user(name);
      expect((await client.patch("/api/me/settings", { locale })).statusCode).toBe(200);
      return client;
    };
    const json = <T>(res: { statusCode: number; body: string; json: <U>() => U }, status: number): T => {
      expect(res.statusCode, res.body).toBe(status);
      return res.json<T>();
    };
    const statusNames = async (client: Client, spaceId: string) =>
      boardFromReply(json(await client.get(`/api/spaces/${spaceId}/board`), 200)).statuses.map((s) => s.name);
    const complaints = builtInTemplates.find((t) => t.id === "builtin:complaint-handling");
    if (!complaints) throw new Error("the complaint-handling template is built in");

    for (const locale of ["de", "ar"] as const) {
      const { t } = createTranslator(locale);
      const say = (english: string) => builtInTemplateWords[english]?.[locale];

      it(`${locale}: a plain new space and My space start with columns in the creator's language, kept as typed after`, async () => {
        const reader = await speaking(`Reader ${locale}`, locale);
        const workspace = await f().workspace(reader);
        const space = await f().space(reader, workspace.id);
        const expected = [t("words.status.toDo"), t("words.status.doing"), t("words.status.done")];
        expect(expected).not.toContain("To Do");
        expect(await statusNames(reader, space.id)).toEqual(expected);

        const mine = json<MySpace>(await reader.get("/api/me/space"), 200);
        expect(mine.columns.map((c) => c.name)).toEqual([
          t("words.mySpace.toDo"),
          t("words.mySpace.thisWeek"),
          t("words.mySpace.doing"),
          t("words.mySpace.done"),
        ]);

        // Once made they are the space's own names: an English reader of the same space reads them as written.
        const english = await speaking(`English ${locale}`, "en");
        await f().member(reader, workspace.id, english, "member");
        expect(await statusNames(english, space.id)).toEqual(expected);
      });

      it(`${locale}: lists the built-in templates and makes a space from one in the creator's language`, async () => {
        const reader = await speaking(`Planner ${locale}`, locale);
        const workspace = await f().workspace(reader);
        const listed = json<{ items: SpaceTemplate[] }>(
          await reader.get(`/api/workspaces/${workspace.id}/space-templates`),
          200,
        ).items.find((item) => item.id === complaints.id);
        expect(listed?.name).toBe(say(complaints.name));
        expect(listed?.name).not.toBe(complaints.name);

        const made = json<TemplateResult>(
          await reader.post(`/api/workspaces/${workspace.id}/spaces/from-template`, {
            templateId: complaints.id,
            name: "2027",
            startDate: "2027-03-01",
            includeCards: true,
          }),
          201,
        );
        const board = boardFromReply(json(await reader.get(`/api/spaces/${made.space.id}/board`), 200));
        const columns = complaints.content.statuses.map((s) => say(s.name));
        expect(board.statuses.map((s) => s.name)).toEqual(columns);
        expect(made.space.description).toBe(say(complaints.description));
        // A card's column follows its translated status name.
        const example = complaints.content.cards?.find((c) => c.key === "example");
        const card = board.cards.find((c) => c.name === say(example?.name ?? ""));
        expect(board.statuses.find((s) => s.id === card?.statusId)?.name).toBe(say(example?.status ?? ""));
      });

      it(`${locale}: the trash's restore note and top-level place are in the restorer's language`, async () => {
        const reader = await speaking(`Keeper ${locale}`, locale);
        const workspace = await f().workspace(reader);
        const space = await f().space(reader, workspace.id, { name: "Ward 3" });
        const [, doing] = await f().statuses(reader, space.id);
        const card = await f().card(reader, space.id, { name: "Night rota", statusId: doing?.id });
        expect((await reader.delete(`/api/cards/${card.id}`)).statusCode).toBe(204);
        expect((await reader.delete(`/api/statuses/${doing?.id}`)).statusCode).toBe(204);
        const restored = json<Restored>(await reader.post(`/api/trash/${card.id}/restore`), 200);
        expect(restored.note).toBe(t("note.trash.columnGone", { column: t("words.status.toDo") }));

        const folder = await f().folder(reader, workspace.id, { name: "Clinics" });
        const moved = await f().space(reader, workspace.id, { name: "Outpatients", folderId: folder.id });
        expect((await reader.delete(`/api/spaces/${moved.id}`)).statusCode).toBe(204);
        expect((await reader.delete(`/api/folders/${folder.id}`)).statusCode).toBe(204);
        const back = json<Restored>(await reader.post(`/api/trash/${moved.id}/restore`), 200);
        expect(back.note).toBe(t("note.trash.folderGone", { folder: "Clinics" }));
        expect(back.placeName).toBe(t("words.trash.topLevel"));
      });

      it(`${locale}: a CSV import's summary notes and row warnings are in the importer's language`, async () => {
        const reader = await speaking(`Importer ${locale}`, locale);
        const workspace = await f().workspace(reader);
        const csv = ["Title,Due", "Letter,not a day", ",2027-03-01"].join("\r\n");
        const preview = json<CsvPreview>(
          await reader.post(`/api/workspaces/${workspace.id}/imports/csv/preview`, { csv }),
          200,
        );
        expect(preview.summary.notes).toEqual([
          t("note.csv.nameless", { count: 1 }),
          t("note.csv.badDays", { count: 1 }),
        ]);
        expect(preview.rowWarnings).toEqual([
          { row: 2, warnings: [t("note.csv.row.badDue", { value: "not a day" })] },
          { row: 3, warnings: [t("note.csv.row.nameless")] },
        ]);
        // No status column: the one column it makes is named in the importer's language, and not started.
        expect(preview.statuses.map((s) => [s.name, s.role])).toEqual([
          [t("words.status.toDo"), "not_started"],
        ]);
      });
    }

    it("an English reader reads the built-in template and the notes as before", async () => {
      const reader = await speaking("Eve", "en");
      const workspace = await f().workspace(reader);
      const space = await f().space(reader, workspace.id);
      expect(await statusNames(reader, space.id)).toEqual(["To Do", "Doing", "Done"]);
      const listed = json<{ items: SpaceTemplate[] }>(
        await reader.get(`/api/workspaces/${workspace.id}/space-templates`),
        200,
      ).items.find((item) => item.id === complaints.id);
      expect(listed?.name).toBe(complaints.name);
    });
  });
};

serverWordsSuite(testDriver());

/**
 * `pnpm bench:import`: a Trello export of 5,000 cards (with checklists, comments, labels and
 * members), then a CSV file of 5,000 rows (quoted descriptions, five statuses, day.month.year dates,
 * a responsible person and labels), each imported as a new space through the API, on PGlite and on
 * PostgreSQL; prints the time of the preview and of the import, and the file's size.
 */
import { createTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/config.js";
import { trelloBoardFixture } from "../packages/domain/src/import/trello-fixture.js";

const CARDS = 5_000;
const ROUNDS = 3;

const csvStatuses = ["Offen", "In Arbeit", "Warten auf Station", "Erledigt", "Abgebrochen"];
const csvLabels = ["Dringend", "Station 3", "Küche", "Lärm", "Rückruf"];
const csvPeople = ["Ana Lima", "", "jemand.fremdes@example.test"];

/** A spreadsheet's CSV export of `rows` complaints, with a header row. */
const csvFixture = (rows: number): string => {
  const lines = ["Titel;Beschreibung;Status;Beginn;Fällig;Verantwortlich;Etiketten"];
  const day = (n: number) =>
    `${String((n % 28) + 1).padStart(2, "0")}.${String((n % 12) + 1).padStart(2, "0")}.2025`;
  for (let i = 0; i < rows; i++)
    lines.push(
      [
        `Beschwerde ${i + 1} – Zimmer ${(i % 40) + 1}`,
        `"Patientin meldet: ""${i % 2 ? "Lärm" : "Wartezeit"}"";\nbitte Rückruf"`,
        csvStatuses[i % csvStatuses.length],
        i % 3 ? day(i) : "",
        day(i + 3),
        csvPeople[i % csvPeople.length],
        `"${csvLabels[i % csvLabels.length]}, ${csvLabels[(i + 2) % csvLabels.length]}"`,
      ].join(";"),
    );
  return lines.join("\r\n");
};

const cookieOf = (header: string | string[] | undefined): string =>
  (Array.isArray(header) ? header : [header ?? ""])
    .find((c) => c.startsWith("lattice_session="))
    ?.split(";")[0] ?? "";

const benchDriver = async (driver: "pglite" | "pg"): Promise<void> => {
  const db = await createTestDatabase(driver);
  const app = await buildApp({
    handle: db.handle,
    config: { ...loadConfig({}), webDist: null, loginRateLimit: 1000 },
  });
  try {
    const signup = await app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: `bench-${Date.now()}@example.test`, name: "Ana Lima", password: "bench-password-1" },
    });
    const headers = { cookie: cookieOf(signup.headers["set-cookie"]), "content-type": "application/json" };
    const workspace = await app.inject({
      method: "POST",
      url: "/api/workspaces",
      headers,
      payload: { name: "Bench" },
    });
    const workspaceId = workspace.json<{ id: string }>().id;
    const payload = JSON.stringify({ board: trelloBoardFixture({ cards: CARDS }) });
    for (let round = 1; round <= ROUNDS; round++) {
      const previewStart = performance.now();
      const preview = await app.inject({
        method: "POST",
        url: `/api/workspaces/${workspaceId}/imports/trello/preview`,
        headers,
        payload,
      });
      const previewMs = performance.now() - previewStart;
      if (preview.statusCode !== 200)
        throw new Error(`preview answered ${preview.statusCode}: ${preview.body}`);
      const start = performance.now();
      const imported = await app.inject({
        method: "POST",
        url: `/api/workspaces/${workspaceId}/imports/trello`,
        headers,
        payload,
      });
      const importMs = performance.now() - start;
      if (imported.statusCode !== 201)
        throw new Error(`import answered ${imported.statusCode}: ${imported.body}`);
      const { summary } = imported.json<{ summary: { cards: number; todos: number; comments: number } }>();
      console.log(
        `${driver.padEnd(6)} round ${round}: ${(payload.length / 1_048_576).toFixed(1)} MB export, ${summary.cards} cards, ` +
          `${summary.todos} to-dos, ${summary.comments} comments: preview ${previewMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms`,
      );
    }
    const csv = csvFixture(CARDS);
    const mapping = {
      name: 0,
      description: 1,
      status: 2,
      startDate: 3,
      dueDate: 4,
      responsible: 5,
      labels: 6,
    };
    for (let round = 1; round <= ROUNDS; round++) {
      const previewStart = performance.now();
      const preview = await app.inject({
        method: "POST",
        url: `/api/workspaces/${workspaceId}/imports/csv/preview`,
        headers,
        payload: JSON.stringify({ csv, dateOrder: "dmy", mapping }),
      });
      const previewMs = performance.now() - previewStart;
      if (preview.statusCode !== 200)
        throw new Error(`CSV preview answered ${preview.statusCode}: ${preview.body}`);
      const start = performance.now();
      const imported = await app.inject({
        method: "POST",
        url: `/api/workspaces/${workspaceId}/imports/csv`,
        headers,
        payload: JSON.stringify({ csv, dateOrder: "dmy", mapping, name: `CSV ${round}` }),
      });
      const importMs = performance.now() - start;
      if (imported.statusCode !== 201)
        throw new Error(`CSV import answered ${imported.statusCode}: ${imported.body}`);
      const { summary } = imported.json<{ summary: { cards: number; labels: number } }>();
      console.log(
        `${driver.padEnd(6)} CSV round ${round}: ${(csv.length / 1_048_576).toFixed(1)} MB file, ${summary.cards} cards, ` +
          `${summary.labels} labels: preview ${previewMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await app.close();
    await db.drop();
  }
};

await benchDriver("pglite");
if (await isPostgresReachable()) await benchDriver("pg");
else console.log("pg: skipped — no PostgreSQL at TEST_DATABASE_URL");

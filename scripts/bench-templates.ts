/**
 * `pnpm bench:templates`: a space template of 200 cards (each with to-dos, labels, two people and
 * dates; parent and next relations between them) made into a new space through the API, on PGlite
 * and on PostgreSQL; prints the time of each creation (one transaction each).
 */
import { createTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import { buildApp } from "../apps/server/src/app.js";
import { loadConfig } from "../apps/server/src/config.js";
import type { SpaceTemplateContentInput } from "../packages/domain/src/templates/schemas.js";

const CARDS = 200;
const ROUNDS = 5;

const cookieOf = (header: string | string[] | undefined): string =>
  (Array.isArray(header) ? header : [header ?? ""])
    .find((c) => c.startsWith("lattice_session="))
    ?.split(";")[0] ?? "";

const templateOf = (userId: string): SpaceTemplateContentInput => {
  const statuses = [
    { name: "Received", role: "not_started" as const },
    { name: "Acknowledged", role: "in_progress" as const, wipLimit: 20 },
    { name: "Investigating", role: "in_progress" as const },
    { name: "Closed", role: "completed" as const },
  ];
  const labels = ["Clinical care", "Communication", "Waiting times", "Facilities"].map((name, i) => ({
    name,
    color: ["#c0392b", "#2980b9", "#d35400", "#7f8c8d"][i] ?? "#000000",
  }));
  return {
    statuses,
    labels,
    blockerTypes: [{ name: "Waiting for the department" }],
    fields: [{ name: "Department", kind: "text", showOnCard: true }],
    cards: Array.from({ length: CARDS }, (_, i) => ({
      key: `c${i}`,
      name: `Complaint ${i + 1}`,
      description: "Acknowledge within two working days; reply within twenty-five.",
      status: statuses[i % statuses.length]?.name ?? "Received",
      labels: [labels[i % labels.length]?.name ?? "Facilities"],
      todos: ["Log it", "Acknowledge", "Ask the department", "Reply"],
      startDay: i % 30,
      dueDay: (i % 30) + 25,
      responsibleId: userId,
      coworkerIds: [],
    })),
    relations: Array.from({ length: CARDS - 1 }, (_, i) =>
      i % 10 === 0
        ? { kind: "next" as const, from: `c${i}`, to: `c${i + 1}` }
        : { kind: "parent" as const, from: `c${i - (i % 10)}`, to: `c${i + 1}` },
    ),
  };
};

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
    const userId = signup.json<{ id: string }>().id;
    const headers = { cookie: cookieOf(signup.headers["set-cookie"]), "content-type": "application/json" };
    const workspace = await app.inject({
      method: "POST",
      url: "/api/workspaces",
      headers,
      payload: { name: "Bench" },
    });
    const workspaceId = workspace.json<{ id: string }>().id;
    const saved = await app.inject({
      method: "POST",
      url: `/api/workspaces/${workspaceId}/space-templates`,
      headers,
      payload: { name: "Complaints, 200 cards", content: templateOf(userId) },
    });
    if (saved.statusCode !== 201) throw new Error(`saving answered ${saved.statusCode}: ${saved.body}`);
    const templateId = saved.json<{ id: string }>().id;
    for (let round = 1; round <= ROUNDS; round++) {
      const start = performance.now();
      const created = await app.inject({
        method: "POST",
        url: `/api/workspaces/${workspaceId}/spaces/from-template`,
        headers,
        payload: { templateId, name: `Complaints ${round}`, startDate: "2027-01-04" },
      });
      const ms = performance.now() - start;
      if (created.statusCode !== 201)
        throw new Error(`creating answered ${created.statusCode}: ${created.body}`);
      console.log(
        `${driver.padEnd(6)} round ${round}: space from a ${CARDS}-card template (${CARDS * 4} to-dos, ${CARDS - 1} relations) in ${ms.toFixed(0)} ms`,
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

/**
 * `pnpm bench:digest`: how long one round of the daily digest takes for 1,000 people, on embedded
 * PGlite (in memory) and, when it answers, PostgreSQL (a fresh database, dropped at the end). Each
 * person is a member of one workspace, responsible for a card due today and one late, co-worker on
 * another, and has three unread notifications; the round reads it all, decides, and queues 1,000
 * messages. A second round at the same time (everyone done) shows the cost of the idle check every
 * instance makes each minute.
 */
import { createDb, type DbHandle, tables } from "@lattice/db";
import { createPostgresTestDatabase, isPostgresReachable } from "@lattice/db/testing";
import { sendDueDigests } from "../apps/server/src/mail/digest.js";

const PEOPLE = 1000;
const now = new Date("2026-12-07T08:00:00Z");

const seed = async ({ db }: DbHandle): Promise<void> => {
  const people = await db
    .insert(tables.users)
    .values(
      Array.from({ length: PEOPLE }, (_, i) => ({
        email: `person.${i}@example.test`,
        name: `Person ${i}`,
        timeZone: i % 2 === 0 ? "Europe/Paris" : "Europe/London",
      })),
    )
    .returning({ id: tables.users.id });
  const [workspace] = await db
    .insert(tables.workspaces)
    .values({ name: "Hospital", position: "a0" })
    .returning();
  if (!workspace) throw new Error("no workspace");
  await db
    .insert(tables.workspaceMembers)
    .values(people.map((p) => ({ workspaceId: workspace.id, userId: p.id, role: "member" as const })));
  const [space] = await db
    .insert(tables.spaces)
    .values({ workspaceId: workspace.id, name: "Wards", position: "a0" })
    .returning();
  if (!space) throw new Error("no space");
  const [status] = await db
    .insert(tables.statuses)
    .values({
      workspaceId: workspace.id,
      spaceId: space.id,
      name: "Doing",
      position: "a0",
      role: "in_progress",
    })
    .returning();
  if (!status) throw new Error("no status");
  const card = (i: number, n: number, dueDate: string, responsibleId: string | null) => ({
    workspaceId: workspace.id,
    spaceId: space.id,
    statusId: status.id,
    name: `Card ${i}.${n}`,
    position: `a${String(i * 3 + n).padStart(6, "0")}`,
    responsibleId,
    dueDate,
  });
  const cards = await db
    .insert(tables.cards)
    .values(
      people.flatMap((p, i) => [
        card(i, 0, "2026-12-07", p.id),
        card(i, 1, "2026-12-01", p.id),
        card(i, 2, "2026-12-07", null),
      ]),
    )
    .returning({ id: tables.cards.id, name: tables.cards.name });
  await db.insert(tables.cardCoworkers).values(
    people.map((p, i) => ({
      cardId: cards[i * 3 + 2]?.id ?? "",
      userId: p.id,
      workspaceId: workspace.id,
    })),
  );
  await db.insert(tables.notifications).values(
    people.flatMap((p, i) =>
      (["mentioned", "assigned_responsible", "commented"] as const).map((kind) => ({
        userId: p.id,
        kind,
        workspaceId: workspace.id,
        cardId: cards[i * 3]?.id ?? null,
        data: { cardName: cards[i * 3]?.name ?? "", spaceId: space.id },
        createdAt: new Date(now.getTime() - 3_600_000),
      })),
    ),
  );
};

const run = async (driver: string, handle: DbHandle): Promise<void> => {
  await seed(handle);
  const options = { publicUrl: "https://lattice.example.test", digestHour: 7, now };
  const started = performance.now();
  const first = await sendDueDigests(handle, options);
  const busy = performance.now() - started;
  const again = performance.now();
  const second = await sendDueDigests(handle, options);
  const idle = performance.now() - again;
  console.log(
    `${driver}: ${first.queued} digests for ${PEOPLE} people in ${Math.round(busy)} ms ` +
      `(${(busy / PEOPLE).toFixed(2)} ms a person); the next round, with nobody due, ${Math.round(idle)} ms ` +
      `(${second.queued} queued)`,
  );
};

const pglite = await createDb({ dataDir: "memory://" });
try {
  await run("PGlite", pglite);
} finally {
  await pglite.close();
}
if (await isPostgresReachable()) {
  const pg = await createPostgresTestDatabase();
  try {
    await run("PostgreSQL", pg.handle);
  } finally {
    await pg.drop();
  }
} else {
  console.log("PostgreSQL is not reachable: skipped.");
}

/**
 * `pnpm seed:demo`: seeds a realistic demo workspace, "Customer Service Strategy 2027" of a hospital,
 * into the configured database (same environment as the server: DATABASE_URL, else DATA_DIR, default
 * ./data): three folders of spaces with their statuses, eight people with demo accounts, a couple of
 * hundred cards and six months of history (status changes, blockings) so the board, the Time chart,
 * the Forecast chart and the cumulative flow have something true to show.
 *
 * The hierarchy is made through the server's own commands (so it has its events); the cards and
 * their past are written directly with past timestamps, one transaction per space, which also
 * appends a `card.created` event per card with its final state for the live log.
 * Idempotent: if the workspace exists, it says so and exits 0.
 *
 * A PGlite data directory is opened by one process at a time: while the server runs on it, the seed
 * is refused at once (exit 1) and says so; stop the server, seed, start it again.
 */
import {
  createDb,
  DataDirLockedError,
  type DbHandle,
  type MutationContext,
  runMutation,
  tables,
  toUser,
} from "@lattice/db";
import { sql } from "drizzle-orm";
import { createFolder } from "../apps/server/src/commands/folders.js";
import { addMember } from "../apps/server/src/commands/members.js";
import { createSpace } from "../apps/server/src/commands/spaces.js";
import { createStatus, updateStatus } from "../apps/server/src/commands/statuses.js";
import { createWorkspace } from "../apps/server/src/commands/workspaces.js";
import { loadConfig } from "../apps/server/src/config.js";
import { hashPassword } from "../apps/server/src/passwords.js";
import { addDays, type Status, type StatusRole, type User } from "../packages/domain/src/index.js";
import { writeDemoActivity } from "./demo-activity.js";
import { type HistoryStatus, insertHistory, planHistory } from "./demo-history.js";

const WORKSPACE = "Customer Service Strategy 2027";
const PASSWORD = "lattice-demo-2027";
const DAYS = 182;

const people = [
  { name: "Maria Jensen", email: "maria.jensen@hospital.example", role: "owner" },
  { name: "Tom Okafor", email: "tom.okafor@hospital.example", role: "owner" },
  { name: "Priya Nair", email: "priya.nair@hospital.example", role: "member" },
  { name: "Lukas Weber", email: "lukas.weber@hospital.example", role: "member" },
  { name: "Sofia Almeida", email: "sofia.almeida@hospital.example", role: "member" },
  { name: "Daniel Kim", email: "daniel.kim@hospital.example", role: "member" },
  { name: "Amira Haddad", email: "amira.haddad@hospital.example", role: "member" },
  { name: "Hannah Berg", email: "hannah.berg@hospital.example", role: "visitor" },
] as const;

interface SpacePlan {
  name: string;
  description: string;
  /** Statuses after the default To Do / Doing / Done, renamed: [name, role, after which status]. */
  statuses: {
    rename?: Partial<Record<"To Do" | "Doing" | "Done", string>>;
    add?: Array<[string, StatusRole]>;
  };
  workMean: number;
  cards: string[];
}

const folders: Array<{ name: string; spaces: SpacePlan[] }> = [
  {
    name: "Patient experience",
    spaces: [
      {
        name: "Improve patient feedback system",
        description: "From comment cards to a closed loop: collect, answer and act on what patients tell us.",
        statuses: {
          add: [
            ["Waiting on others", "in_progress"],
            ["Review", "in_progress"],
            ["Ideas", "information"],
            ["Cancelled", "cancelled"],
          ],
        },
        workMean: 7,
        cards: [
          "Draft the new patient satisfaction survey",
          "Add QR codes for feedback to waiting-room posters",
          "Set up SMS survey after outpatient visits",
          "Weekly review of complaints with ward managers",
          "Respond to every written complaint within 5 working days",
          "Translate the survey into Arabic, Polish and Turkish",
          "Quarterly patient panel: recruit 12 volunteers",
          "Publish 'You said, we did' board in the main lobby",
          "Analyse free-text comments from Q3",
          "Agree complaint categories with the quality team",
          "Train ward clerks to log verbal feedback",
          "Feedback kiosk in the emergency department",
          "Follow up on car-park complaints with facilities",
          "Monthly feedback report for the board",
          "Close the loop: call back patients who left contact details",
          "Review discharge experience comments for Ward 4B",
          "Map the complaint journey end to end",
          "Pilot bedside tablets for inpatient feedback",
          "Accessibility review of the online feedback form",
          "Thank-you notes process for compliments to staff",
          "Benchmark response times against regional hospitals",
          "Patient story at the monthly staff briefing",
          "Fix duplicate entries in the complaints log",
          "Update privacy notice for survey data",
          "Children's feedback form for the paediatric ward",
          "Share maternity survey results with midwives",
          "Escalation path for urgent safety concerns raised in feedback",
          "Dashboard of response times per department",
          "Consult Patient Advice and Liaison Service on wording",
          "Retire the paper comment-card boxes",
          "Review food-service comments with catering",
          "Outpatient letters: add 'how did we do?' link",
          "Collect feedback at the pharmacy counter",
          "Audit a sample of closed complaints",
          "Volunteer-led exit interviews in day surgery",
        ],
      },
      {
        name: "Front desk & reception",
        description: "A warm, quick welcome at every entrance.",
        statuses: { add: [["Review", "in_progress"]] },
        workMean: 5,
        cards: [
          "Greeter rota for the main entrance at peak hours",
          "Queue ticket system at outpatient reception",
          "Script for answering the phone within three rings",
          "Name badges with 'Ask me' for reception staff",
          "Wheelchair availability check every morning",
          "Self check-in kiosks: usability test with older patients",
          "Interpreter booking at the front desk",
          "Lost property procedure",
          "Visitor information leaflet refresh",
          "Reception cover during lunch breaks",
          "Display expected waiting time on the screens",
          "Hearing loop at every reception desk",
          "Calm corner for anxious visitors",
          "Weekend reception staffing review",
          "Complaints triage at the desk: when to call a manager",
          "Parking validation at reception",
          "Update directory boards after the ward moves",
          "Induction checklist for new receptionists",
          "Mystery-shopper visit in the emergency department",
          "Phone tree simplification with the switchboard",
          "Accessible height counter at the east entrance",
          "Dementia-friendly signage near reception",
          "Coffee cart hours aligned with clinic times",
          "Security handover notes at shift change",
          "Welcome pack for long-stay patients' families",
          "Map of drop-off points for taxis and ambulances",
          "Reception staff feedback session",
          "Out-of-hours contact card",
          "Umbrella and wheelchair loan log",
          "Review reception opening hours",
        ],
      },
      {
        name: "Wayfinding & signage",
        description: "Nobody should get lost between the car park and the clinic.",
        statuses: {},
        workMean: 8,
        cards: [
          "Walk-through audit from car park to every clinic",
          "Colour-coded floor lines to radiology",
          "Replace outdated lift signs",
          "Printable maps in appointment letters",
          "Digital map on the hospital website",
          "Braille labels on lift buttons",
          "Signage in the four most common languages",
          "Volunteer guides on Monday mornings",
          "Temporary signs during the theatre refurbishment",
          "Night-time lighting on the path from the bus stop",
          "Number every corridor junction",
          "Test the new signs with first-time visitors",
          "Directions in outpatient text reminders",
          "Remove duplicate signs in the main corridor",
          "Pictograms for the children's wing",
          "Sign to the prayer room and quiet room",
          "Parking level reminders at the pay stations",
          "Update the 'you are here' boards",
          "Accessible route signs avoiding stairs",
          "Signage budget request for next year",
        ],
      },
    ],
  },
  {
    name: "Resource allocation",
    spaces: [
      {
        name: "Optimize scheduling procedures",
        description: "Right staff, right place, right time; fewer cancelled appointments.",
        statuses: {},
        workMean: 9,
        cards: [
          "Analyse no-show rates per clinic",
          "Reminder texts 48 hours before appointments",
          "Overbooking rule for clinics with high no-show rates",
          "Align reception rota with clinic start times",
          "Float pool for short-notice sickness cover",
          "Shared calendar for interpreters",
          "Same-day slots for urgent outpatient reviews",
          "Review Monday morning peak in phlebotomy",
          "Roster template for bank holidays",
          "Standardise appointment lengths per procedure",
          "Reduce clinic letter turnaround to 3 days",
          "Waiting-list validation call campaign",
          "Evening clinics pilot for working patients",
          "Discharge lounge staffing model",
          "Booking rules for follow-up appointments",
          "Report on overtime hours by department",
          "Swap-shift request process",
          "Forecast winter demand for the emergency department",
          "Theatre list start-time audit",
          "Centralise booking for physiotherapy",
          "Annual leave planner for customer service team",
          "On-call list published weekly",
          "Patient transport booking windows",
          "Cancellation reasons: add to the booking system",
          "Clinic capacity dashboard",
          "Review Saturday clinic utilisation",
          "Train schedulers on the new booking screens",
          "Rebook patients affected by the IT outage",
          "Escalation for clinics overrunning by 30 minutes",
          "Survey staff on rota fairness",
          "Minimum staffing levels for reception desks",
          "Cross-train switchboard and reception staff",
        ],
      },
      {
        name: "Equipment & room availability",
        description: "Rooms and equipment where and when they are needed.",
        statuses: { rename: { "To Do": "Backlog", Doing: "In progress" }, add: [["Cancelled", "cancelled"]] },
        workMean: 6,
        cards: [
          "Room booking system for family meetings",
          "Track wheelchairs with QR labels",
          "Replace broken chairs in outpatient waiting area",
          "Portable hearing amplifiers for clinics",
          "Breast-feeding room near the children's clinic",
          "Equipment fault reporting form",
          "Stock check of translation tablets",
          "Quiet room booking for difficult conversations",
          "Charging points in waiting areas",
          "Bariatric chairs in every waiting room",
          "Water dispensers on each floor",
          "Audit of meeting rooms used as storage",
          "Move the patient library trolley schedule",
          "Laptop loan for ward clerks",
          "Second printer at outpatient reception",
          "Room signage with live availability",
          "Review cleaning schedule for waiting areas",
          "Replace the faulty queue-ticket printer",
          "Mobile phones for greeters",
          "Clinic room utilisation report",
          "Storage for patient belongings in day surgery",
          "Wheelchair return point at the car park",
          "Blankets and pillows for the discharge lounge",
          "Baby-changing tables in public toilets",
          "Reading glasses at reception desks",
          "Extend wifi to the outpatient garden",
          "Footrests for the phlebotomy chairs",
          "Spare headsets for the call centre",
        ],
      },
    ],
  },
  {
    name: "Staff training",
    spaces: [
      {
        name: "Customer service skills programme",
        description: "Every patient-facing colleague trained in communication by December.",
        statuses: { rename: { Doing: "Preparing" }, add: [["Delivering", "in_progress"]] },
        workMean: 10,
        cards: [
          "Module: communicating with anxious patients",
          "Module: handling complaints calmly",
          "Module: breaking bad news (for clinic staff)",
          "Module: telephone manner",
          "Role-play scenarios from real complaints",
          "Book training rooms for autumn sessions",
          "E-learning version for night staff",
          "Train-the-trainer session for ward sisters",
          "Deaf awareness workshop",
          "Cultural competence workshop",
          "Dementia awareness refresher",
          "Learning disability awareness with a patient trainer",
          "Feedback form for every session",
          "Attendance tracking per department",
          "Certificate template",
          "Coaching on the floor after training",
          "Conflict de-escalation for emergency reception",
          "Customer service standards booklet",
          "Induction slot on customer service",
          "Evaluate the pilot cohort's complaint rates",
          "Refresher for long-serving staff",
          "Recognition scheme for great service",
          "Invite patient representatives to co-deliver",
          "Schedule sessions around rota patterns",
          "Translate the booklet for international nurses",
          "Training needs analysis for porters",
          "Video: a day at the front desk",
          "Six-month follow-up survey of trainees",
          "Module: writing clear letters to patients",
          "Mentoring pairs for new coordinators",
        ],
      },
      {
        name: "Onboarding & compliance",
        description: "New starters ready on day one; mandatory training up to date.",
        statuses: { add: [["Review", "in_progress"]] },
        workMean: 5,
        cards: [
          "Day-one checklist for customer service starters",
          "Buddy system for the first month",
          "Mandatory training tracker",
          "Information governance refresher",
          "Fire safety training dates",
          "Safeguarding level 2 for reception staff",
          "ID badge and system access request flow",
          "Uniform ordering for new starters",
          "Welcome email template",
          "Probation review reminders",
          "Update the staff handbook section on complaints",
          "Onboarding survey at 30 days",
          "Manual handling for porters and greeters",
          "Conflict resolution e-learning completion push",
          "Equality and diversity training catch-up",
          "Orientation tour route",
          "Access to the rota app on day one",
          "Exit interview process",
          "Annual appraisal calendar",
          "Policy sign-off tracking",
          "Data protection quiz",
          "Induction slides refresh",
          "Compliance report for the quarterly board",
          "First-aid trained staff on every shift",
          "Hand hygiene audit for front-of-house",
          "Chaperone policy briefing",
          "Clinic etiquette guide for students",
          "Emergency procedures card for receptionists",
        ],
      },
    ],
  },
];

const main = async () => {
  const config = loadConfig();
  let handle: DbHandle;
  try {
    handle = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, purpose: "seed" });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    console.error(
      error.holder?.purpose === "server"
        ? "Nothing was seeded. Stop the server, run `pnpm seed:demo`, then start the server again."
        : "Nothing was seeded. Wait for that process to finish, then run `pnpm seed:demo` again.",
    );
    process.exitCode = 1;
    return;
  }
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite at ${config.dataDir}`;
  try {
    const db = handle.db;
    const existing = await db.query.workspaces.findFirst({ where: (w, { eq }) => eq(w.name, WORKSPACE) });
    if (existing) {
      console.log(`"${WORKSPACE}" already exists in ${where} (workspace ${existing.id}); nothing to do.`);
      return;
    }

    // People: reuse an account that already exists with the address, else create it.
    const passwordHash = await hashPassword(PASSWORD);
    const users: User[] = [];
    for (const person of people) {
      const found = await db.query.users.findFirst({
        where: (u, { eq, sql }) => eq(sql`lower(${u.email})`, person.email),
      });
      const userCount = await db.$count(tables.users);
      const row =
        found ??
        (
          await db
            .insert(tables.users)
            .values({ email: person.email, name: person.name, passwordHash, isAdmin: userCount === 0 })
            .returning()
        )[0];
      if (!row) throw new Error("user insert returned no row");
      users.push(toUser(row));
    }
    const [owner] = users;
    if (!owner) throw new Error("no owner");
    const as = <T>(fn: (ctx: MutationContext) => Promise<T>) =>
      runMutation(db, { actorId: owner.id, mutationId: null }, fn).then((r) => r.result);

    const workspace = await as((ctx) =>
      createWorkspace(ctx, owner, {
        name: WORKSPACE,
        description:
          "Strategic plan of the hospital's customer service: patient experience, resource allocation and staff training.",
        visibility: "private",
      }),
    );
    for (const [i, person] of people.entries()) {
      const user = users[i];
      if (i === 0 || !user) continue;
      await as((ctx) => addMember(ctx, owner, workspace.id, { email: user.email, role: person.role }));
    }

    const now = Date.now();
    const workers = users.filter((_, i) => people[i]?.role !== "visitor").map((u) => u.id);
    const summary: string[] = [];
    let seed = 2027;
    let cardTotal = 0;
    for (const folderPlan of folders) {
      const folder = await as((ctx) => createFolder(ctx, owner, workspace.id, { name: folderPlan.name }));
      for (const plan of folderPlan.spaces) {
        const space = await as((ctx) =>
          createSpace(ctx, owner, workspace.id, {
            name: plan.name,
            description: plan.description,
            folderId: folder.id,
          }),
        );
        const statuses = await boardStatuses(space.id);
        for (const [from, to] of Object.entries(plan.statuses.rename ?? {})) {
          const status = statuses.find((s) => s.name === from);
          if (status) await as((ctx) => updateStatus(ctx, owner, status.id, { name: to }));
        }
        for (const [name, role] of plan.statuses.add ?? []) {
          const lastInProgress = [...(await boardStatuses(space.id))]
            .reverse()
            .find((s) => s.role === "in_progress");
          await as((ctx) =>
            createStatus(ctx, owner, space.id, {
              name,
              role,
              // In-progress statuses go after the last one; information first; cancelled last.
              ...(role === "in_progress" && lastInProgress ? { afterId: lastInProgress.id } : {}),
              ...(role === "information" ? { afterId: null } : {}),
            }),
          );
        }
        const board = await boardStatuses(space.id);
        const historyStatuses: HistoryStatus[] = board.map((s) => ({ id: s.id, name: s.name, role: s.role }));
        const planned = planHistory(historyStatuses, {
          cards: plan.cards.length,
          days: DAYS,
          now,
          seed: seed++,
          names: plan.cards,
          people: workers,
          workMean: plan.workMean,
        });
        const count = await db.transaction(async (tx) => {
          const [blockerType] = await tx
            .insert(tables.blockerTypes)
            .values({
              kind: "local",
              workspaceId: workspace.id,
              spaceId: space.id,
              name: "Waiting for another department",
              createdBy: owner.id,
            })
            .returning();
          const rows = await insertHistory(
            tx,
            { id: space.id, workspaceId: workspace.id },
            planned,
            owner.id,
            blockerType?.id ?? null,
          );
          // A planning chain: upcoming cards follow one another (previous → next), so the Gantt view
          // shows its arrows. Each starts the day its previous one ends, except the last, which was
          // planned to start two days early: one date conflict to find on the board and the Gantt.
          const upcoming = rows
            .filter((r) => r.archivedAt === null && r.completedAt === null && r.startDate !== null)
            .sort((a, b) => ((a.startDate ?? "") < (b.startDate ?? "") ? -1 : 1));
          const chain = upcoming.slice(0, 6);
          for (const [i, card] of chain.entries()) {
            const previousEnd = chain[i - 1]?.dueDate;
            if (!previousEnd || !card.startDate || !card.dueDate) continue;
            const length = Math.round((Date.parse(card.dueDate) - Date.parse(card.startDate)) / 86_400_000);
            card.startDate = addDays(previousEnd, i === chain.length - 1 ? -2 : 0);
            card.dueDate = addDays(card.startDate, Math.max(length, 3));
            await tx.execute(
              sql`UPDATE cards SET start_date = ${card.startDate}, due_date = ${card.dueDate} WHERE id = ${card.id}`,
            );
          }
          if (chain.length > 1) {
            await tx.insert(tables.cardRelations).values(
              chain.slice(1).map((next, i) => ({
                workspaceId: workspace.id,
                kind: "next" as const,
                fromCardId: chain[i]?.id ?? next.id,
                toCardId: next.id,
                createdBy: owner.id,
              })),
            );
          }
          await writeDemoActivity(tx, {
            space: { id: space.id, workspaceId: workspace.id },
            planned,
            people: workers,
            blockerType: { id: blockerType?.id ?? "", name: blockerType?.name ?? "" },
            now,
            seed: seed * 7,
          });
          return rows.length;
        });
        cardTotal += count;
        summary.push(
          `  ${folderPlan.name} / ${plan.name}: ${count} cards (${board.map((s) => s.name).join(", ")})`,
        );
      }
    }

    console.log(`Seeded "${WORKSPACE}" into ${where}: ${cardTotal} cards with ${DAYS} days of history.`);
    console.log(summary.join("\n"));
    console.log(`\nDemo accounts (password for all: ${PASSWORD}):`);
    for (const person of people) console.log(`  ${person.email.padEnd(34)} ${person.role}`);

    async function boardStatuses(spaceId: string): Promise<Status[]> {
      const rows = await db.query.statuses.findMany({
        where: (s, { eq }) => eq(s.spaceId, spaceId),
        orderBy: (s, { asc }) => [asc(s.position)],
      });
      return rows.map((s) => ({
        id: s.id,
        workspaceId: s.workspaceId,
        spaceId: s.spaceId,
        name: s.name,
        position: s.position,
        role: s.role as StatusRole,
        wipLimit: s.wipLimit,
      }));
    }
  } finally {
    await handle.close();
  }
};

await main();

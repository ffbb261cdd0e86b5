/**
 * The "pg" vitest project's global setup: with PostgreSQL required (CI) and not answering, the run
 * stops here with one clear error instead of every database test failing on its own connection.
 * (Locally, an unreachable PostgreSQL leaves the project out of the run; see vitest.config.ts.)
 */
import { adminUrlForDisplay, postgresUnreachableReason } from "./postgres-probe.js";

export default async function requirePostgres(): Promise<void> {
  const reason = await postgresUnreachableReason();
  if (reason !== null) {
    throw new Error(
      `PostgreSQL at ${adminUrlForDisplay()} is not reachable (${reason}); the "pg" test project needs it. ` +
        "Start PostgreSQL or set TEST_DATABASE_URL.",
    );
  }
}

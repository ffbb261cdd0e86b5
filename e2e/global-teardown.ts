/** Removes the run's PGlite data directory once the server has stopped. */
import { rmSync } from "node:fs";

export default function globalTeardown(): void {
  const dataDir = process.env.LATTICE_E2E_DATA_DIR;
  if (dataDir?.includes("lattice-e2e-")) rmSync(dataDir, { recursive: true, force: true });
}

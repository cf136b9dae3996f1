import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/store/database.js";
import { readContractSeed, seedContract } from "../../src/store/seed.js";

export const SNAPSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results/snapshots");

/**
 * initdb costs PGlite 4–6 s and ~850 MB; we pay it once, then every test database starts from a dump
 * (migrated, and migrated + seeded) in about half a second.
 */
export default async function setup(project: TestProject) {
  await mkdir(SNAPSHOT_DIR, { recursive: true });
  const db = await openDatabase({ dataDir: "memory://" });
  try {
    await db.migrate();
    const migrated = path.join(SNAPSHOT_DIR, "migrated.tar.gz");
    await writeFile(migrated, Buffer.from(await (await db.pglite!.dumpDataDir("gzip")).arrayBuffer()));
    await seedContract(db.prisma, await readContractSeed());
    const seeded = path.join(SNAPSHOT_DIR, "seeded.tar.gz");
    await writeFile(seeded, Buffer.from(await (await db.pglite!.dumpDataDir("gzip")).arrayBuffer()));
    project.provide("snapshots", { migrated, seeded });
  } finally {
    await db.close();
  }
  const server = process.env.VIGIE_TEST_DATABASE_URL;
  project.provide("databaseServer", server ?? "");
}

declare module "vitest" {
  export interface ProvidedContext {
    snapshots: { migrated: string; seeded: string };
    databaseServer: string;
  }
}

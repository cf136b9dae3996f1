import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/store/database.js";

export type DatabaseState = "empty" | "migrated" | "seeded";

/** Which engine the suite runs on: PGlite, or the PostgreSQL server named by VIGIE_TEST_DATABASE_URL. */
export const testDatabaseKind = (): "pglite" | "postgres" => (inject("databaseServer") ? "postgres" : "pglite");

/**
 * A database of its own for one test file. On PostgreSQL a new database is created on the server (and
 * migrated/seeded by the code under test, as in production); on PGlite it starts from a snapshot.
 */
export interface TestDatabase {
  db: Database;
  url?: string;
  /** Makes the database unreachable, as an outage would (the server's database dropped, PGlite closed). */
  simulateOutage(): Promise<void>;
  drop(): Promise<void>;
}

export async function createTestDatabase(state: DatabaseState = "seeded"): Promise<TestDatabase> {
  const server = inject("databaseServer");
  if (server) {
    const name = `vigie_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    const db = await openDatabase({ url: url.toString(), dataDir: "" });
    if (state !== "empty") await db.migrate();
    if (state === "seeded") {
      const { readContractSeed, seedContract } = await import("../../src/store/seed.js");
      await seedContract(db.prisma, await readContractSeed());
    }
    const drop = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
    return { db, url: url.toString(), simulateOutage: drop, drop };
  }
  const snapshots = inject("snapshots");
  const snapshot =
    state === "empty"
      ? undefined
      : new Blob([await readFile(state === "migrated" ? snapshots.migrated : snapshots.seeded)]);
  const db = await openDatabase({ dataDir: "memory://", pgliteSnapshot: snapshot });
  return { db, simulateOutage: () => db.close(), drop: async () => undefined };
}

// The databases the benches run on: a PGlite folder, or a database created for the run on a PostgreSQL
// server and dropped after it.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../src/store/database.js";

export interface BenchDatabase {
  kind: "pglite" | "postgres";
  /** Env that points Vigie at it. */
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function pgliteDatabase(dir: string): Promise<BenchDatabase> {
  const dataDir = path.join(dir, "data");
  return {
    kind: "pglite",
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

export async function postgresDatabase(serverUrl: string, label: string): Promise<BenchDatabase> {
  const name = `vigie_bench_${label}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString(), dataDir: "" }),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

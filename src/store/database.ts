import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../prisma/generated/client/client.js";
import { type AppliedMigration, applyPendingMigrations, migrationsUpToDate } from "./migrations.js";
import { markOneSession } from "./one-session.js";
import { type EmbeddedPGlite, PGliteProxy } from "./pglite-proxy.js";

type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  /** The embedded engine, when it is PGlite (snapshots in tests and benchmarks). */
  pglite?: EmbeddedPGlite;
  prisma: PrismaClient;
  /** Applies pending migrations of prisma/migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

interface DatabaseOptions {
  /** postgres://… for a server; unset for the embedded database. */
  url?: string;
  /** Where PGlite keeps its files; `memory://` for a throw-away database (tests). */
  dataDir: string;
  /** A PGlite data directory dump to start from instead of running initdb (tests, benchmarks). */
  pgliteSnapshot?: Blob;
  /**
   * Where PGlite runs: in a worker thread (default), so that its synchronous wasm never blocks the event
   * loop that acknowledges Slack's requests, or on the main thread.
   */
  pgliteThread?: "worker" | "main";
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const factory = new PrismaPg({ connectionString: options.url, max: 10 });
    return wrap("postgres", factory, async () => undefined);
  }
  if (!options.dataDir.startsWith("memory://")) await mkdir(options.dataDir, { recursive: true });
  // Smaller shared buffers keep the embedded server near 190 MB instead of 300 MB (measured).
  const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];
  const snapshot = options.pgliteSnapshot ? { loadDataDir: options.pgliteSnapshot } : {};
  if ((options.pgliteThread ?? "worker") === "worker") {
    const proxy = await PGliteProxy.create({ dataDir: options.dataDir, startParams, ...snapshot });
    // The adapter calls only query, exec and transaction (tx.query, tx.exec, tx.rollback), which the proxy implements.
    const adapter = new PrismaPGlite(proxy as unknown as PGlite);
    return { ...wrap("pglite", adapter, () => proxy.close()), pglite: proxy };
  }
  const pglite = await PGlite.create(options.dataDir, { startParams, ...snapshot });
  return { ...wrap("pglite", new PrismaPGlite(pglite), () => pglite.close()), pglite };
}

function wrap(
  kind: DatabaseKind,
  factory: SqlMigrationAwareDriverAdapterFactory,
  closeDriver: () => Promise<void>,
): Database {
  const prisma = new PrismaClient({ adapter: factory });
  if (kind === "pglite") markOneSession(prisma);
  let closing: Promise<void> | undefined;
  return {
    kind,
    prisma,
    migrate: async () =>
      (await migrationsUpToDate(await readAppliedMigrations(prisma))) ? [] : applyPendingMigrations(factory),
    async ping() {
      try {
        await prisma.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
      }
    },
    close: () =>
      (closing ??= (async () => {
        await prisma.$disconnect();
        await closeDriver();
      })()),
  };
}

/** Prisma's record of applied migrations, or null when the database has none yet. */
async function readAppliedMigrations(prisma: PrismaClient): Promise<AppliedMigration[] | null> {
  const [table] = await prisma.$queryRaw<
    { present: boolean }[]
  >`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  if (!table?.present) return null;
  const rows = await prisma.$queryRaw<
    { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[]
  >`
    SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations`;
  return rows.map((r) => ({
    name: r.migration_name,
    finished: r.finished_at !== null,
    rolledBack: r.rolled_back_at !== null,
  }));
}

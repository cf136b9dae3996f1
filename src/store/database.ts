import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../prisma/generated/client/client.js";
import { applyPendingMigrations } from "./migrations.js";

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  /** The embedded engine, when it is PGlite (snapshots in tests and benchmarks). */
  pglite?: PGlite;
  prisma: PrismaClient;
  /** Applies pending migrations of prisma/migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a server; unset for the embedded database. */
  url?: string;
  /** Where PGlite keeps its files; `memory://` for a throw-away database (tests). */
  dataDir: string;
  /** A PGlite data directory dump to start from instead of running initdb (tests, benchmarks). */
  pgliteSnapshot?: Blob;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const factory = new PrismaPg({ connectionString: options.url, max: 10 });
    return wrap("postgres", factory, async () => undefined);
  }
  if (!options.dataDir.startsWith("memory://")) await mkdir(options.dataDir, { recursive: true });
  // Smaller shared buffers keep the embedded server near 190 MB instead of 300 MB (design.md).
  const pglite = await PGlite.create(options.dataDir, {
    startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
    ...(options.pgliteSnapshot ? { loadDataDir: options.pgliteSnapshot } : {}),
  });
  return { ...wrap("pglite", new PrismaPGlite(pglite), () => pglite.close()), pglite };
}

function wrap(
  kind: DatabaseKind,
  factory: SqlMigrationAwareDriverAdapterFactory,
  closeDriver: () => Promise<void>,
): Database {
  const prisma = new PrismaClient({ adapter: factory });
  let closing: Promise<void> | undefined;
  return {
    kind,
    prisma,
    migrate: () => applyPendingMigrations(factory),
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

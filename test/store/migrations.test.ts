import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { describe, expect, it } from "vitest";
import {
  diffMigrationsToSchema,
  isEmptyMigration,
  migrationsUpToDate,
  readMigrationList,
} from "../../src/store/migrations.js";
import { useTestStore } from "../support/use-test-store.js";

describe("migrations", () => {
  const t = useTestStore("empty");

  it("apply on an empty database, then find nothing left to apply", async () => {
    const folders = (await readMigrationList()).migrationDirectories.map((d) => d.path);
    expect(folders.length).toBeGreaterThan(0);
    expect(await t.tdb.db.migrate()).toEqual(folders);
    expect(await t.tdb.db.migrate()).toEqual([]);
    const rows = await t.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    // The schema is usable: every model's table exists.
    expect(await t.prisma.contract.count()).toBe(0);
    expect(await t.prisma.delivery.count()).toBe(0);
  });

  it("leave a failed migration for the engine to report, never pass it over as up to date", async () => {
    await t.prisma.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL
      WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`;
    await expect(t.tdb.db.migrate()).rejects.toThrow(/fail/i);
    await t.prisma.$executeRaw`UPDATE _prisma_migrations SET finished_at = now() WHERE finished_at IS NULL`;
    expect(await t.tdb.db.migrate()).toEqual([]);
  });

  it("are up to date only when every folder has finished and none has failed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vigie-migrations-"));
    try {
      for (const name of ["20260101000000_init", "20260201000000_more"]) await mkdir(path.join(dir, name));
      const row = (name: string, finished = true, rolledBack = false) => ({ name, finished, rolledBack });
      expect(await migrationsUpToDate(null, dir)).toBe(false); // no table yet
      expect(await migrationsUpToDate([], dir)).toBe(false);
      expect(await migrationsUpToDate([row("20260101000000_init")], dir)).toBe(false); // one to apply
      expect(await migrationsUpToDate([row("20260101000000_init"), row("20260201000000_more")], dir)).toBe(true);
      expect(await migrationsUpToDate([row("20260101000000_init"), row("20260201000000_more", false)], dir)).toBe(
        false,
      ); // failed
      // Rolled back, then applied again: done.
      const again = [row("20260101000000_init"), row("20260201000000_more", false, true), row("20260201000000_more")];
      expect(await migrationsUpToDate(again, dir)).toBe(true);
      expect(await migrationsUpToDate([row("20260101000000_init"), row("20260201000000_more", false, true)], dir)).toBe(
        false,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("agree with schema.prisma (the diff between them is empty)", async () => {
    const scratch = new PGlite();
    try {
      const sql = await diffMigrationsToSchema(new PrismaPGlite(scratch));
      expect(isEmptyMigration(sql), `schema.prisma has changes without a migration:\n${sql}`).toBe(true);
    } finally {
      await scratch.close();
    }
    // Replays every migration in the wasm schema engine: ~25 s seen on a loaded 2-core machine.
  }, 120_000);

  it("tell an empty diff from a real one", () => {
    expect(isEmptyMigration("-- This is an empty migration.\n")).toBe(true);
    expect(isEmptyMigration('-- AlterTable\nALTER TABLE "Commitment" ADD COLUMN "x" TEXT;')).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { diffMigrationsToSchema, isEmptyMigration, readMigrationList } from "../../src/store/migrations.js";
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

  it("agree with schema.prisma (the diff between them is empty)", async () => {
    const scratch = new PGlite();
    try {
      const sql = await diffMigrationsToSchema(new PrismaPGlite(scratch));
      expect(isEmptyMigration(sql), `schema.prisma has changes without a migration:\n${sql}`).toBe(true);
    } finally {
      await scratch.close();
    }
  });

  it("tell an empty diff from a real one", () => {
    expect(isEmptyMigration("-- This is an empty migration.\n")).toBe(true);
    expect(isEmptyMigration('-- AlterTable\nALTER TABLE "Commitment" ADD COLUMN "x" TEXT;')).toBe(false);
  });
});

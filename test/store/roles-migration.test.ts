// Roles became per contract: a database created by the previous version (one contract, global roles) migrates
// with every role kept, moved to the contract it had — Chambéry's coordinators stay Chambéry's coordinators.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { expect, it } from "vitest";
import { applyPendingMigrations, MIGRATIONS_DIR } from "../../src/store/migrations.js";

const ROLES_MIGRATION = /_roles_per_contract$/;

it("moves today's roles to the existing contract, nothing lost", async () => {
  const before = await mkdtemp(path.join(tmpdir(), "vigie-migrations-"));
  const pg = new PGlite();
  try {
    // The migrations of the previous version: every folder before roles_per_contract.
    const folders = (await readdir(MIGRATIONS_DIR)).sort();
    const cut = folders.findIndex((f) => ROLES_MIGRATION.test(f));
    expect(cut).toBeGreaterThan(0);
    for (const f of folders.slice(0, cut))
      await cp(path.join(MIGRATIONS_DIR, f), path.join(before, f), { recursive: true });
    await cp(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(before, "migration_lock.toml"));
    const adapter = new PrismaPGlite(pg);
    await applyPendingMigrations(adapter, before);

    // What that version stored: one contract, roles without a contract.
    await pg.exec(`
      INSERT INTO "Contract" ("id", "ref", "title", "signedOn", "endsOn")
        VALUES ('11111111-1111-4111-8111-111111111111', 'CSI-CHAMBERY', 'CSI de Chambéry', '2023-01-01', '2026-12-31');
      INSERT INTO "RoleAssignment" ("userId", "role", "grantedBy", "grantedAt") VALUES
        ('U0CAMILLE', 'COORDINATOR', 'system:env', '2026-01-05T10:00:00Z'),
        ('U0PIERRE', 'MEMBER', 'U0CAMILLE', '2026-02-01T09:30:00Z'),
        ('U0LECTEUR', 'READER', 'U0CAMILLE', '2026-03-01T08:00:00Z');
    `);

    const applied = await applyPendingMigrations(adapter, MIGRATIONS_DIR);
    expect(applied.some((name) => ROLES_MIGRATION.test(name))).toBe(true);
    const roles = await pg.query<{
      contractId: string;
      userId: string;
      role: string;
      grantedBy: string;
      grantedAt: Date;
    }>(`SELECT "contractId", "userId", "role", "grantedBy", "grantedAt" FROM "RoleAssignment" ORDER BY "grantedAt"`);
    expect(roles.rows).toEqual([
      {
        contractId: "11111111-1111-4111-8111-111111111111",
        userId: "U0CAMILLE",
        role: "COORDINATOR",
        grantedBy: "system:env",
        grantedAt: new Date("2026-01-05T10:00:00Z"),
      },
      {
        contractId: "11111111-1111-4111-8111-111111111111",
        userId: "U0PIERRE",
        role: "MEMBER",
        grantedBy: "U0CAMILLE",
        grantedAt: new Date("2026-02-01T09:30:00Z"),
      },
      {
        contractId: "11111111-1111-4111-8111-111111111111",
        userId: "U0LECTEUR",
        role: "READER",
        grantedBy: "U0CAMILLE",
        grantedAt: new Date("2026-03-01T08:00:00Z"),
      },
    ]);
    // The same person may now hold a role in a second contract.
    await pg.exec(`
      INSERT INTO "Contract" ("id", "ref", "title", "signedOn", "endsOn")
        VALUES ('22222222-2222-4222-8222-222222222222', 'CSI-AIX', 'CSI d''Aix-les-Bains', '2025-01-01', '2026-12-31');
      INSERT INTO "RoleAssignment" ("contractId", "userId", "role", "grantedBy")
        VALUES ('22222222-2222-4222-8222-222222222222', 'U0CAMILLE', 'READER', 'U0AIX');
    `);
    const camille = await pg.query(`SELECT "role" FROM "RoleAssignment" WHERE "userId" = 'U0CAMILLE' ORDER BY "role"`);
    expect(camille.rows).toEqual([{ role: "COORDINATOR" }, { role: "READER" }]);
  } finally {
    await pg.close();
    await rm(before, { recursive: true, force: true });
  }
}, 180_000);

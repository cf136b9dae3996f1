// The SQL statements a piece of code sends to the test's database, as Prisma reports them (its `query` log
// events): a second Prisma client on the same database (the PGlite of the test, or its PostgreSQL database),
// for tests that pin how many statements a read takes — not how long.
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../prisma/generated/client/client.js";
import { markOneSession } from "../../src/store/one-session.js";
import type { TestDatabase } from "./test-database.js";

export interface Statements {
  /** Each statement cut to its shape (parameters and IN lists folded), sorted. */
  shapes: string[];
  /** The longest `IN (…)` list sent: how many rows' relations one statement read (a list read whole shows here). */
  largestInList: number;
}

export interface StatementLog {
  prisma: PrismaClient;
  /** The statements sent by `work`. */
  during(work: () => Promise<unknown>): Promise<Statements>;
  close(): Promise<void>;
}

/** `IN ($1,$2,…)` and `IN (NULL)` fold to `IN (…)`, every `$n` to `$`: one shape whatever the number of rows. */
const IN_LIST = /IN \((?:NULL|\$\d+(?:,\s*\$\d+)*)\)/g;

const shapeOf = (sql: string): string =>
  sql.replace(/\s+/g, " ").replace(IN_LIST, "IN (…)").replace(/\$\d+/g, "$").trim();

export function statementLog(tdb: TestDatabase): StatementLog {
  const pglite = tdb.db.pglite;
  const adapter = tdb.url
    ? new PrismaPg({ connectionString: tdb.url, max: 2 })
    : // The adapter calls only query, exec and transaction, which the worker proxy implements (as store/database.ts).
      new PrismaPGlite(pglite as unknown as PGlite);
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  // The same embedded session as the test's own client: the store writes through it as through that one.
  if (!tdb.url) markOneSession(prisma);
  let seen: string[] | null = null;
  prisma.$on("query", (e) => seen?.push(e.query));
  return {
    prisma,
    async during(work) {
      seen = [];
      try {
        await work();
        const lists = seen.flatMap((q) => [...q.matchAll(IN_LIST)].map((m) => (m[0].match(/\$\d+/g) ?? []).length));
        return { shapes: seen.map(shapeOf).sort(), largestInList: Math.max(0, ...lists) };
      } finally {
        seen = null;
      }
    },
    close: () => prisma.$disconnect(),
  };
}

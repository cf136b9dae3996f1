// PGlite in a worker thread (src/store/pglite-worker.ts, pglite-proxy.ts) answers as PGlite does on the
// main thread: same values, same errors, same transactions, while the main thread's event loop keeps
// running. These tests open PGlite directly (both ways) whatever engine the rest of the suite runs on.
import { readFile } from "node:fs/promises";
import { messages, type QueryOptions, type Transaction } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Prisma } from "../../prisma/generated/client/client.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { PGliteProxy } from "../../src/store/pglite-proxy.js";

const snapshot = async () => new Blob([await readFile(inject("snapshots").migrated)]);

const VALUES_SQL = `SELECT
  1::int4 AS i, 9007199254740993::int8 AS big, 42::int8 AS small, 1.5::float8 AS f, 12.30::numeric AS n,
  true AS b, 'été'::text AS t, NULL::text AS nothing,
  '2026-03-29 01:30:00.123+00'::timestamptz AS at, '2026-03-29'::date AS day,
  '{"a":[1,"x"],"b":null}'::jsonb AS j, '\\x00ff10'::bytea AS bytes,
  ARRAY[1,2,NULL]::int4[] AS ints, ARRAY['a b','c"d']::text[] AS texts,
  '00000000-0000-0000-0000-000000000001'::uuid AS id`;

describe("PGlite in a worker thread", () => {
  let worker: Database;
  let inThread: Database;
  let proxy: PGliteProxy;

  beforeAll(async () => {
    worker = await openDatabase({ dataDir: "memory://", pgliteSnapshot: await snapshot() });
    inThread = await openDatabase({ dataDir: "memory://", pgliteSnapshot: await snapshot(), pgliteThread: "main" });
    expect(worker.pglite).toBeInstanceOf(PGliteProxy);
    proxy = worker.pglite as PGliteProxy;
  });
  afterAll(async () => {
    await worker?.close();
    await inThread?.close();
  });

  it("is the default for the embedded database", () => {
    expect(inThread.pglite).not.toBeInstanceOf(PGliteProxy);
  });

  it("returns the values PGlite returns, with its default parsers (Date, BigInt, Uint8Array, JSON, arrays)", async () => {
    const ours = await proxy.query<Record<string, unknown>>(VALUES_SQL);
    const theirs = await inThread.pglite!.query<Record<string, unknown>>(VALUES_SQL);
    expect(ours).toEqual(theirs);
    const row = ours.rows[0]!;
    expect(row.big).toBe(9007199254740993n);
    expect(row.at).toEqual(new Date("2026-03-29T01:30:00.123Z"));
    expect(row.bytes).toEqual(new Uint8Array([0, 255, 16]));
    expect(row.j).toEqual({ a: [1, "x"], b: null });
    expect(row.ints).toEqual([1, 2, null]);
    expect(row.texts).toEqual(["a b", 'c"d']);
    expect(row.nothing).toBeNull();
  });

  it("applies the caller's parsers and row mode, as the Prisma adapter asks", async () => {
    const options: QueryOptions = {
      rowMode: "array",
      parsers: { 1184: (x: string) => `at:${x}`, 20: (x: string) => x },
    };
    const ours = await proxy.query(VALUES_SQL, [], options);
    expect(ours).toEqual(await inThread.pglite!.query(VALUES_SQL, [], options));
    expect(ours.rows[0]).toEqual(expect.arrayContaining(["at:2026-03-29 01:30:00.123+00", "9007199254740993"]));
  });

  it("parses exec results and queries inside a transaction as PGlite does (parsers set once in the worker)", async () => {
    expect(await proxy.exec(VALUES_SQL)).toEqual(await inThread.pglite!.exec(VALUES_SQL));
    const theirs = await inThread.pglite!.transaction((tx) => tx.query(VALUES_SQL));
    const ours = await proxy.transaction((tx) => tx.query(VALUES_SQL));
    expect(ours).toEqual(theirs);
    expect(ours.rows[0]).toMatchObject({ big: 9007199254740993n, n: "12.30", ints: [1, 2, null] });
  });

  it("sends parameters of every kind and reports affected rows", async () => {
    const sql =
      "SELECT $1::int4 + 1 AS a, $2::text AS b, $3::bytea AS c, $4::timestamptz AS d, $5::jsonb AS e, $6::int8 AS f";
    const params = [41, "x", new Uint8Array([1, 2]), new Date("2026-01-01T00:00:00Z"), { k: 1 }, 5n];
    expect(await proxy.query(sql, params)).toEqual(await inThread.pglite!.query(sql, params));
    await proxy.exec("CREATE TEMP TABLE t_affected (x int)");
    const inserted = await proxy.query("INSERT INTO t_affected SELECT generate_series(1, 3)");
    expect(inserted.affectedRows).toBe(3);
    const multi = await proxy.exec("UPDATE t_affected SET x = x + 1; SELECT count(*)::int AS n FROM t_affected");
    expect(multi.map((r) => r.affectedRows)).toEqual([3, 3]);
    expect(multi[1]!.rows).toEqual([{ n: 3 }]);
  });

  it("keeps PostgreSQL's error fields, so Prisma maps a unique violation to P2002", async () => {
    const error = await proxy.query("SELECT 1/0").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({ code: "22012", severity: "ERROR", message: "division by zero", query: "SELECT 1/0" });

    const snooze = { key: "K-DUP", userId: "U0DUP", until: new Date(0) };
    await worker.prisma.snooze.create({ data: snooze });
    const duplicate = await worker.prisma.snooze.create({ data: snooze }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(duplicate).toMatchObject({ code: "P2002" });
  });

  it("commits a Prisma transaction, and rolls one back when its callback throws", async () => {
    await worker.prisma.$transaction(async (tx) => {
      await tx.snooze.create({ data: { key: "K-TXOK", userId: "U0TXOK", until: new Date(0) } });
    });
    const failed = await worker.prisma
      .$transaction(async (tx) => {
        await tx.snooze.create({ data: { key: "K-TXKO", userId: "U0TXKO", until: new Date(0) } });
        throw new Error("abandon");
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe("abandon");
    const ids = (await worker.prisma.snooze.findMany({ where: { userId: { in: ["U0TXOK", "U0TXKO"] } } })).map(
      (r) => r.userId,
    );
    expect(ids).toEqual(["U0TXOK"]);
  });

  it("runs one transaction at a time; queries outside it wait for its end, as in PGlite", async () => {
    await proxy.exec("CREATE TABLE t_serial (x int)");
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const firstInserted = new Promise<void>((r) => (inserted = r));
    const first = proxy.transaction(async (tx) => {
      await tx.query("INSERT INTO t_serial VALUES (1)");
      order.push("first inserted");
      inserted();
      await held;
      order.push("first ends");
    });
    await firstInserted;
    const outside = proxy.query<{ n: number }>("SELECT count(*)::int AS n FROM t_serial").then((r) => {
      order.push(`outside saw ${r.rows[0]!.n}`);
    });
    const second = proxy.transaction(async (tx) => {
      order.push("second begins");
      await tx.query("INSERT INTO t_serial VALUES (2)");
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual(["first inserted"]);
    release();
    await Promise.all([first, outside, second]);
    expect(order).toEqual(["first inserted", "first ends", "outside saw 1", "second begins"]);
  });

  it("rolls back on tx.rollback(), closes the transaction, and rethrows the callback's own error", async () => {
    await proxy.exec("CREATE TABLE t_rollback (x int)");
    let kept: Transaction | undefined;
    await proxy.transaction(async (tx) => {
      kept = tx;
      await tx.query("INSERT INTO t_rollback VALUES (1)");
      await tx.rollback();
      expect(tx.closed).toBe(true);
    });
    await expect(kept!.query("SELECT 1")).rejects.toThrow("Transaction is closed");
    class Mine extends Error {}
    await expect(
      proxy.transaction(async (tx) => {
        await tx.query("INSERT INTO t_rollback VALUES (2)");
        throw new Mine("mine");
      }),
    ).rejects.toBeInstanceOf(Mine);
    expect((await proxy.query("SELECT count(*)::int AS n FROM t_rollback")).rows).toEqual([{ n: 0 }]);
  });

  it("keeps the main thread's event loop running while PostgreSQL works", async () => {
    const heavy = "SELECT count(*)::int AS n FROM generate_series(1, 3000000)";
    const race = async (db: Database) => {
      const events: string[] = [];
      const query = db.pglite!.query(heavy).then(() => events.push("query"));
      const timer = new Promise((r) => setTimeout(r, 0)).then(() => events.push("timer"));
      await Promise.all([query, timer]);
      return events;
    };
    expect(await race(worker)).toEqual(["timer", "query"]);
    // On the main thread the wasm runs synchronously: the timer waits for the query.
    expect(await race(inThread)).toEqual(["query", "timer"]);
  });

  it("dumps its data directory, which a new database starts from", async () => {
    await proxy.exec("CREATE TABLE t_dump (x text); INSERT INTO t_dump VALUES ('gardé')");
    const dump = await proxy.dumpDataDir("gzip");
    expect(dump.size).toBeGreaterThan(0);
    const copy = await openDatabase({ dataDir: "memory://", pgliteSnapshot: dump });
    try {
      expect((await copy.pglite!.query("SELECT x FROM t_dump")).rows).toEqual([{ x: "gardé" }]);
    } finally {
      await copy.close();
    }
  });

  it("refuses queries once closed, as PGlite does", async () => {
    const db = await openDatabase({ dataDir: "memory://", pgliteSnapshot: await snapshot() });
    expect(await db.ping()).toBe(true);
    await db.close();
    expect(db.pglite!.closed).toBe(true);
    await expect(db.pglite!.query("SELECT 1")).rejects.toThrow("PGlite is closed");
    expect(await db.ping()).toBe(false);
  });
});

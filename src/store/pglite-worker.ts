// The embedded database in a thread of its own. PGlite runs PostgreSQL as synchronous wasm: on the main
// thread every query stalls Bolt's event loop (and the 3-second acks) while it runs. This worker owns the
// PGlite instance and answers the messages of PGliteProxy (pglite-proxy.ts), which implements the part of
// PGlite's interface that pglite-prisma-adapter calls.
//
// Values cross the thread boundary as PostgreSQL's text: the worker asks PGlite for every column unparsed
// and the proxy applies the caller's parsers (functions, which a message cannot carry) as PGlite would.
// Messages are handled in arrival order and PGlite's own mutexes order the work, so queries and
// transactions are serialized exactly as with PGlite on the main thread.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { messages, PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import type { FromWorker, PGliteWorkerData, RawResults, Ready, SerializedError, ToWorker } from "./pglite-protocol.js";

if (!parentPort) throw new Error("pglite-worker.ts runs as a worker thread (see pglite-proxy.ts)");
const port: MessagePort = parentPort;
const data = workerData as PGliteWorkerData;

function serializeError(e: unknown): SerializedError {
  if (e instanceof messages.DatabaseError) {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(e)) {
      // queryOptions may hold functions; the proxy puts the caller's own options back.
      if (key === "queryOptions" || key === "length" || key === "name" || typeof value === "function") continue;
      fields[key] = value;
    }
    return {
      kind: "database",
      aborted: e.constructor.name === "TransactionAbortedError",
      message: e.message,
      length: e.length,
      name: e.name,
      fields,
    };
  }
  if (e instanceof Error) return { kind: "error", message: e.message, name: e.name };
  return { kind: "error", message: String(e), name: "Error" };
}

let pglite: PGlite;
const keepText = (x: string) => x;

/**
 * Makes every parser PGlite knows (array types included) keep PostgreSQL's text: the proxy parses.
 * Done once on the instance's own map, not as a per-query `parsers` option: PGlite's result parser
 * merges an option map into a fresh copy of its ~318 parsers on every query (a profiled hot spot).
 */
function keepTextForEveryType() {
  for (const key of Object.keys(pglite.parsers)) pglite.parsers[key] = keepText;
}

const rawOptions = (options: QueryOptions | undefined): QueryOptions => ({ ...options, rowMode: "array" });

function toRaw(r: Results): RawResults {
  const extra = r as Results & { command?: string; rowCount?: number };
  const out: RawResults = { rows: r.rows as (string | null)[][], fields: r.fields, affectedRows: r.affectedRows };
  if (extra.command !== undefined) out.command = extra.command;
  if (extra.rowCount !== undefined) out.rowCount = extra.rowCount;
  return out;
}

/** Marks a transaction whose caller's callback threw: PGlite rolls back, the caller rethrows its own error. */
class CallbackFailed extends Error {}

interface OpenTransaction {
  tx: Transaction;
  finish(ok: boolean): void;
  /** PGlite's transaction() promise: settles after COMMIT or ROLLBACK. */
  whole: Promise<void>;
}
const transactions = new Map<number, OpenTransaction>();
let nextTx = 1;

function transaction(id: number): Transaction {
  const open = transactions.get(id);
  if (!open) throw new Error("Transaction is closed");
  return open.tx;
}

/** Runs PGlite's transaction() and answers once its callback has started (BEGIN done, mutex held). */
function begin(): Promise<number> {
  return new Promise<number>((begun, failed) => {
    const holder: { whole?: Promise<void> } = {};
    let started = false;
    holder.whole = pglite.transaction(async (tx) => {
      const id = nextTx++;
      let finish!: (ok: boolean) => void;
      const ended = new Promise<void>((resolve, reject) => {
        finish = (ok) => (ok ? resolve() : reject(new CallbackFailed()));
      });
      transactions.set(id, { tx, finish, whole: holder.whole! });
      started = true;
      begun(id);
      try {
        await ended;
      } finally {
        transactions.delete(id);
      }
    });
    holder.whole.catch((e: unknown) => {
      if (!started) failed(e);
    });
  });
}

async function end(id: number, ok: boolean): Promise<void> {
  const open = transactions.get(id);
  if (!open) throw new Error("Transaction is closed");
  open.finish(ok);
  try {
    await open.whole;
  } catch (e) {
    if (!(e instanceof CallbackFailed)) throw e;
  }
}

async function handle(msg: ToWorker): Promise<unknown> {
  switch (msg.op) {
    case "query": {
      const on = msg.tx === undefined ? pglite : transaction(msg.tx);
      return toRaw(await on.query(msg.sql, msg.params, rawOptions(msg.options)));
    }
    case "exec": {
      const on = msg.tx === undefined ? pglite : transaction(msg.tx);
      return (await on.exec(msg.sql, rawOptions(msg.options))).map(toRaw);
    }
    case "begin":
      return await begin();
    case "rollback":
      return await transaction(msg.tx).rollback();
    case "end":
      return await end(msg.tx, msg.ok);
    case "dump": {
      const blob = await pglite.dumpDataDir(msg.compression);
      return { type: blob.type, bytes: await blob.arrayBuffer() };
    }
    case "close":
      return await pglite.close();
  }
}

const reply = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function arrayTypes(): Promise<[number, number][]> {
  // The query PGlite runs at start-up to build its array parsers (BasePGlite._initArrayTypes).
  const types = await pglite.query<{ oid: number; typarray: number }>(`
      SELECT b.oid, b.typarray
      FROM pg_catalog.pg_type a
      LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
      WHERE a.typcategory = 'A'
      GROUP BY b.oid, b.typarray
      ORDER BY b.oid
    `);
  return types.rows.map((t) => [t.oid, t.typarray]);
}

/**
 * A new data directory costs initdb ~400 MB of wasm memory, garbage once PGlite is up. On the main thread
 * the app's own allocations soon collect it; this thread allocates too little for V8 to bother, and would
 * keep it for its lifetime. So it asks for collections (`--expose-gc` then a new context: the documented way
 * to reach `gc` at run time).
 */
function collectGarbage() {
  setFlagsFromString("--expose-gc");
  const found: unknown = runInNewContext("typeof gc === 'function' ? gc : undefined");
  if (typeof found !== "function") return;
  const gc = () => void found();
  gc();
  // The wasm memory is released by a weak callback of that collection: a second one, a moment later, frees it.
  setTimeout(gc, 100).unref();
}

async function main() {
  try {
    pglite = await PGlite.create(data.dataDir, {
      startParams: data.startParams,
      ...(data.snapshot ? { loadDataDir: new Blob([data.snapshot]) } : {}),
      ...(data.wasmModule ? { pgliteWasmModule: data.wasmModule } : {}),
    });
    collectGarbage();
    const ready: Ready = { arrayTypes: await arrayTypes() };
    keepTextForEveryType();
    reply({ id: 0, ok: true, value: ready });
  } catch (e) {
    reply({ id: 0, ok: false, error: serializeError(e) });
    return;
  }
  port.on("message", (msg: ToWorker) => {
    handle(msg).then(
      (value) => {
        const transfer = msg.op === "dump" ? [(value as { bytes: ArrayBuffer }).bytes] : [];
        reply({ id: msg.id, ok: true, value }, transfer);
      },
      (e: unknown) => reply({ id: msg.id, ok: false, error: serializeError(e) }),
    );
  });
}

void main();

// PGlite behind a worker thread (pglite-worker.ts), seen from the main thread: the subset of PGlite's
// interface that pglite-prisma-adapter calls (query, exec, transaction with tx.query/tx.exec/tx.rollback)
// plus dumpDataDir and close. Queries cost the main thread a message and the parsing of their text values;
// PostgreSQL itself runs in the worker, so Bolt keeps acknowledging requests while it works.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import {
  messages,
  type QueryOptions,
  type Results,
  type Transaction,
  TransactionAbortedError,
  types,
} from "@electric-sql/pglite";
import type {
  Dump,
  FromWorker,
  PGliteWorkerData,
  PortableQueryOptions,
  RawResults,
  Ready,
  SerializedError,
  ToWorker,
} from "./pglite-protocol.js";

type Parser = (x: string, typeId?: number) => unknown;
type Request = ToWorker extends infer M ? (M extends { id: number } ? Omit<M, "id"> : never) : never;

/** What the adapter, the tests and openDatabase need from PGlite, whether in this thread or in a worker. */
export interface EmbeddedPGlite {
  query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(query: string, options?: QueryOptions): Promise<Results[]>;
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T>;
  dumpDataDir(compression?: "auto" | "gzip" | "none"): Promise<File | Blob>;
  close(): Promise<void>;
  readonly closed: boolean;
}

interface PGliteWorkerOptions {
  dataDir: string;
  startParams: string[];
  loadDataDir?: Blob;
}

let wasmModule: Promise<WebAssembly.Module> | undefined;

/** PGlite's wasm, compiled once per process: every worker receives the compiled module instead of recompiling it. */
function compiledWasm(): Promise<WebAssembly.Module> {
  const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } })
    .WebAssembly;
  wasmModule ??= (async () => {
    const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
    return wasm.compile(await readFile(path.join(path.dirname(entry), "pglite.wasm")));
  })();
  return wasmModule;
}

let workerScript: Promise<string> | undefined;

/**
 * How to start the worker. Compiled (`npm start` runs dist/), it is plain JavaScript beside this file.
 * From the TypeScript sources (`npm run local`, vitest, the bench's in-process steps), esbuild strips its
 * types once per process and the thread evaluates the result, its imports resolved from src/store/: about
 * 50 ms once, where registering tsx in every thread costs ~220 ms each time.
 */
async function workerSource(): Promise<{ entry: string | URL; eval: boolean }> {
  if (import.meta.url.endsWith(".js")) return { entry: new URL("./pglite-worker.js", import.meta.url), eval: false };
  workerScript ??= (async () => {
    const file = fileURLToPath(new URL("./pglite-worker.ts", import.meta.url));
    const { transform } = await import("esbuild");
    const { code } = await transform(await readFile(file, "utf8"), {
      loader: "ts",
      format: "cjs",
      target: "node20",
      sourcefile: file,
    });
    return `((require) => {\n${code}\n})(require("node:module").createRequire(${JSON.stringify(file)}));`;
  })();
  return { entry: await workerScript, eval: true };
}

function toError(e: SerializedError, options?: QueryOptions): Error {
  if (e.kind === "database") {
    const err = e.aborted
      ? new TransactionAbortedError()
      : new messages.DatabaseError(e.message, e.length, e.name as messages.MessageName);
    Object.assign(err, e.fields, options ? { queryOptions: options } : {});
    err.message = e.message;
    return err;
  }
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

export class PGliteProxy implements EmbeddedPGlite {
  #worker: Worker;
  #pending = new Map<number, { resolve(v: unknown): void; reject(e: SerializedError | Error): void }>();
  #nextId = 1;
  #parsers: Record<number | string, Parser>;
  #closed = false;
  #closing: Promise<void> | undefined;
  #exit: Error | undefined;

  private constructor(worker: Worker, ready: Ready) {
    this.#worker = worker;
    // PGlite's default parsers, array types included (BasePGlite._initArrayTypes).
    const parsers: Record<number | string, Parser> = { ...types.parsers };
    for (const [oid, typarray] of ready.arrayTypes) {
      parsers[typarray] = (x) => types.arrayParser(x, parsers[oid] as types.Parser, typarray);
    }
    this.#parsers = parsers;
    worker.on("message", (msg: FromWorker) => this.#settle(msg));
    worker.on("error", (e) => this.#fail(e));
    worker.on("exit", (code) =>
      this.#fail(new Error(this.#closed ? "PGlite is closed" : `PGlite worker exited (${code})`)),
    );
    worker.unref();
  }

  static async create(options: PGliteWorkerOptions): Promise<PGliteProxy> {
    const [wasmModule, source, snapshot] = await Promise.all([
      compiledWasm(),
      workerSource(),
      options.loadDataDir?.arrayBuffer(),
    ]);
    const data: PGliteWorkerData = {
      dataDir: options.dataDir,
      startParams: options.startParams,
      wasmModule,
      ...(snapshot ? { snapshot } : {}),
    };
    const worker = new Worker(source.entry, {
      eval: source.eval,
      workerData: data,
      transferList: snapshot ? [snapshot] : [],
      // From the sources, none of the parent's flags: `--import tsx` would cost the thread ~220 ms for
      // nothing, and process-wide flags (--expose-gc in the bench) are refused when listed explicitly.
      ...(source.eval ? { execArgv: [] } : {}),
    });
    const ready = await new Promise<Ready>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`PGlite worker exited (${code}) before it was ready`));
      worker.once("error", reject);
      worker.once("exit", onExit);
      worker.once("message", (msg: FromWorker) => {
        worker.off("error", reject);
        worker.off("exit", onExit);
        if (msg.ok) resolve(msg.value as Ready);
        else reject(toError(msg.error));
      });
    });
    return new PGliteProxy(worker, ready);
  }

  get closed(): boolean {
    return this.#closed;
  }

  #settle(msg: FromWorker) {
    const call = this.#pending.get(msg.id);
    if (!call) return;
    this.#pending.delete(msg.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (msg.ok) call.resolve(msg.value);
    else call.reject(msg.error);
  }

  #fail(e: Error) {
    this.#exit ??= e;
    for (const call of this.#pending.values()) call.reject(e);
    this.#pending.clear();
  }

  #call(request: Request, options?: QueryOptions): Promise<unknown> {
    if (this.#exit) return Promise.reject(this.#exit);
    const id = this.#nextId++;
    // A pending answer keeps the process alive, as a query on the main thread would.
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject: (e) => reject(e instanceof Error ? e : toError(e, options)) });
      this.#worker.postMessage({ ...request, id } as ToWorker);
    });
  }

  #checkOpen() {
    if (this.#closing) throw new Error(this.#closed ? "PGlite is closed" : "PGlite is closing");
  }

  /** The default parsers merged with a query's own, once per set of them (the adapter passes the same object each time). */
  #merged = new WeakMap<object, Record<number | string, Parser>>();

  #parsersFor(own: QueryOptions["parsers"]): Record<number | string, Parser> {
    if (!own) return this.#parsers;
    let merged = this.#merged.get(own);
    if (!merged) {
      merged = { ...this.#parsers, ...(own as Record<number | string, Parser>) };
      this.#merged.set(own, merged);
    }
    return merged;
  }

  #parse<T>(raw: RawResults, options?: QueryOptions): Results<T> {
    const parsers = this.#parsersFor(options?.parsers);
    const width = raw.fields.length;
    const names = raw.fields.map((f) => f.name);
    const typeIds = raw.fields.map((f) => f.dataTypeID);
    const fieldParsers = typeIds.map((id) => parsers[id] as Parser | undefined);
    const arrays = options?.rowMode === "array";
    // Plain loops: this runs for every value of every row on the main thread.
    const rows: unknown[] = new Array(raw.rows.length);
    for (let r = 0; r < raw.rows.length; r++) {
      const cells = raw.rows[r] as (string | null)[];
      const values: unknown[] = new Array(width);
      for (let i = 0; i < width; i++) {
        const x = cells[i] ?? null;
        const parse = fieldParsers[i];
        values[i] = x === null ? null : parse ? parse(x, typeIds[i]) : x;
      }
      if (arrays) rows[r] = values;
      else {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < width; i++) row[names[i] as string] = values[i];
        rows[r] = row;
      }
    }
    const out: Results<T> & { command?: string; rowCount?: number } = {
      rows: rows as T[],
      fields: raw.fields,
      affectedRows: raw.affectedRows,
    };
    if (raw.command !== undefined) out.command = raw.command;
    if (raw.rowCount !== undefined) out.rowCount = raw.rowCount;
    return out;
  }

  async #query<T>(
    sql: string,
    params: unknown[] | undefined,
    options: QueryOptions | undefined,
    tx?: number,
  ): Promise<Results<T>> {
    const raw = (await this.#call({ op: "query", sql, params, options: portable(options), tx }, options)) as RawResults;
    return this.#parse<T>(raw, options);
  }

  async #exec(sql: string, options: QueryOptions | undefined, tx?: number): Promise<Results[]> {
    const raws = (await this.#call({ op: "exec", sql, options: portable(options), tx }, options)) as RawResults[];
    return raws.map((raw) => this.#parse(raw, options));
  }

  async query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    this.#checkOpen();
    return this.#query<T>(sql, params, options);
  }

  async exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    this.#checkOpen();
    return this.#exec(sql, options);
  }

  /** As PGlite's: BEGIN, the callback, COMMIT (ROLLBACK when it throws); one transaction at a time. */
  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    this.#checkOpen();
    const id = (await this.#call({ op: "begin" })) as number;
    let closed = false;
    const checkClosed = () => {
      if (closed) throw new Error("Transaction is closed");
    };
    const unsupported = (what: string) => () =>
      Promise.reject(new Error(`${what} is not available through the PGlite worker`));
    const tx: Transaction = {
      query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => {
        checkClosed();
        return this.#query<R>(sql, params, options, id);
      },
      exec: async (sql: string, options?: QueryOptions) => {
        checkClosed();
        return this.#exec(sql, options, id);
      },
      sql: unsupported("tx.sql"),
      listen: unsupported("tx.listen"),
      rollback: async () => {
        checkClosed();
        await this.#call({ op: "rollback", tx: id });
        closed = true;
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (e) {
      closed = true;
      await this.#call({ op: "end", tx: id, ok: false }).catch(() => undefined);
      throw e;
    }
    closed = true;
    await this.#call({ op: "end", tx: id, ok: true });
    return result;
  }

  async dumpDataDir(compression?: "auto" | "gzip" | "none"): Promise<Blob> {
    this.#checkOpen();
    const dump = (await this.#call({ op: "dump", compression })) as Dump;
    return new Blob([dump.bytes], { type: dump.type });
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        await this.#call({ op: "close" });
      } finally {
        this.#closed = true;
        await this.#worker.terminate();
      }
    })();
    return this.#closing;
  }
}

function portable(options: QueryOptions | undefined): PortableQueryOptions | undefined {
  if (!options) return undefined;
  const { parsers: _p, rowMode: _r, serializers, onNotice, blob, ...rest } = options;
  if (serializers || onNotice || blob)
    throw new Error("serializers, onNotice and blob are not available through the PGlite worker");
  return rest;
}

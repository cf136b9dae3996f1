// Messages between PGliteProxy (main thread) and pglite-worker.ts. Everything here is structured-cloneable.
import type { QueryOptions } from "@electric-sql/pglite";

export interface PGliteWorkerData {
  dataDir: string;
  startParams: string[];
  /** A data directory dump (tar or tar.gz) to start from. */
  snapshot?: ArrayBuffer;
  /** PGlite's wasm, compiled once per process and shared by every worker. */
  wasmModule?: WebAssembly.Module;
}

/** Query options that can cross a thread: no functions (the proxy applies `parsers` itself). */
export type PortableQueryOptions = Omit<QueryOptions, "parsers" | "serializers" | "onNotice" | "blob" | "rowMode">;

export type ToWorker =
  | { id: number; op: "query"; sql: string; params?: unknown[]; options?: PortableQueryOptions; tx?: number }
  | { id: number; op: "exec"; sql: string; options?: PortableQueryOptions; tx?: number }
  | { id: number; op: "begin" }
  | { id: number; op: "rollback"; tx: number }
  | { id: number; op: "end"; tx: number; ok: boolean }
  | { id: number; op: "dump"; compression?: "auto" | "gzip" | "none" }
  | { id: number; op: "close" };

/** One result set with every value still PostgreSQL's text (or null). */
export interface RawResults {
  rows: (string | null)[][];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
  command?: string;
  rowCount?: number;
}

export interface Ready {
  /** (element type, array type) pairs: PGlite's array parsers, rebuilt on the proxy's side. */
  arrayTypes: [number, number][];
}

export interface Dump {
  type: string;
  bytes: ArrayBuffer;
}

export type SerializedError =
  | {
      kind: "database";
      /** PGlite's TransactionAbortedError (COMMIT of an aborted transaction). */
      aborted: boolean;
      message: string;
      length: number;
      name: string;
      /** severity, code, detail, constraint, query, params… */
      fields: Record<string, unknown>;
    }
  | { kind: "error"; name: string; message: string };

export type FromWorker = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

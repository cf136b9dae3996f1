import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

// @types/node 20 declares WebAssembly's types but not the global value, which Node 20 has.
const wasmApi = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
    };
  }
).WebAssembly;

let wasmReady: Promise<void> | undefined;

/**
 * Prisma's schema engine compiled to wasm. Its own entry imports the `.wasm` file as an ES module,
 * which Node 20 refuses, so we instantiate the bytes ourselves.
 */
async function loadWasm(): Promise<void> {
  const bgModule = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(path.dirname(bgModule), "schema_engine_bg.wasm"));
  const { instance } = await wasmApi.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
}

export async function openSchemaEngine(
  schema: { path: string; content: string },
  adapter: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  wasmReady ??= loadWasm();
  await wasmReady;
  const ignoreEngineLog = () => undefined;
  return (await bg.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    ignoreEngineLog,
    // The engine expects Prisma's bound form of the adapter (results wrapped, errors registered).
    bindMigrationAwareSqlAdapterFactory(adapter),
  )) as SchemaEngine;
}

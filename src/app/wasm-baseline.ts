// Imported first by main.ts: WebAssembly runs in V8's baseline tier (Liftoff) only. PGlite (PostgreSQL compiled to
// wasm, 9 MB) and Prisma's query compiler are wasm; by default V8 recompiles their hot functions with its optimising
// compiler in background threads, whose code and compile memory stayed resident: 330–370 MB after start on the
// tenancy bench (10 workspaces, 3,000 commitments) against 255–275 MB with this flag, and on 2 busy cores the
// scheduler's passes ran faster without those compilations (npm run bench:tenancy). Set before any wasm is
// compiled (PGlite's module is compiled when the database opens).
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--liftoff-only");

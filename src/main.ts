// Entry point of `npm start`: validate the environment, start, and stop cleanly on SIGTERM/SIGINT.
import "./app/wasm-baseline.js";
import { existsSync } from "node:fs";
import { type RunningVigie, startVigie } from "./app/start-vigie.js";
import { ConfigError, loadConfig } from "./config.js";

if (existsSync(".env")) process.loadEnvFile(".env");

// Handlers go in before starting: a signal that arrives while the database opens would otherwise kill
// the process outright (Node's default action) instead of stopping it cleanly once it is up.
let vigie: RunningVigie | undefined;
let signalled: string | undefined;
const shutdown = (signal: string) => {
  signalled = signal;
  if (!vigie) return; // still starting: stopped as soon as the start completes
  vigie.deps.log.info("signal", { signal });
  void vigie.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));

try {
  vigie = await startVigie(loadConfig(process.env));
  if (signalled) shutdown(signalled);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  process.stderr.write(`Vigie n'a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

// Entry point of `npm start`: validate the environment, start, and stop cleanly on SIGTERM/SIGINT.
import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "./config.js";
import { startVigie } from "./app/start-vigie.js";

if (existsSync(".env")) process.loadEnvFile(".env");

try {
  const config = loadConfig(process.env);
  const vigie = await startVigie(config);
  const shutdown = (signal: string) => {
    vigie.deps.log.info("signal", { signal });
    void vigie.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(error.message + "\n");
    process.exit(78); // EX_CONFIG
  }
  process.stderr.write(`Vigie n'a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

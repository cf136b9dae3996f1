// `npm run db:migrate`: applies the pending migrations of prisma/migrations to the configured database
// (DATABASE_URL, or the embedded one in DATA_DIR), without starting the bot.
import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "../src/config.js";
import { openDatabase } from "../src/store/database.js";

if (existsSync(".env")) process.loadEnvFile(".env");
try {
  const config = loadConfig(process.env, { requireSlack: false });
  const db = await openDatabase(config.database);
  const applied = await db.migrate();
  await db.close();
  console.log(
    applied.length ? `Migrations appliquées : ${applied.join(", ")}` : "Base à jour : aucune migration en attente.",
  );
} catch (error) {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Échec des migrations : ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

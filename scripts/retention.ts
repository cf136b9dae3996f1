// `npm run retention -- --dry-run`: for the DPO, lists the free text past its retention (CSI_RETENTION_YEARS
// after the end of its contract) without changing anything. Without --dry-run, redacts it now (the scheduler
// also does so once a day). Prints kinds, references, dates and field names — never the texts themselves.
import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "../src/config.js";
import { retentionReportText, runRetention } from "../src/jobs/retention.js";
import { createLogger } from "../src/logger.js";
import { openDatabase } from "../src/store/database.js";
import { createStore } from "../src/store/store.js";

if (existsSync(".env")) process.loadEnvFile(".env");
const dryRun = process.argv.includes("--dry-run");
try {
  const config = loadConfig(process.env, { requireSlack: false });
  const db = await openDatabase(config.database);
  try {
    await db.migrate();
    const log = createLogger({ level: "warn", json: false });
    const report = await runRetention({ store: createStore(db.prisma), config, log }, new Date(), { dryRun });
    console.log(retentionReportText(report));
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Échec de la conservation : ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

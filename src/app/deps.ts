import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Database } from "../store/database.js";
import type { Store } from "../store/store.js";

/** What listeners and jobs are given; `now` is the one clock they read, so tests can fix it. */
export interface AppDeps {
  config: Config;
  db: Database;
  store: Store;
  log: Logger;
  now: () => Date;
}

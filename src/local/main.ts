// `npm run local`: Vigie on the embedded database, with a built-in stand-in for Slack and a console in the
// terminal. No workspace, no token: the quickest way to see what the bot does.

import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { startVigie } from "../app/start-vigie.js";
import { ConfigError, loadConfig } from "../config.js";
import { countOf, plural } from "../domain/format.js";
import { tr } from "../domain/locale.js";
import { createLogger } from "../logger.js";
import { LocalConsole } from "./console.js";
import { consoleLocale, consoleWords } from "./console-words.js";
import { prepareSampleWorkspace, SAMPLE_CHANNELS, SAMPLE_USERS } from "./sample-workspace.js";
import { LOCAL_APP_ID, LOCAL_TEAM, LocalSession } from "./session.js";
import { FakeSlack } from "./slack-stand-in.js";

const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
const write = (s: string) => void process.stdout.write(s);
const locale = consoleLocale(process.env.LOCAL_LOCALE);
const words = consoleWords(locale);
/** How often a long `:tick` says how far it has got. */
const TICK_PROGRESS_MS = 1000;

async function main(): Promise<void> {
  const slack = await new FakeSlack({ teamId: LOCAL_TEAM.id, appId: LOCAL_APP_ID }).start();
  slack.on("users.info", (p) => {
    const u = SAMPLE_USERS.find((x) => x.id === p.user);
    return {
      body: {
        user: {
          id: p.user,
          name: u?.handle ?? String(p.user),
          real_name: u?.name ?? String(p.user),
          locale: process.env.LOCAL_LOCALE ?? "fr-FR",
          tz: "Europe/Paris",
        },
      },
    };
  });
  const signingSecret = randomBytes(16).toString("hex");
  const dataDir = process.env.DATA_DIR ?? path.join("data", "local");
  // Without SMTP_URL, each e-mail to a recipient outside Slack is written as an .eml file, beside the database.
  const mailDir = process.env.SMTP_URL ? undefined : path.join(path.dirname(dataDir), "courriels");
  const config = loadConfig({
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: `xoxb-local-${randomBytes(6).toString("hex")}`,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    // A database of its own, so the demonstration never mixes with a real one in ./data.
    DATA_DIR: dataDir,
    SMTP_URL: process.env.SMTP_URL,
    SMTP_FROM: process.env.SMTP_FROM,
    MAIL_DIR: mailDir,
    CSI_TIMEZONE: process.env.CSI_TIMEZONE,
    CSI_COORDINATORS: SAMPLE_USERS.filter((u) => u.role === "COORDINATOR")
      .map((u) => u.id)
      .join(","),
    CSI_DIGEST_CHANNEL: "C0DIGEST",
    NODE_ENV: "development",
  });
  // PostgreSQL writes PG_VERSION when it creates a data directory: without it, this start creates the database.
  const firstStart = !config.database.url && !existsSync(path.join(config.database.dataDir, "PG_VERSION"));
  write(`${firstStart ? words.preparingFirst : words.preparing}\n`);
  write(
    `${
      mailDir
        ? tr(
            locale,
            `Courriels (/csi destinataires) : SMTP_URL n'est pas défini, chaque courriel est écrit dans ${mailDir}/ (fichiers .eml).`,
            `E-mail (/csi recipients): SMTP_URL is not set, each e-mail is written to ${mailDir}/ (.eml files).`,
          )
        : tr(locale, "Courriels : envoyés par SMTP_URL.", "E-mail: sent through SMTP_URL.")
    }\n`,
  );
  const log = createLogger({ level: "error", json: false, write: (l) => process.stderr.write(`${l}\n`) });
  // The console's clock: real time until `:tick` moves it; listeners and the scheduler then read the same.
  let movedClock: Date | null = null;
  const vigie = await startVigie(config, { log, scheduler: "manual", now: () => movedClock ?? new Date() });
  await prepareSampleWorkspace(vigie.deps.db.prisma, vigie.deps.store, new Date(), config.schedule.timezone);
  const session = new LocalSession(`http://127.0.0.1:${vigie.port}`, signingSecret, slack, (ms) =>
    vigie.requestsSettled(ms),
  );

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  const ui = new LocalConsole({
    session,
    users: SAMPLE_USERS,
    channels: SAMPLE_CHANNELS,
    locale,
    rl,
    write,
    color,
    timezone: config.schedule.timezone,
    // Beside the database folder, not inside it: that one belongs to PostgreSQL.
    filesDir: path.join(path.dirname(config.database.dataDir), "fichiers"),
    tick: async (now, progress) => {
      const since = slack.calls.length;
      movedClock = now;
      const sent = () => slack.calls.filter((c, i) => i >= since && c.method === "chat.postMessage").length;
      const timer = setInterval(() => progress(sent()), TICK_PROGRESS_MS);
      try {
        const report = await vigie.scheduler.runPass(now);
        const mails = report.mail?.sent ?? 0;
        if (mails > 0)
          write(
            `${tr(
              locale,
              `✉ ${countOf(mails, "fr", "courriel", "courriels")} aux destinataires hors Slack ${mailDir ? `${plural(mails, "fr", "écrit", "écrits")} dans ${mailDir}/` : plural(mails, "fr", "envoyé", "envoyés")}`,
              `✉ ${countOf(mails, "en", "e-mail", "e-mails")} to recipients outside Slack ${mailDir ? `written to ${mailDir}/` : "sent"}`,
            )}\n`,
          );
      } finally {
        clearInterval(timer);
      }
      return session.shownSince(since);
    },
  });
  await ui.run();
  rl.close();
  write(`${words.goodbye}\n`);
  await vigie.stop();
  await slack.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError
        ? `${error.message}\n`
        : `Le mode local n'a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);

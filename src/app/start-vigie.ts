import type { Config } from "../config.js";
import { createScheduler, type Scheduler } from "../jobs/scheduler.js";
import { createLogger, type Logger } from "../logger.js";
import type { MailSender } from "../mail/mail-sender.js";
import { createSlackApp } from "../slack/bolt-app.js";
import { createSenderClient, createSlackSender } from "../slack/slack-sender.js";
import { userContactOf, userLocaleOf } from "../slack/user-locale.js";
import { type Database, openDatabase } from "../store/database.js";
import { CHAMBERY_SEED_PATH, readContractSeed, seedContract } from "../store/seed.js";
import { createStore } from "../store/store.js";
import type { AppDeps } from "./deps.js";
import { workspacePasses } from "./workspace-passes.js";

interface StartOptions {
  log?: Logger;
  /** The clock listeners read; tests fix it. */
  now?: () => Date;
  seedPath?: string;
  /** An already opened database (tests); Vigie owns it from then on and closes it on stop. */
  database?: Database;
  /** manual: the cron is never started whatever CSI_SCHEDULER says; the caller runs `scheduler.runPass(now)`. */
  scheduler?: "auto" | "manual";
}

export interface RunningVigie {
  deps: AppDeps;
  port: number;
  /** Reminders and digests; started only when CSI_SCHEDULER=on (tests call `runPass(now)` themselves). */
  scheduler: Scheduler;
  /** Resolves true once no Slack request is being handled, false after `timeoutMs` (local mode waits on it). */
  requestsSettled(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

/** Opens and migrates the database, seeds the contract once, then starts receiving Slack requests. */
export async function startVigie(config: Config, options: StartOptions = {}): Promise<RunningVigie> {
  const log =
    options.log ??
    createLogger({
      level: config.logLevel,
      json: config.env === "production",
      secrets: [
        config.slack.signingSecret,
        config.slack.botToken,
        config.slack.appToken ?? "",
        config.slack.oauth?.clientSecret ?? "",
        config.slack.oauth?.stateSecret ?? "",
      ],
    });
  const started = performance.now();
  const db = options.database ?? (await openDatabase(config.database));
  try {
    const applied = await db.migrate();
    log.info("database.ready", { kind: db.kind, migrationsApplied: applied.length });
    const seed = await seedContract(db.prisma, await readContractSeed(options.seedPath ?? CHAMBERY_SEED_PATH));
    if (seed.created) log.info("contract.seeded", { commitments: seed.commitments });
    const store = createStore(db.prisma, { tokenKey: config.slack.oauth?.tokenKey });
    // CSI_COORDINATORS are the coordinators of the seeded (first) contract; other contracts name their own.
    const seeded = await store.contracts.findDefault();
    const coordinators = seeded ? await store.roles.ensureCoordinators(config.coordinators, seeded.id) : [];
    if (coordinators.length) log.info("roles.coordinators_added", { count: coordinators.length });

    const deps: AppDeps = { config, db, store, log, now: options.now ?? (() => new Date()) };
    const slack = createSlackApp(deps);
    const { port } = await slack.start();
    const senderClient = createSenderClient(config.slack.botToken, config.slack.apiUrl);
    const scheduler = createScheduler(
      deps,
      createSlackSender(senderClient, {
        log,
        // Each recipient's language, from the users.info cache the listeners share (French when Slack is silent).
        slackLocaleOf: (userId) => userLocaleOf(deps, senderClient, userId, { timeoutMs: 3000 }),
        slackContactOf: (userId) => userContactOf(deps, senderClient, userId),
      }),
      {
        mailer: await mailerOf(config, log),
        // OAuth mode: each installed workspace's contracts, sent with that workspace's token.
        ...(slack.tokenOf ? { workspaces: workspacePasses(deps, slack.tokenOf) } : {}),
      },
    );
    if (config.scheduler === "on" && config.slack.mode !== "none" && options.scheduler !== "manual") scheduler.start();
    log.info("app.ready", { mode: config.slack.mode, port, ms: Math.round(performance.now() - started) });

    let stopping: Promise<void> | undefined;
    return {
      deps,
      port,
      scheduler,
      requestsSettled: (timeoutMs) => slack.requestsSettled(timeoutMs),
      stop: () =>
        (stopping ??= (async () => {
          log.info("app.stopping");
          await scheduler.stop();
          await slack
            .stop()
            .catch((e: unknown) =>
              log.warn("slack.stop_failed", { error: e instanceof Error ? e.message : String(e) }),
            );
          await db.close();
          log.info("app.stopped");
        })()),
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** E-mails go through SMTP_URL, else into MAIL_DIR as .eml files, else nowhere (`/csi destinataires` says how to enable). */
async function mailerOf(config: Config, log: Logger): Promise<{ sender: MailSender; from: string } | undefined> {
  const { smtp, emlDir } = config.mail;
  if (!smtp && !emlDir) return undefined;
  // nodemailer is loaded only when e-mail is configured: without it, it would sit in memory unused.
  const { createEmlWriter, createSmtpSender } = await import("../mail/mail-sender.js");
  if (smtp) {
    log.info("mail.smtp", { host: new URL(smtp.url).hostname });
    return { sender: createSmtpSender(smtp, { pool: true }), from: smtp.from };
  }
  if (emlDir) {
    log.info("mail.eml", { dir: emlDir });
    return { sender: createEmlWriter(emlDir), from: "Vigie <vigie@localhost>" };
  }
  return undefined;
}

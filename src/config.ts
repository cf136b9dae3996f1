import path from "node:path";
import { envSchema, tokenKeyBytes } from "./config-env.js";
import { makeScheduleSettings, type ScheduleSettings } from "./domain/due-instants.js";
import { DEFAULT_RETENTION_YEARS } from "./domain/retention.js";
import { type SmtpSettings, smtpSettingsOf } from "./mail/smtp-settings.js";

/** Raised when the environment is unusable; `problems` holds one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      "Configuration invalide — Vigie ne peut pas démarrer :\n" +
        problems.map((p) => `  • ${p}`).join("\n") +
        "\nCorrigez ces variables (fichier .env ou environnement) puis relancez. Voir README.md, « Configuration ».",
    );
    this.name = "ConfigError";
  }
}

type SlackMode = "http" | "socket" | "none";

/** « Add to Slack » for any workspace: Bolt's install path and OAuth redirect, installations kept in the database. */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** AES-256-GCM key of the tokens at rest (VIGIE_TOKEN_KEY). */
  tokenKey: Buffer;
}

export interface Config {
  env: "development" | "production" | "test";
  slack: {
    mode: SlackMode;
    signingSecret: string;
    botToken: string;
    appToken?: string;
    apiUrl?: string;
    /** Set when SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are: any workspace may install Vigie. */
    oauth?: OAuthConfig;
    /** The installation's ids when configured (SLACK_TEAM_ID…); otherwise learnt from Slack at start. */
    installed: { teamId?: string; enterpriseId?: string; appId?: string };
  };
  port: number;
  database: { url?: string; dataDir: string };
  coordinators: string[];
  digestChannel?: string;
  readAccess: "workspace" | "members";
  logLevel: "debug" | "info" | "warn" | "error";
  /**
   * When reminders and digests are due; its `timezone` (CSI_TIMEZONE, Europe/Paris by default) is the one zone
   * in which dates are shown, « today » is read and messages are scheduled.
   */
  schedule: ScheduleSettings;
  /** off: this process plans nothing (tests drive the jobs directly). Defaults to on, off when NODE_ENV=test. */
  scheduler: "on" | "off";
  /** Free text is redacted this many years after the end of its contract (README, « Données personnelles »). */
  retentionYears: number;
  /**
   * E-mail to recipients outside Slack: sent through `smtp` (SMTP_URL, SMTP_FROM), else written as .eml files in
   * `emlDir` (MAIL_DIR; local mode: data/courriels), else not sent at all (the feature says how to enable it).
   */
  mail: {
    smtp: SmtpSettings | null;
    emlDir: string | null;
    /** ORGANIZER of the .ics sent to Slack attendees (CSI_ORGANIZER_EMAIL); SMTP_FROM's address when unset. */
    organizerEmail: string | null;
  };
}

/**
 * Validates the environment once, at start. `requireSlack: false` is for commands that need only the
 * database (migrations, local mode).
 */
export function loadConfig(env: NodeJS.ProcessEnv, options: { requireSlack?: boolean } = {}): Config {
  const requireSlack = options.requireSlack ?? true;
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.success ? parsed.data : undefined;
  const smtp = smtpSettingsOf({ SMTP_URL: e?.SMTP_URL, SMTP_FROM: e?.SMTP_FROM });
  problems.push(...smtp.problems);
  const oauthVars = [e?.SLACK_CLIENT_ID, e?.SLACK_CLIENT_SECRET, e?.SLACK_STATE_SECRET];
  const oauth = parsed.success && oauthVars.some((v) => v !== undefined);
  if (oauth) {
    const missing = (["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const).filter(
      (_, i) => oauthVars[i] === undefined,
    );
    for (const name of missing)
      problems.push(
        `${name} manque : l'installation dans plusieurs espaces de travail demande SLACK_CLIENT_ID, SLACK_CLIENT_SECRET et SLACK_STATE_SECRET ensemble`,
      );
    if (!e?.VIGIE_TOKEN_KEY)
      problems.push(
        "VIGIE_TOKEN_KEY manque : les jetons des espaces de travail sont chiffrés avec cette clé (32 octets, `openssl rand -base64 32`)",
      );
    if (e?.SLACK_APP_TOKEN)
      problems.push(
        "SLACK_APP_TOKEN : le Socket Mode ne sert qu'un espace de travail ; retirez-le pour l'installation OAuth",
      );
    if (!e?.SLACK_SIGNING_SECRET)
      problems.push("SLACK_SIGNING_SECRET manque : copiez le « Signing Secret » de la page Basic Information");
  }
  if (requireSlack && parsed.success && !oauth) {
    if (!e?.SLACK_BOT_TOKEN)
      problems.push(
        "SLACK_BOT_TOKEN manque : copiez le « Bot User OAuth Token » (xoxb-…) de la page OAuth & Permissions",
      );
    if (!e?.SLACK_APP_TOKEN && !e?.SLACK_SIGNING_SECRET)
      problems.push(
        "SLACK_SIGNING_SECRET manque : copiez le « Signing Secret » de la page Basic Information (ou définissez SLACK_APP_TOKEN pour le Socket Mode)",
      );
  }
  if (problems.length > 0 || !e) throw new ConfigError(problems);

  const mode: SlackMode =
    !requireSlack && !e.SLACK_BOT_TOKEN && !oauth ? "none" : e.SLACK_APP_TOKEN ? "socket" : "http";
  return {
    env: e.NODE_ENV ?? "development",
    slack: {
      mode,
      signingSecret: e.SLACK_SIGNING_SECRET ?? "",
      botToken: e.SLACK_BOT_TOKEN ?? "",
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL && (e.SLACK_API_URL.endsWith("/") ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`),
      ...(oauth && e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET && e.VIGIE_TOKEN_KEY
        ? {
            oauth: {
              clientId: e.SLACK_CLIENT_ID,
              clientSecret: e.SLACK_CLIENT_SECRET,
              stateSecret: e.SLACK_STATE_SECRET,
              tokenKey: tokenKeyBytes(e.VIGIE_TOKEN_KEY) as Buffer,
            },
          }
        : {}),
      installed: { teamId: e.SLACK_TEAM_ID, enterpriseId: e.SLACK_ENTERPRISE_ID, appId: e.SLACK_APP_ID },
    },
    port: e.PORT ?? 3000,
    database: { url: e.DATABASE_URL, dataDir: path.resolve(e.DATA_DIR ?? "./data") },
    coordinators: e.CSI_COORDINATORS ?? [],
    digestChannel: e.CSI_DIGEST_CHANNEL,
    readAccess: e.CSI_READ_ACCESS ?? "workspace",
    logLevel: e.LOG_LEVEL ?? "info",
    schedule: makeScheduleSettings({
      timezone: e.CSI_TIMEZONE ?? "Europe/Paris",
      ...(e.CSI_REMINDER_HOUR ? { reminderHour: e.CSI_REMINDER_HOUR } : {}),
      ...(e.CSI_DIGEST_TIME ? { digestTime: e.CSI_DIGEST_TIME } : {}),
      ...(e.CSI_MEETING_REMINDER_DAYS ? { meetingReminderDays: e.CSI_MEETING_REMINDER_DAYS } : {}),
      ...(e.CSI_DEADLINE_REMINDER_DAYS ? { deadlineReminderDays: e.CSI_DEADLINE_REMINDER_DAYS } : {}),
      ...(e.CSI_QUIET_HOURS ? { quietHours: e.CSI_QUIET_HOURS } : {}),
    }),
    scheduler: e.CSI_SCHEDULER ?? ((e.NODE_ENV ?? "development") === "test" ? "off" : "on"),
    retentionYears: e.CSI_RETENTION_YEARS ?? DEFAULT_RETENTION_YEARS,
    mail: {
      smtp: smtp.settings,
      emlDir: e.MAIL_DIR ? path.resolve(e.MAIL_DIR) : null,
      organizerEmail: e.CSI_ORGANIZER_EMAIL ?? null,
    },
  };
}

// What the environment may hold: each variable's rule, with the French fix-it hint the operator reads.

import { IANAZone } from "luxon";
import { z } from "zod";
import "./zod-french.js";

const userId = /^[UW][A-Z0-9]{2,}$/;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const dayList = (min: number, message: string) =>
  z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim()))
    .refine(
      (xs) => xs.every((x) => /^\d+$/.test(x) && Number(x) >= min) && new Set(xs.map(Number)).size === xs.length,
      message,
    )
    .transform((xs) => xs.map(Number));

// Each rule carries its own fix-it hint: the message is what the operator reads.
export const envSchema = z.object({
  NODE_ENV: optional(
    z.enum(["development", "production", "test"], { message: "doit valoir development, production ou test" }),
  ),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .regex(
        /^[a-f0-9]{32}$/i,
        "doit être le « Signing Secret » de l'app (32 caractères hexadécimaux, page Basic Information)",
      ),
  ),
  SLACK_BOT_TOKEN: optional(
    z
      .string()
      .regex(/^xoxb-[A-Za-z0-9-]+$/, "doit être le jeton du bot, commençant par xoxb- (page OAuth & Permissions)"),
  ),
  SLACK_APP_TOKEN: optional(
    z
      .string()
      .regex(
        /^xapp-[A-Za-z0-9-]+$/,
        "doit être un jeton d'app commençant par xapp- avec la portée connections:write (Socket Mode)",
      ),
  ),
  SLACK_API_URL: optional(
    z
      .url({ message: "doit être une URL http(s), par ex. https://slack.com/api/" })
      .refine((u) => /^https?:\/\//.test(u), "doit commencer par http:// ou https://"),
  ),
  SLACK_TEAM_ID: optional(
    z.string().regex(/^T[A-Z0-9]{2,}$/, "doit être l'identifiant de l'espace de travail (T…), pas son nom"),
  ),
  SLACK_ENTERPRISE_ID: optional(
    z.string().regex(/^E[A-Z0-9]{2,}$/, "doit être l'identifiant de l'organisation Enterprise Grid (E…)"),
  ),
  SLACK_APP_ID: optional(
    z.string().regex(/^A[A-Z0-9]{2,}$/, "doit être l'identifiant de l'app (A…, page Basic Information → App ID)"),
  ),
  SLACK_CLIENT_ID: optional(
    z.string().regex(/^\d+\.\d+$/, "doit être le « Client ID » de l'app (chiffres.chiffres, page Basic Information)"),
  ),
  SLACK_CLIENT_SECRET: optional(
    z
      .string()
      .regex(
        /^[a-f0-9]{32}$/i,
        "doit être le « Client Secret » de l'app (32 caractères hexadécimaux, page Basic Information)",
      ),
  ),
  SLACK_STATE_SECRET: optional(
    z
      .string()
      .min(16, "doit compter au moins 16 caractères choisis au hasard (il signe l'état du parcours d'installation)"),
  ),
  VIGIE_TOKEN_KEY: optional(
    z
      .string()
      .refine(
        (k) => tokenKeyBytes(k) !== null,
        "doit être une clé de 32 octets en base64 (44 caractères) ou en hexadécimal (64 caractères), par ex. `openssl rand -base64 32`",
      ),
  ),
  PORT: optional(
    z.coerce
      .number({ message: "doit être un nombre" })
      .int("doit être un entier")
      .min(0, "doit être entre 0 et 65535 (0 : un port libre)")
      .max(65535, "doit être entre 0 et 65535 (0 : un port libre)"),
  ),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/.+/,
        "doit être une URL postgres://utilisateur:motdepasse@hôte:5432/base (ou ne pas être définie pour la base embarquée)",
      ),
  ),
  DATA_DIR: optional(z.string()),
  CSI_TIMEZONE: optional(
    z.string().refine((z) => IANAZone.isValidZone(z), "doit être un fuseau IANA, par ex. Europe/Paris"),
  ),
  CSI_COORDINATORS: optional(
    z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .refine(
        (ids) => ids.every((id) => userId.test(id)),
        "doit être une liste d'identifiants Slack séparés par des virgules, par ex. U012ABCDEF,U034GHIJKL",
      ),
  ),
  CSI_DIGEST_CHANNEL: optional(
    z.string().regex(/^[CG][A-Z0-9]{2,}$/, "doit être l'identifiant d'un canal Slack (C…), pas son nom"),
  ),
  CSI_READ_ACCESS: optional(
    z.enum(["workspace", "members"], {
      message: "doit valoir workspace (tout l'espace de travail) ou members (membres du comité seulement)",
    }),
  ),
  CSI_SCHEDULER: optional(
    z.enum(["on", "off"], {
      message:
        "doit valoir on (envoyer rappels et digests) ou off (ne rien planifier, par ex. sur une seconde instance)",
    }),
  ),
  CSI_REMINDER_HOUR: optional(
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "doit être une heure HH:mm, par ex. 09:00 (heure de Paris)"),
  ),
  CSI_DIGEST_TIME: optional(
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "doit être une heure HH:mm, par ex. 08:30 (le lundi, heure de Paris)"),
  ),
  CSI_MEETING_REMINDER_DAYS: optional(
    dayList(1, "doit être une liste de jours avant la réunion, entiers ≥ 1 sans doublon, par ex. 7,1"),
  ),
  CSI_DEADLINE_REMINDER_DAYS: optional(
    dayList(0, "doit être une liste de jours avant l'échéance, entiers ≥ 0 sans doublon, par ex. 30,7,1"),
  ),
  CSI_QUIET_HOURS: optional(
    z
      .string()
      .regex(
        /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/,
        "doit être une plage HH:mm-HH:mm, par ex. 19:00-09:00 (rien n'est rattrapé pendant ces heures)",
      ),
  ),
  CSI_RETENTION_YEARS: optional(
    z.coerce
      .number({ message: "doit être un nombre d'années, par ex. 5" })
      .int("doit être un nombre entier d'années")
      .min(1, "doit être entre 1 et 50 (années après la fin du contrat)")
      .max(50, "doit être entre 1 et 50 (années après la fin du contrat)"),
  ),
  // SMTP_URL and SMTP_FROM are checked together by smtpSettingsOf (mail/smtp-settings.ts).
  SMTP_URL: optional(z.string()),
  SMTP_FROM: optional(z.string()),
  MAIL_DIR: optional(z.string()),
  CSI_ORGANIZER_EMAIL: optional(
    z.email({ message: "doit être l'adresse de l'organisateur des réunions, par ex. coordination.csi@ville.example" }),
  ),
  LOG_LEVEL: optional(
    z.enum(["debug", "info", "warn", "error"], { message: "doit valoir debug, info, warn ou error" }),
  ),
});

/** VIGIE_TOKEN_KEY as 32 bytes (64 hexadecimal characters or standard base64), or null when it is not one. */
export function tokenKeyBytes(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-f]{64}$/i.test(t)) return Buffer.from(t, "hex");
  if (!/^[A-Za-z0-9+/]{43}=$/.test(t)) return null;
  const bytes = Buffer.from(t, "base64");
  return bytes.length === 32 ? bytes : null;
}

// SMTP_URL and SMTP_FROM, checked once with zod, with what to correct in French.
import { z } from "zod";
import "../zod-french.js";

export interface SmtpSettings {
  /** smtp://user:pass@host:587 (STARTTLS) or smtps://…:465 (TLS). */
  url: string;
  /** « Vigie — CSI de Chambéry <vigie@ville.example> » or a bare address. */
  from: string;
}

const address = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

const schema = z.object({
  SMTP_URL: z
    .string()
    .trim()
    .refine((s) => /^smtps?:\/\/[^\s/]+/.test(s), {
      message: "doit être l'adresse du serveur d'envoi, par ex. smtp://utilisateur:motdepasse@smtp.example.fr:587",
    }),
  SMTP_FROM: z
    .string()
    .trim()
    .refine((s) => address.test(s) || /^[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/.test(s), {
      message: "doit être l'expéditeur des courriels, par ex. « Vigie <vigie@ville.example> »",
    }),
});

/**
 * The SMTP settings, null when SMTP_URL is not set (e-mail then says how to enable it), or the problems to
 * correct, one per variable, in French.
 */
export function smtpSettingsOf(env: NodeJS.ProcessEnv): { settings: SmtpSettings | null; problems: string[] } {
  if (!env.SMTP_URL && !env.SMTP_FROM) return { settings: null, problems: [] };
  const parsed = schema.safeParse({ SMTP_URL: env.SMTP_URL ?? "", SMTP_FROM: env.SMTP_FROM ?? "" });
  if (!parsed.success)
    return { settings: null, problems: parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`) };
  return { settings: { url: parsed.data.SMTP_URL, from: parsed.data.SMTP_FROM }, problems: [] };
}

/** What a coordinator reads when e-mail is asked for without SMTP_URL. */
export const HOW_TO_ENABLE_EMAIL =
  "L'envoi de courriels n'est pas configuré : définissez SMTP_URL (serveur d'envoi, par ex. smtp://utilisateur:motdepasse@smtp.example.fr:587) et SMTP_FROM (expéditeur) dans l'environnement de Vigie, puis redémarrez-la.";

/** The sender of SMTP_FROM (« Vigie <vigie@ville.fr> » or a bare address) as a name and an address. */
export function organizerOf(from: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1]?.trim() || "Vigie", email: (m[2] ?? "").trim() } : { name: "Vigie", email: from.trim() };
}

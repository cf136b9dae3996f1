import { z } from "zod";
import type { Locale } from "../../domain/types.js";

/** Sub-commands with their French name first, then English aliases (design.md). */
export const SUBCOMMANDS = {
  help: { fr: ["aide"], en: ["help"] },
  status: { fr: ["etat", "état"], en: ["status"] },
  list: { fr: ["liste"], en: ["list"] },
  show: { fr: ["voir", "fiche"], en: ["show"] },
  mine: { fr: ["mes"], en: ["mine"] },
  overdue: { fr: ["retards"], en: ["overdue"] },
  due: { fr: ["echeances", "échéances"], en: ["due"] },
  meetings: { fr: ["reunions", "réunions"], en: ["meetings"] },
  update: { fr: ["maj"], en: ["update"] },
  search: { fr: ["cherche", "recherche"], en: ["search"] },
  history: { fr: ["historique"], en: ["history"] },
  new: { fr: ["nouveau"], en: ["new"] },
  meeting: { fr: ["reunion", "réunion"], en: ["meeting"] },
  digest: { fr: ["digest"], en: [] },
  role: { fr: ["role", "rôle"], en: [] },
} as const satisfies Record<string, { fr: readonly string[]; en: readonly string[] }>;

export type SubcommandName = keyof typeof SUBCOMMANDS;

export type ParsedCommand =
  | { kind: "command"; name: SubcommandName; args: string[]; rest: string; locale: Locale | null }
  | { kind: "empty" }
  | { kind: "unknown"; word: string; rest: string };

// Slack caps command text at 4,000 characters; anything longer is not from Slack and is cut, not trusted.
const commandText = z
  .string()
  .max(20_000)
  .transform((s) => s.normalize("NFC").replace(/[\u0000-\u001f\u007f]+/g, " ").trim().slice(0, 4000));

const lookup = new Map<string, { name: SubcommandName; locale: Locale | null }>();
for (const [name, aliases] of Object.entries(SUBCOMMANDS) as [SubcommandName, { fr: readonly string[]; en: readonly string[] }][]) {
  // A word spelt the same in both languages (digest, export…) does not choose the language.
  const shared = aliases.en.length === 0;
  for (const w of aliases.fr) lookup.set(w, { name, locale: shared ? null : "fr" });
  for (const w of aliases.en) lookup.set(w, { name, locale: "en" });
}

/** Every word a user may type first, for "did you mean" suggestions. */
export const SUBCOMMAND_WORDS: string[] = [...lookup.keys()];

export function parseCommandText(raw: unknown): ParsedCommand {
  const parsed = commandText.safeParse(typeof raw === "string" ? raw : "");
  const text = parsed.success ? parsed.data : "";
  if (!text) return { kind: "empty" };
  const [first = "", ...restWords] = text.split(/\s+/);
  const word = first.toLowerCase();
  const rest = text.slice(first.length).trim();
  const hit = lookup.get(word);
  if (!hit) return { kind: "unknown", word: first, rest };
  return { kind: "command", name: hit.name, args: restWords, rest, locale: hit.locale };
}

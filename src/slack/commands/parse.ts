import { z } from "zod";
import { parseStatusWord } from "../../domain/format.js";
import { matchParty } from "../../domain/parties.js";
import type { Locale, Party, Status } from "../../domain/types.js";

/** Sub-commands with their French name first, then English aliases. */
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
  export: { fr: ["export", "exporter"], en: [] },
  import: { fr: ["import", "importer"], en: [] },
  report: { fr: ["rapport"], en: ["report"] },
  contract: { fr: ["contrat", "contrats"], en: ["contract", "contracts"] },
  journal: { fr: ["journal"], en: ["audit"] },
  recipients: { fr: ["destinataires", "destinataire"], en: ["recipients"] },
  absence: { fr: ["absence", "absent", "absente", "conges", "congés"], en: ["away", "leave"] },
} as const satisfies Record<string, { fr: readonly string[]; en: readonly string[] }>;

export type SubcommandName = keyof typeof SUBCOMMANDS;

/** A sub-command's own word in that language (the first of its names), as a button re-runs it. */
export const commandWord = (name: SubcommandName, locale: Locale): string =>
  (SUBCOMMANDS[name][locale] as readonly string[])[0] ?? SUBCOMMANDS[name].fr[0];

type ParsedCommand =
  | { kind: "command"; name: SubcommandName; args: string[]; rest: string; locale: Locale | null; text: string }
  | { kind: "empty" }
  | { kind: "unknown"; word: string; rest: string };

// Slack caps command text at 4,000 characters; anything longer is not from Slack and is cut, not trusted.
const commandText = z
  .string()
  .max(20_000)
  .transform((s) =>
    s
      .normalize("NFC")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
      .replace(/[\u0000-\u001f\u007f]+/g, " ")
      .trim()
      .slice(0, 4000),
  );

const lookup = new Map<string, { name: SubcommandName; locale: Locale | null }>();
for (const [name, aliases] of Object.entries(SUBCOMMANDS) as [
  SubcommandName,
  { fr: readonly string[]; en: readonly string[] },
][]) {
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
  return { kind: "command", name: hit.name, args: restWords, rest, locale: hit.locale, text };
}

// ---- Arguments of the read sub-commands ----

export interface ListArgs {
  party: string | null;
  status: Status | null;
  /** Words that were neither a party nor a status: echoed back, never silently dropped. */
  unknown: string[];
}

/**
 * `[partie] [statut]` in any order: `ville en-retard`, `late city`, `point de vigilance etat`.
 * Statuses may span several words; the longest match wins.
 */
export function parseListArgs(args: readonly string[], parties: readonly Pick<Party, "code" | "label">[]): ListArgs {
  const out: ListArgs = { party: null, status: null, unknown: [] };
  const words = args.filter(Boolean).slice(0, 50);
  for (let i = 0; i < words.length; ) {
    let used = 0;
    for (let n = Math.min(4, words.length - i); n >= 1 && used === 0; n--) {
      const status = parseStatusWord(words.slice(i, i + n).join(" "));
      if (status && !out.status) {
        out.status = status;
        used = n;
      }
    }
    if (used === 0) {
      const party = matchParty(words[i] ?? "", parties);
      if (party && !out.party) {
        out.party = party;
        used = 1;
      }
    }
    if (used === 0) {
      out.unknown.push(words[i] ?? "");
      used = 1;
    }
    i += used;
  }
  return out;
}

/** `echeances [jours]`: a whole number of days, 1 to 3,650 (ten years); 30 when absent. */
const dueDaysSchema = z.coerce.number().int().min(1).max(3650).default(30);

export function parseDueDays(args: readonly string[]): { ok: true; days: number } | { ok: false; typed: string } {
  const first = args[0];
  if (first === undefined || first === "") return { ok: true, days: 30 };
  const cleaned = first.replace(/^(j|d)?\+?/i, "").replace(/(j|jours?|d|days?)$/i, "");
  const parsed = dueDaysSchema.safeParse(/^\d+$/.test(cleaned) ? cleaned : "x");
  return parsed.success && args.length <= 2 ? { ok: true, days: parsed.data } : { ok: false, typed: args.join(" ") };
}

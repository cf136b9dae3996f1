// `/csi destinataires ajouter …` read into a recipient, or the one problem to tell the coordinator. Pure.
//   ajouter Marie Durand <marie.durand@savoie.gouv.fr>, Préfecture de la Savoie, point rapport réunions
// The first part holds the name and the address (anywhere), the second the organisation, the third what the
// person receives (everything when omitted). The address is checked by zod's e-mail rule and stored lower-cased.
import { z } from "zod";
import { normalizeText } from "./text.js";

/** What a recipient receives by e-mail. */
export type MailKind = "digest" | "report" | "meetings";
export const MAIL_KINDS: readonly MailKind[] = ["digest", "report", "meetings"];

export interface RecipientInput {
  name: string;
  address: string;
  organisation: string | null;
  receives: Record<MailKind, boolean>;
}

const RECIPIENT_NAME_MAX = 120;
const ORGANISATION_MAX = 120;
const ADDRESS_MAX = 254;

export type RecipientProblem =
  | { kind: "no_address" }
  | { kind: "bad_address"; typed: string }
  | { kind: "several_addresses" }
  | { kind: "no_name" }
  | { kind: "too_long"; field: "name" | "organisation"; max: number }
  | { kind: "too_many_parts" }
  | { kind: "unknown_kinds"; words: string[] }
  | { kind: "nothing_received" };

/** The words a coordinator may write for each kind (folded: no accents, lower case). */
const KIND_WORDS: Record<string, MailKind | "all"> = {
  point: "digest",
  points: "digest",
  digest: "digest",
  hebdo: "digest",
  hebdomadaire: "digest",
  weekly: "digest",
  rapport: "report",
  rapports: "report",
  report: "report",
  pdf: "report",
  reunion: "meetings",
  reunions: "meetings",
  invitation: "meetings",
  invitations: "meetings",
  agenda: "meetings",
  meetings: "meetings",
  tout: "all",
  tous: "all",
  all: "all",
};

const emailSchema = z.email();

/** An address as Slack may send it: `<mailto:a@b.fr|a@b.fr>`, `<a@b.fr>`, `mailto:a@b.fr`, or bare. */
export function cleanAddress(word: string): string {
  const slack = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i.exec(word);
  const raw = slack?.[1] ?? word.replace(/^<|>$/g, "").replace(/^mailto:/i, "");
  return raw.trim().toLowerCase();
}

/** Whether `address` (already cleaned) is an e-mail address we would send to. */
export const isValidAddress = (address: string): boolean =>
  address.length <= ADDRESS_MAX && emailSchema.safeParse(address).success;

/** Words of `text` that look like an address (hold an @), Slack's mailto links kept whole. */
const addressWords = (text: string): string[] =>
  text.match(/<mailto:[^>]*>|<[^<>\s]*@[^<>\s]*>|[^\s<>,;]*@[^\s<>,;]*/g) ?? [];

/** What the third part asks for; all three when it is empty. */
function parseKinds(text: string): { receives: Record<MailKind, boolean> } | RecipientProblem {
  const words = normalizeText(text)
    .split(/[\s,+/&]+/)
    .map((w) => w.replace(/[^a-z]/g, ""))
    .filter((w) => w && w !== "et" && w !== "and");
  const receives: Record<MailKind, boolean> = {
    digest: words.length === 0,
    report: words.length === 0,
    meetings: words.length === 0,
  };
  const unknown: string[] = [];
  for (const w of words) {
    const k = KIND_WORDS[w];
    if (k === "all") for (const m of MAIL_KINDS) receives[m] = true;
    else if (k) receives[k] = true;
    else unknown.push(w);
  }
  if (unknown.length) return { kind: "unknown_kinds", words: unknown };
  if (!MAIL_KINDS.some((m) => receives[m])) return { kind: "nothing_received" };
  return { receives };
}

/** Reads the text after `ajouter`. */
export function parseRecipient(
  text: string,
): { ok: true; value: RecipientInput } | { ok: false; problem: RecipientProblem } {
  const fail = (problem: RecipientProblem) => ({ ok: false as const, problem });
  // Commas inside a Slack mailto link (never valid there anyway) must not split the parts.
  const parts = text.split(/[,;](?![^<]*>)/).map((p) => p.trim());
  if (parts.length > 3) return fail({ kind: "too_many_parts" });
  const [first = "", org = "", kinds = ""] = parts;
  const found = addressWords(first);
  if (found.length === 0) {
    const elsewhere = addressWords(parts.slice(1).join(" "));
    return fail(elsewhere.length ? { kind: "bad_address", typed: elsewhere[0] ?? "" } : { kind: "no_address" });
  }
  if (found.length > 1) return fail({ kind: "several_addresses" });
  const typed = found[0] ?? "";
  const address = cleanAddress(typed);
  if (!isValidAddress(address)) return fail({ kind: "bad_address", typed: address || typed });
  const name = first.replace(typed, " ").replace(/\s+/g, " ").trim();
  if (!name) return fail({ kind: "no_name" });
  if (name.length > RECIPIENT_NAME_MAX) return fail({ kind: "too_long", field: "name", max: RECIPIENT_NAME_MAX });
  if (org.length > ORGANISATION_MAX) return fail({ kind: "too_long", field: "organisation", max: ORGANISATION_MAX });
  const k = parseKinds(kinds);
  if ("kind" in k) return fail(k);
  return { ok: true, value: { name, address, organisation: org || null, receives: k.receives } };
}

/** What `/csi destinataires modifier <qui> …` changes; a field left out keeps its value. */
export interface RecipientChanges {
  name?: string;
  address?: string;
  /** null: no organisation any more. */
  organisation?: string | null;
  /** A party code of the contract, or null for none. */
  partyCode?: string | null;
  receives?: Record<MailKind, boolean>;
}

export type RecipientChangeProblem =
  | RecipientProblem
  | { kind: "no_change" }
  | { kind: "unknown_field"; typed: string }
  | { kind: "address_in_name" }
  | { kind: "empty_field"; field: RecipientField }
  | { kind: "repeated_field"; field: RecipientField }
  | { kind: "unknown_party"; typed: string };

export type RecipientField = "name" | "address" | "organisation" | "party" | "receives";

/** The words naming each field (folded). */
const FIELD_WORDS: Record<string, RecipientField> = {
  nom: "name",
  name: "name",
  adresse: "address",
  courriel: "address",
  email: "address",
  mail: "address",
  address: "address",
  organisation: "organisation",
  organization: "organisation",
  org: "organisation",
  partie: "party",
  party: "party",
  envois: "receives",
  envoi: "receives",
  recoit: "receives",
  receives: "receives",
};

/** Words that empty the organisation or the party. */
const NONE_WORDS = new Set(["aucune", "aucun", "none", "-"]);

/**
 * Reads the changes after `modifier <qui>`: `champ valeur` pairs separated by commas or semicolons, e.g.
 * `nom Marie Dupont, envois point réunions, partie PARQUET`. `matchParty` maps a typed party to a code of the
 * contract (or null when it names none).
 */
export function parseRecipientChanges(
  text: string,
  matchParty: (typed: string) => string | null,
): { ok: true; changes: RecipientChanges } | { ok: false; problem: RecipientChangeProblem } {
  const fail = (problem: RecipientChangeProblem) => ({ ok: false as const, problem });
  const parts = text
    .split(/[,;](?![^<]*>)/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return fail({ kind: "no_change" });
  const changes: RecipientChanges = {};
  const seen = new Set<RecipientField>();
  for (const part of parts) {
    const [word = "", ...rest] = part.split(/\s+/);
    const field = FIELD_WORDS[normalizeText(word).replace(/[^a-z]/g, "")];
    if (!field) return fail({ kind: "unknown_field", typed: word });
    if (seen.has(field)) return fail({ kind: "repeated_field", field });
    seen.add(field);
    const value = rest.join(" ").trim();
    const none = NONE_WORDS.has(normalizeText(value));
    if (!value && field !== "organisation" && field !== "party") return fail({ kind: "empty_field", field });
    switch (field) {
      case "name":
        if (addressWords(value).length) return fail({ kind: "address_in_name" });
        if (value.length > RECIPIENT_NAME_MAX)
          return fail({ kind: "too_long", field: "name", max: RECIPIENT_NAME_MAX });
        changes.name = value;
        break;
      case "address": {
        const found = addressWords(value);
        if (found.length > 1) return fail({ kind: "several_addresses" });
        const address = cleanAddress(found[0] ?? value);
        if (!isValidAddress(address)) return fail({ kind: "bad_address", typed: value });
        changes.address = address;
        break;
      }
      case "organisation":
        if (value.length > ORGANISATION_MAX)
          return fail({ kind: "too_long", field: "organisation", max: ORGANISATION_MAX });
        changes.organisation = value && !none ? value : null;
        break;
      case "party": {
        if (!value || none) {
          changes.partyCode = null;
          break;
        }
        const code = matchParty(value);
        if (!code) return fail({ kind: "unknown_party", typed: value });
        changes.partyCode = code;
        break;
      }
      case "receives": {
        const k = parseKinds(value);
        if ("kind" in k) return fail(k);
        changes.receives = k.receives;
        break;
      }
    }
  }
  return { ok: true, changes };
}

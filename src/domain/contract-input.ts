// What a coordinator types in « Nouveau contrat » (`/csi contrat nouveau`), checked before anything is stored.
// Pure: errors keyed by form field, French first. Parties are any codes the contract names, not only ETAT/VILLE/PARQUET.
import { IANAZone } from "luxon";
import { isIsoDate } from "./calendar.js";
import { confidentialityError, findPersonalData } from "./confidentiality.js";
import { tr } from "./locale.js";
import { normalizeText, truncate } from "./text.js";
import type { IsoDate, Locale, Party } from "./types.js";

const CONTRACT_FIELDS = [
  "contract_ref",
  "title",
  "parties",
  "signed_on",
  "ends_on",
  "timezone",
  "channel",
  "digest_channel",
] as const;
export type ContractField = (typeof CONTRACT_FIELDS)[number];

export const MAX_PARTIES = 10;
export const DEFAULT_TIMEZONE = "Europe/Paris";

export interface ContractFormValues {
  ref: string | null;
  title: string | null;
  /** One party a line: « CODE ; Libellé ; Signataire ». */
  parties: string | null;
  signedOn: string | null;
  endsOn: string | null;
  timezone: string | null;
  channelId: string | null;
  digestChannelId: string | null;
}

export interface ContractInput {
  ref: string;
  title: string;
  parties: Party[];
  signedOn: IsoDate;
  endsOn: IsoDate;
  timezone: string;
  channelId: string | null;
  digestChannelId: string | null;
}

/** « CSI Aix » → « CSI-AIX »: capitals, digits and dashes. */
export const normalizeContractRef = (s: string): string =>
  normalizeText(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The parties' lines, or what is wrong with them (by line). */
function parsePartyLines(
  text: string | null,
  locale: Locale,
): { ok: true; parties: Party[] } | { ok: false; error: string } {
  const parties: Party[] = [];
  const problems: string[] = [];
  (text ?? "").split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const say = (fr: string, en: string) => problems.push(tr(locale, `ligne ${i + 1} : ${fr}`, `line ${i + 1}: ${en}`));
    const [codeRaw = "", label = "", signatory = "", ...more] = line.split(";").map((p) => p.trim());
    const code = normalizeContractRef(codeRaw).replace(/-/g, "");
    if (more.length)
      return say("3 parties au plus (code ; libellé ; signataire)", "at most 3 parts (code ; label ; signatory)");
    if (!/^[A-Z][A-Z0-9]{1,11}$/.test(code))
      return say(
        `code « ${truncate(codeRaw, 20)} » : 2 à 12 lettres ou chiffres, par ex. VILLE`,
        `code "${truncate(codeRaw, 20)}": 2 to 12 letters or digits, e.g. CITY`,
      );
    if (parties.some((p) => p.code === code))
      return say(`le code ${code} est déjà pris`, `code ${code} is already used`);
    if (label === "" || label.length > 100)
      return say("libellé de 1 à 100 caractères", "a label of 1 to 100 characters");
    if (signatory.length > 150)
      return say("signataire de 150 caractères au plus", "a signatory of 150 characters at most");
    parties.push({ code, label, signatory });
  });
  if (problems.length) return { ok: false, error: problems.slice(0, 4).join(" ; ") };
  if (parties.length === 0)
    return {
      ok: false,
      error: tr(
        locale,
        "Au moins une partie signataire : « CODE ; Libellé ; Signataire », une par ligne.",
        "At least one signatory party: “CODE ; Label ; Signatory”, one a line.",
      ),
    };
  if (parties.length > MAX_PARTIES)
    return { ok: false, error: tr(locale, `${MAX_PARTIES} parties au plus.`, `${MAX_PARTIES} parties at most.`) };
  return { ok: true, parties };
}

/** Checks every field; the form shows all the errors at once and keeps what was typed. */
export function validateContractForm(
  raw: ContractFormValues,
  ctx: { locale: Locale; existingRefs: readonly string[] },
): { ok: true; value: ContractInput } | { ok: false; errors: Partial<Record<ContractField, string>> } {
  const { locale } = ctx;
  const errors: Partial<Record<ContractField, string>> = {};
  const title = (raw.title ?? "").trim();
  if (title.length < 3 || title.length > 200)
    errors.title = tr(locale, "Intitulé de 3 à 200 caractères.", "A title of 3 to 200 characters.");
  const ref = normalizeContractRef(raw.ref ?? "");
  if (ref.length < 3 || ref.length > 40)
    errors.contract_ref = tr(
      locale,
      "Référence de 3 à 40 caractères, par ex. CSI-AIX.",
      "A ref of 3 to 40 characters, e.g. CSI-AIX.",
    );
  else if (ctx.existingRefs.some((r) => r.toUpperCase() === ref))
    errors.contract_ref = tr(locale, `${ref} existe déjà.`, `${ref} already exists.`);
  const parties = parsePartyLines(raw.parties, locale);
  if (!parties.ok) errors.parties = parties.error;
  for (const [field, text] of [
    ["title", raw.title],
    ["parties", raw.parties],
  ] as const) {
    const refused = text ? confidentialityError(findPersonalData(text), locale) : null;
    if (refused) errors[field] = refused;
  }
  const day = (v: string | null) => (v && isIsoDate(v) ? v : null);
  const signedOn = day(raw.signedOn);
  const endsOn = day(raw.endsOn);
  if (!signedOn) errors.signed_on = tr(locale, "Date de signature requise.", "The signature date is required.");
  if (!endsOn) errors.ends_on = tr(locale, "Date de fin requise.", "The end date is required.");
  else if (signedOn && endsOn <= signedOn)
    errors.ends_on = tr(locale, "La fin vient après la signature.", "The end comes after the signature.");
  const timezone = (raw.timezone ?? "").trim() || DEFAULT_TIMEZONE;
  if (!IANAZone.isValidZone(timezone))
    errors.timezone = tr(
      locale,
      `« ${truncate(timezone, 40)} » n'est pas un fuseau horaire : par ex. Europe/Paris, America/Cayenne, Indian/Reunion.`,
      `"${truncate(timezone, 40)}" is not a time zone: e.g. Europe/Paris, America/Cayenne, Indian/Reunion.`,
    );
  if (Object.keys(errors).length || !parties.ok || !signedOn || !endsOn) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ref,
      title,
      parties: parties.parties,
      signedOn,
      endsOn,
      timezone,
      channelId: raw.channelId,
      digestChannelId: raw.digestChannelId,
    },
  };
}

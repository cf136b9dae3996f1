// What a coordinator types in « Nouveau contrat » (`/csi contrat nouveau`), checked before anything is stored.
// Pure: problems (codes) keyed by form field, worded by slack/views/problem-words.ts. Parties are any codes the contract names, not only ETAT/VILLE/PARQUET.
import { IANAZone } from "luxon";
import { isIsoDate } from "./calendar.js";
import { findPersonalData } from "./confidentiality.js";
import { type FieldProblems, type PartyLineProblem, type Problem, personalData, problem } from "./problems.js";
import { normalizeText } from "./text.js";
import type { IsoDate, Party } from "./types.js";

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
function parsePartyLines(text: string | null): { ok: true; parties: Party[] } | { ok: false; error: Problem } {
  const parties: Party[] = [];
  const problems: { line: number; problem: PartyLineProblem }[] = [];
  (text ?? "").split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const say = (problem: PartyLineProblem) => void problems.push({ line: i + 1, problem });
    const [codeRaw = "", label = "", signatory = "", ...more] = line.split(";").map((p) => p.trim());
    const code = normalizeContractRef(codeRaw).replace(/-/g, "");
    if (more.length) return say({ code: "too-many-parts" });
    if (!/^[A-Z][A-Z0-9]{1,11}$/.test(code)) return say({ code: "code-malformed", typed: codeRaw });
    if (parties.some((p) => p.code === code)) return say({ code: "code-taken", party: code });
    if (label === "" || label.length > 100) return say({ code: "label-length" });
    if (signatory.length > 150) return say({ code: "signatory-too-long", max: 150 });
    parties.push({ code, label, signatory });
  });
  if (problems.length) return { ok: false, error: { code: "party-lines", lines: problems } };
  if (parties.length === 0) return { ok: false, error: problem("no-party") };
  if (parties.length > MAX_PARTIES) return { ok: false, error: { code: "too-many-parties", max: MAX_PARTIES } };
  return { ok: true, parties };
}

/** Checks every field; the form shows all the errors at once and keeps what was typed. */
export function validateContractForm(
  raw: ContractFormValues,
  ctx: { existingRefs: readonly string[] },
): { ok: true; value: ContractInput } | { ok: false; errors: FieldProblems<ContractField> } {
  const errors: FieldProblems<ContractField> = {};
  const title = (raw.title ?? "").trim();
  if (title.length < 3 || title.length > 200) errors.title = problem("contract-title-length");
  const ref = normalizeContractRef(raw.ref ?? "");
  if (ref.length < 3 || ref.length > 40) errors.contract_ref = problem("contract-ref-length");
  else if (ctx.existingRefs.some((r) => r.toUpperCase() === ref))
    errors.contract_ref = { code: "contract-ref-taken", ref };
  const parties = parsePartyLines(raw.parties);
  if (!parties.ok) errors.parties = parties.error;
  for (const [field, text] of [
    ["title", raw.title],
    ["parties", raw.parties],
  ] as const) {
    const refused = text ? personalData(findPersonalData(text)) : null;
    if (refused) errors[field] = refused;
  }
  const day = (v: string | null) => (v && isIsoDate(v) ? v : null);
  const signedOn = day(raw.signedOn);
  const endsOn = day(raw.endsOn);
  if (!signedOn) errors.signed_on = problem("signed-on-missing");
  if (!endsOn) errors.ends_on = problem("ends-on-missing");
  else if (signedOn && endsOn <= signedOn) errors.ends_on = problem("ends-before-signed");
  const timezone = (raw.timezone ?? "").trim() || DEFAULT_TIMEZONE;
  if (!IANAZone.isValidZone(timezone)) errors.timezone = { code: "not-a-timezone", typed: timezone };
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

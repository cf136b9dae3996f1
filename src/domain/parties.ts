// The signatory parties as people write them: a code (VILLE), a label (« Ville de Chambéry »), a usual word
// (mairie, préfecture, procureur). Used by `/csi liste ville` and by the import of spreadsheet lines.
import { normalizeText } from "./text.js";
import type { Party } from "./types.js";

/** Words people use for the usual signatories, folded (normalizeText). Parties of other contracts match by code or label. */
const PARTY_ALIASES: Record<string, readonly string[]> = {
  ETAT: ["etat", "state", "prefecture", "prefet", "prefete", "gouvernement", "government"],
  VILLE: ["ville", "city", "town", "mairie", "commune", "municipalite", "maire"],
  PARQUET: ["parquet", "prosecutor", "procureur", "justice", "prosecution"],
};

/** The code of the party `word` names (code, label, the label's first word or a usual word), or null. */
export function matchParty(word: string, parties: readonly Pick<Party, "code" | "label">[]): string | null {
  const w = normalizeText(word).replace(/[^a-z0-9]/g, "");
  if (!w) return null;
  for (const p of parties) {
    const code = normalizeText(p.code).replace(/[^a-z0-9]/g, "");
    const label = normalizeText(p.label).replace(/[^a-z0-9 ]/g, "");
    if (
      w === code ||
      w === label.replace(/ /g, "") ||
      label.split(" ")[0] === w ||
      (PARTY_ALIASES[p.code] ?? []).includes(w)
    )
      return p.code;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Emails

import { re } from "./rule-kit.js";
import type { ConfidentialityOptions } from "./types.js";

/** Institutional domains: mail to a service of the State, the justice or the city is not private. */
export const DEFAULT_ALLOWED_EMAIL_DOMAINS: readonly string[] = [
  "gouv.fr",
  "interieur.gouv.fr",
  "justice.fr",
  "chambery.fr",
  "mairie-chambery.fr",
];

/** Functional mailboxes, allowed on any domain: they reach a service, not a person. */
export const DEFAULT_ALLOWED_EMAIL_LOCAL_PARTS: readonly string[] = [
  "contact",
  "accueil",
  "secretariat",
  "clspd",
  "gltd",
  "police-municipale",
  "policemunicipale",
  "noreply",
  "no-reply",
  "ne-pas-repondre",
  "info",
  "infos",
  "standard",
  "courrier",
];

export const EMAIL_RE = re(String.raw`(?<![\p{L}\p{N}_.+-])([a-z0-9][a-z0-9._%+-]*)@([a-z0-9-]+(?:\.[a-z0-9-]+)+)`);

export function emailAllowed(local: string, domain: string, options: ConfidentialityOptions): boolean {
  const l = local.toLowerCase();
  const d = domain.toLowerCase().replace(/\.$/, "");
  const locals = [...DEFAULT_ALLOWED_EMAIL_LOCAL_PARTS, ...(options.allowedEmailLocalParts ?? [])];
  if (locals.some((x) => x.toLowerCase() === l)) return true;
  const domains = [...DEFAULT_ALLOWED_EMAIL_DOMAINS, ...(options.allowedEmailDomains ?? [])];
  return domains.some((x) => {
    const a = x.toLowerCase().replace(/^@|^\./, "");
    return d === a || d.endsWith(`.${a}`);
  });
}

/** Addresses written to get past a filter: « kevin [at] gmail [dot] com », « lina arobase free point fr ». */
export const OBFUSCATED_EMAIL_RE = re(
  String.raw`(?<![\p{L}\p{N}_.+-])([a-z0-9][a-z0-9._%+-]*)\s*(?:\[\s*(?:at|@)\s*\]|\(\s*(?:at|@)\s*\)|\{\s*(?:at|@)\s*\}|\s+arobase\s+|\s+@\s*|@\s+)\s*([a-z0-9-]+(?:\s*(?:\.|\[\s*(?:dot|point)\s*\]|\(\s*(?:dot|point)\s*\)|\s+point\s+|\s+dot\s+)\s*[a-z0-9-]+)+)`,
);

/** The domain of an obfuscated address, written plainly: « gmail [dot] com » → « gmail.com ». */
export function plainDomain(written: string): string | null {
  const domain = written.replace(
    /\s*(?:\[\s*(?:dot|point)\s*\]|\(\s*(?:dot|point)\s*\)|\s+point\s+|\s+dot\s+|\.)\s*/giu,
    ".",
  );
  return /\.(?:fr|com|org|net|eu|info|io|be|ch|de|uk|gouv|biz|me|re|lu)$/iu.test(domain) ? domain : null;
}

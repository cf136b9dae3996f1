// Public types of the confidentiality guard, shared by the rule modules and the entry point.

export type ConfidentialityKind =
  | "PHONE"
  | "EMAIL"
  | "BIRTH_DATE"
  | "AGE"
  | "ADDRESS"
  | "CASE_NUMBER"
  | "INDIVIDUAL"
  | "NAMED_PERSON"
  | "HEALTH"
  | "VEHICLE_PLATE"
  | "SOCIAL_SECURITY"
  | "BANK_ACCOUNT"
  | "ID_DOCUMENT";

export interface ConfidentialityFinding {
  kind: ConfidentialityKind;
  /** The matched text, verbatim: `text.slice(index, index + excerpt.length) === excerpt`. */
  excerpt: string;
  index: number;
}

export interface ConfidentialityOptions {
  /** Extra institutional domains, added to the defaults (a subdomain is allowed too). */
  allowedEmailDomains?: string[];
  /** Extra functional mailbox names (the part before « @ »), added to the defaults. */
  allowedEmailLocalParts?: string[];
}

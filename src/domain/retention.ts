// How long Vigie keeps free text (README « Données personnelles et conservation »). Free text — progress
// comments, next steps, difficulties, meeting agendas, decisions — may mention people despite the guard:
// it is kept while the contract runs and `years` more after its end, then redacted. Who wrote what kind of
// entry, when, with which status and figures, stays. Pure: the caller passes `now`.
import type { IsoDate } from "./types.js";

export const DEFAULT_RETENTION_YEARS = 5;

/** The instant `years` after a date (calendar years, UTC). */
function plusYears(d: Date, years: number): Date {
  const out = new Date(d.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** The end of the contract's last day, as an instant (UTC; a day of margin covers every time zone). */
const endOf = (endsOn: IsoDate): Date => new Date(`${endsOn}T23:59:59.999Z`);

/** Texts written up to this instant may be past retention (for a contract whose end + `years` has passed). */
export const writtenBefore = (now: Date, years: number): Date => plusYears(now, -years);

/** Whether a contract's texts can be past retention at all at `now`: its end + `years` has passed. */
export const contractPastRetention = (endsOn: IsoDate, now: Date, years: number): boolean =>
  plusYears(endOf(endsOn), years) <= now;

/** What one redaction removes: the kind of entry and its fields, never their content. */
export type RedactionKind = "progress_update" | "meeting" | "decision" | "audit_entry";

export interface RedactionItem {
  kind: RedactionKind;
  id: string;
  contractRef: string;
  /** The commitment's or meeting's reference, to tell the DPO what it belonged to. */
  about: string;
  writtenAt: Date;
  fields: string[];
}

/** Put in place of a decision's text (the column is required): says what happened, names no one. */
export const REDACTED_TEXT = "[texte effacé au terme de la durée de conservation]";

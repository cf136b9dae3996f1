// Renewal (`/csi contrat renouveler`): the next contract made from an ending one. Pure: what the form proposes
// (dates, ref), which commitments may carry over, the refs they take in the new contract.
import { DateTime } from "luxon";
import { addDays } from "./calendar.js";
import { nextFreeRef } from "./commitment-input.js";
import { normalizeContractRef } from "./contract-input.js";
import { isClosed } from "./status.js";
import type { Commitment, Contract, IsoDate } from "./types.js";

/** A contract closed by its renewal: read-only, named with the one that follows it. */
export interface ClosedContract {
  ref: string;
  title: string;
  successor: { ref: string; title: string } | null;
}

/** What the form proposes: the day after the end, the same length, the same title, a ref naming the new start year. */
export function renewalDefaults(c: Pick<Contract, "ref" | "title" | "signedOn" | "endsOn">): {
  ref: string;
  title: string;
  signedOn: IsoDate;
  endsOn: IsoDate;
} {
  const signedOn = addDays(c.endsOn, 1);
  const length = DateTime.fromISO(signedOn, { zone: "utc" }).diff(DateTime.fromISO(c.signedOn, { zone: "utc" }), [
    "years",
    "months",
    "days",
  ]);
  const endsOn = DateTime.fromISO(signedOn, { zone: "utc" }).plus(length).minus({ days: 1 }).toISODate() ?? signedOn;
  const year = signedOn.slice(0, 4);
  const base = normalizeContractRef(c.ref).replace(/-\d{4}$/, "");
  return { ref: `${base}-${year}`, title: c.title, signedOn, endsOn };
}

/** The commitments that may carry over: those neither done nor dropped, in ref order. */
export const unfinished = <T extends Pick<Commitment, "status" | "ref">>(all: readonly T[]): T[] =>
  all.filter((c) => !isClosed(c.status)).sort((a, b) => a.ref.localeCompare(b.ref));

/** The ref each carried commitment takes in the new contract: its party's numbers from 01, in the old refs' order. */
export function carriedRefs(chosen: readonly Pick<Commitment, "id" | "ref" | "party">[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken: string[] = [];
  for (const c of [...chosen].sort((a, b) => a.ref.localeCompare(b.ref))) {
    const ref = nextFreeRef(c.party, taken);
    taken.push(ref);
    out.set(c.id, ref);
  }
  return out;
}

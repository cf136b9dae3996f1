// A commitment created from a meeting's decision starts with a title only: it is « à compléter » until a
// coordinator names its owners and its due date. Pure.
import type { Commitment } from "./types.js";

export type MissingField = "owners" | "dueOn";

/** What a commitment still lacks to be followed: owners (nobody is reminded), a due date (nothing is due). */
export function missingFields(c: Pick<Commitment, "owners" | "dueOn">): MissingField[] {
  const missing: MissingField[] = [];
  if (c.owners.length === 0) missing.push("owners");
  if (c.dueOn === null) missing.push("dueOn");
  return missing;
}

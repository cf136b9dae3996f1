// What a coordinator's edit form shows of a commitment: recorded in the audit before/after an edit, and
// hashed into a fingerprint that tells whether someone else changed the commitment since the form opened.
import { createHash } from "node:crypto";
import type { Commitment } from "./types.js";

/** The fields the edit form shows, as the audit records them. */
export const commitmentSnapshot = (c: Commitment) => ({
  ref: c.ref,
  party: c.party,
  title: c.title,
  description: c.description,
  leadService: c.leadService,
  owners: c.owners,
  dueOn: c.dueOn,
  indicators: c.indicators.map((i) => ({ label: i.label, unit: i.unit, baseline: i.baseline, target: i.target })),
});

/** A short digest of what the edit form shows: a change by someone else in between changes it. */
export const editFingerprint = (c: Commitment): string =>
  createHash("sha256")
    .update(JSON.stringify(commitmentSnapshot(c)))
    .digest("hex")
    .slice(0, 16);

/** editFingerprint plus the measured values an import may set: a progress update since an import's preview counts. */
export const importFingerprint = (c: Commitment): string =>
  createHash("sha256")
    .update(editFingerprint(c))
    .update(JSON.stringify(c.indicators.map((i) => i.current)))
    .digest("hex")
    .slice(0, 16);

// When a commitment is « silent »: open, and no news for a month.

import { isClosed } from "./status.js";
import type { Commitment } from "./types.js";

/** Days without an update after which an owner is asked for one before a meeting, and the digest calls a commitment silent. */
const SILENCE_DAYS = 30;

/** Updated before this instant (or never): silent at `now`. */
export const silentBefore = (now: Date): Date => new Date(now.getTime() - SILENCE_DAYS * 86_400_000);

/** Silent = open and no news for SILENCE_DAYS, counted from the later of its creation and its last update. */
export function isSilent(c: Pick<Commitment, "status" | "lastUpdateAt" | "createdAt">, now: Date): boolean {
  const since = c.lastUpdateAt && c.lastUpdateAt > c.createdAt ? c.lastUpdateAt : c.createdAt;
  return !isClosed(c.status) && since < silentBefore(now);
}

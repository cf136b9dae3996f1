// `/csi reunion deplacer 17/12/2026 18/12/2026 14h30` and `/csi reunion annuler 17/12/2026 [COPIL]` read into
// which meeting (its current date, and its kind when several fall that day) and, to move it, the new instant.
// Pure: the caller passes `now` and the time zone.
import { isIsoDate } from "./calendar.js";
import { localInstant } from "./meeting-input.js";
import type { IsoDate, MeetingKind } from "./types.js";

export type MeetingChangeProblem =
  | { kind: "no_date" }
  | { kind: "bad_date"; typed: string }
  | { kind: "no_new_date" }
  | { kind: "bad_time"; typed: string }
  | { kind: "nonexistent_time"; typed: string }
  | { kind: "past" };

interface MeetingChange {
  /** The meeting's current local date. */
  on: IsoDate;
  meetingKind: MeetingKind | null;
  /** The new start (moves only). */
  startsAt?: Date;
}

const KINDS: Record<string, MeetingKind> = { gltd: "GLTD", copil: "COPIL", clspd: "CLSPD" };

/** 17/12/2026, 17/12/26, 17-12-2026 or 2026-12-17 as an ISO date, or null. */
function parseFrenchDate(word: string): IsoDate | null {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(word);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
  const [y, m, d] = fr
    ? [fr[3]?.length === 2 ? `20${fr[3]}` : fr[3], fr[2], fr[1]]
    : iso
      ? [iso[1], iso[2], iso[3]]
      : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isIsoDate(date) ? date : null;
}

/** 14:30, 14h30, 14h, 9h as HH:mm, or null. */
function parseFrenchTime(word: string): string | null {
  const t = /^(\d{1,2})(?:[:h](\d{2})?)?$/i.exec(word);
  if (!t || (!word.includes(":") && !/h/i.test(word))) return null;
  const h = Number(t[1]);
  const min = Number(t[2] ?? "0");
  return h <= 23 && min <= 59 ? `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}` : null;
}

/** `args`: the words after `deplacer` or `annuler`. */
export function parseMeetingChange(
  action: "move" | "cancel",
  args: readonly string[],
  o: { now: Date; timezone: string },
): { ok: true; value: MeetingChange } | { ok: false; problem: MeetingChangeProblem } {
  const fail = (problem: MeetingChangeProblem) => ({ ok: false as const, problem });
  const words = args.filter((w) => !/^(du|au|le|à|a|->|→)$/i.test(w));
  let meetingKind: MeetingKind | null = null;
  const rest: string[] = [];
  for (const w of words) {
    const k = KINDS[w.toLowerCase()];
    if (k && !meetingKind) meetingKind = k;
    else rest.push(w);
  }
  const [first, second, third] = rest;
  if (!first) return fail({ kind: "no_date" });
  const on = parseFrenchDate(first);
  if (!on) return fail({ kind: "bad_date", typed: first });
  if (action === "cancel") return { ok: true, value: { on, meetingKind } };
  if (!second) return fail({ kind: "no_new_date" });
  const newDate = parseFrenchDate(second);
  if (!newDate) return fail({ kind: "bad_date", typed: second });
  if (!third) return fail({ kind: "bad_time", typed: "" });
  const time = parseFrenchTime(third);
  if (!time) return fail({ kind: "bad_time", typed: third });
  const instant = localInstant(newDate, time, o.timezone);
  if (!instant.ok) return fail({ kind: "nonexistent_time", typed: `${second} ${third}` });
  if (instant.instant <= o.now) return fail({ kind: "past" });
  return { ok: true, value: { on, meetingKind, startsAt: instant.instant } };
}

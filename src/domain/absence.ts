// Away mode (« /csi absence »): reading the command, and who receives a person's reminders while away. Pure.
import { addDays } from "./calendar.js";
import { parseImportDate } from "./import-csv.js";
import { parseUserMention } from "./role-input.js";
import { normalizeText } from "./text.js";
import type { IsoDate } from "./types.js";

/** One declared absence: away from `startsOn` to `endsOn`, both days included (local dates). */
export interface Absence {
  id: string;
  userId: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  standInId: string | null;
  createdBy: string;
  createdAt: Date;
  endedAt: Date | null;
}

/** The longest absence one command declares (a year; the August pause and « ponts » are far shorter). */
export const MAX_ABSENCE_DAYS = 366;

const END_WORDS = new Set(["fin", "annuler", "annule", "terminer", "termine", "retour", "end", "cancel", "stop"]);
/** Words a person may put between the dates (« du 21/12/2026 au 04/01/2027 »). */
const FILLER = new Set(["du", "au", "jusqu'au", "jusqu’au", "a", "-", "→", "from", "to", "until", "avec", "with"]);

export type AbsenceProblem =
  | { kind: "usage" }
  | { kind: "date"; typed: string; why: "format" | "calendar" }
  | { kind: "order"; startsOn: IsoDate; endsOn: IsoDate }
  | { kind: "past"; endsOn: IsoDate }
  | { kind: "too_long"; days: number }
  | { kind: "self_stand_in" }
  /** An `@name` Slack did not turn into a mention: no such person in the workspace. */
  | { kind: "unknown_person"; typed: string };

export type AbsenceCommand =
  | { kind: "show" }
  | { kind: "end" }
  | { kind: "declare"; startsOn: IsoDate; endsOn: IsoDate; standInId: string | null }
  | { kind: "invalid"; problem: AbsenceProblem };

const invalid = (problem: AbsenceProblem): AbsenceCommand => ({ kind: "invalid", problem });

/**
 * `/csi absence` (show), `/csi absence fin|annuler` (end or cancel), `/csi absence 2026-12-21 2027-01-04 [@remplaçant]`
 * (dates as ISO or dd/mm/yyyy; « du … au … » accepted). `today` is the person's local date: an absence that
 * ends before it is refused, one that started before it is fine (declared late).
 */
export function parseAbsenceCommand(args: readonly string[], userId: string, today: IsoDate): AbsenceCommand {
  const words = args.map((a) => a.trim()).filter((a) => a !== "" && !FILLER.has(normalizeText(a)));
  if (words.length === 0) return { kind: "show" };
  if (words.length === 1 && END_WORDS.has(normalizeText(words[0] ?? ""))) return { kind: "end" };
  const dates: IsoDate[] = [];
  let standInId: string | null = null;
  for (const w of words) {
    const mention = parseUserMention(w);
    if (mention) {
      if (standInId) return invalid({ kind: "usage" });
      standInId = mention;
      continue;
    }
    if (w.startsWith("@")) return invalid({ kind: "unknown_person", typed: w });
    const parsed = parseImportDate(w);
    if ("error" in parsed) return invalid({ kind: "date", typed: w, why: parsed.error });
    dates.push(parsed.date);
  }
  const [startsOn, endsOn] = dates;
  if (dates.length !== 2 || !startsOn || !endsOn) return invalid({ kind: "usage" });
  if (endsOn < startsOn) return invalid({ kind: "order", startsOn, endsOn });
  if (endsOn < today) return invalid({ kind: "past", endsOn });
  const days = daysBetween(startsOn, endsOn) + 1;
  if (days > MAX_ABSENCE_DAYS) return invalid({ kind: "too_long", days });
  if (standInId === userId) return invalid({ kind: "self_stand_in" });
  return { kind: "declare", startsOn, endsOn, standInId };
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Away on `date`: the absence covers it and was not ended before. */
export const coversDay = (a: Pick<Absence, "startsOn" | "endsOn" | "endedAt">, date: IsoDate): boolean =>
  a.endedAt === null && a.startsOn <= date && date <= a.endsOn;

/** The day the person is back (the day after the last day away). */
export const returnDay = (a: Pick<Absence, "endsOn">): IsoDate => addDays(a.endsOn, 1);

/** Where one person's reminders go today: to them, to their stand-in, or nowhere (away with no stand-in). */
export type Routing =
  | { to: "self" }
  | { to: "stand-in"; standInId: string; absence: Absence }
  | { to: "nobody"; absence: Absence };

/**
 * Who receives, today, what is addressed to each person. A stand-in who is away too does not receive
 * someone else's reminders (they wait, as with no stand-in); stand-ins are not followed further.
 */
export function absenceRouting(absences: readonly Absence[], date: IsoDate): (userId: string) => Routing {
  const away = new Map<string, Absence>();
  for (const a of absences) if (coversDay(a, date)) away.set(a.userId, a);
  return (userId) => {
    const absence = away.get(userId);
    if (!absence) return { to: "self" };
    if (absence.standInId && !away.has(absence.standInId))
      return { to: "stand-in", standInId: absence.standInId, absence };
    return { to: "nobody", absence };
  };
}

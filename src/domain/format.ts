// Display helpers, French first, English second. Pure: "now" is never read here.
import { DateTime } from "luxon";
import { remembered } from "./memo.js";
import { isoDateToDayNumber } from "./status.js";
import { normalizeText } from "./text.js";
import type { IsoDate, Locale, MeetingKind, Status } from "./types.js";

/** French typography puts a narrow no-break space before "%" (and ICU groups thousands with it). */
const NNBSP = "\u202f";

function calendarDate(date: IsoDate): DateTime {
  // isoDateToDayNumber throws RangeError on a malformed date, so callers see bad data early.
  const days = isoDateToDayNumber(date);
  return DateTime.fromMillis(days * 86_400_000, { zone: "utc" });
}

// French writes the first day of the month as an ordinal: « lundi 1er décembre ».
function dayOfMonth(d: DateTime, locale: Locale): string {
  return locale === "fr" && d.day === 1 ? "1er" : String(d.day);
}

// Explicit patterns rather than Intl presets: ICU's presets differ between versions and
// between en-US/en-GB ("Monday, December 7" vs "Monday 7 December").
function longDate(d: DateTime, locale: Locale): string {
  const l = d.setLocale(locale);
  return `${l.toFormat("cccc")} ${dayOfMonth(d, locale)} ${l.toFormat("LLLL yyyy")}`;
}

/** « lundi 7 décembre 2026 » / « Monday 7 December 2026 ». Kept once written (memo.ts): every reply writes dates. */
export function formatDateLong(date: IsoDate, locale: Locale): string {
  return remembered(`date-long|${locale}|${date}`, () => longDate(calendarDate(date), locale));
}

/** « 07/12/2026 » / « 7 Dec 2026 » (no ambiguous 12/7 in English). */
export function formatDateShort(date: IsoDate, locale: Locale): string {
  const d = calendarDate(date).setLocale(locale);
  return locale === "fr" ? d.toFormat("dd/LL/yyyy") : d.toFormat("d LLL yyyy");
}

/** A time of day as French writes it: « 9 h », « 14 h 30 », « 9 h 05 ». */
export function frenchClockTime(hour: number, minute: number): string {
  return minute === 0 ? `${hour} h` : `${hour} h ${String(minute).padStart(2, "0")}`;
}

/** « lundi 7 décembre 2026 à 14 h 30 » / « Monday 7 December 2026 at 2:30 pm », in `timezone`. */
export function formatInstant(instant: Date, timezone: string, locale: Locale): string {
  return remembered(`instant|${locale}|${timezone}|${instant.getTime()}`, () =>
    writeInstant(instant, timezone, locale),
  );
}

function writeInstant(instant: Date, timezone: string, locale: Locale): string {
  const d = DateTime.fromJSDate(instant, { zone: timezone });
  if (!d.isValid)
    throw new RangeError(`Cannot format instant: ${d.invalidExplanation ?? d.invalidReason ?? "invalid"}`);
  if (locale === "fr") {
    return `${longDate(d, locale)} à ${frenchClockTime(d.hour, d.minute)}`;
  }
  // Built by hand: ICU's "a" is "PM" in en-US but "pm" in en-GB.
  const hour12 = d.hour % 12 === 0 ? 12 : d.hour % 12;
  const meridiem = d.hour < 12 ? "am" : "pm";
  const time = d.minute === 0 ? `${hour12} ${meridiem}` : `${hour12}:${d.toFormat("mm")} ${meridiem}`;
  return `${longDate(d, locale)} at ${time}`;
}

// Made once per locale: building an Intl formatter costs far more than using it, and a reply formats dozens of numbers.
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** « 60 000 », « -20,5 » / "60,000", "-20.5". At most 3 decimals; NaN/Infinity show as "—". */
export function formatNumber(n: number, locale: Locale): string {
  if (!Number.isFinite(n)) return "—";
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 })));
  // Intl prints -0 as "-0", which is noise to a reader.
  return format.format(n === 0 ? 0 : n);
}

/** The singular or the plural of a word for `n`, by the language's rules. */
export function plural(n: number, locale: Locale, one: string, other: string): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  // Intl.PluralRules knows that French 0 and 1 are singular ("0 jour") and English 0 is plural.
  return rules.select(n) === "one" ? one : other;
}

/** « 1 engagement », « 3 engagements », « 0 engagement »; "0 commitments", "1 commitment". */
export const countOf = (n: number, locale: Locale, one: string, other: string): string =>
  `${formatNumber(n, locale)} ${plural(n, locale, one, other)}`;

/** « aujourd'hui », « demain », « dans 12 jours », « hier », « il y a 3 jours »; today, tomorrow… */
export function formatRelativeDays(days: number, locale: Locale): string {
  if (!Number.isFinite(days)) return "—";
  const d = Math.round(days);
  const n = Math.abs(d);
  if (locale === "fr") {
    if (d === 0) return "aujourd'hui";
    if (d === 1) return "demain";
    if (d === -1) return "hier";
    const count = `${formatNumber(n, locale)} ${plural(n, locale, "jour", "jours")}`;
    return d > 0 ? `dans ${count}` : `il y a ${count}`;
  }
  if (d === 0) return "today";
  if (d === 1) return "tomorrow";
  if (d === -1) return "yesterday";
  const count = `${formatNumber(n, locale)} ${plural(n, locale, "day", "days")}`;
  return d > 0 ? `in ${count}` : `${count} ago`;
}

const UNIT_WORDS: Record<Locale, Record<"years" | "months" | "days", [string, string]>> = {
  fr: { years: ["an", "ans"], months: ["mois", "mois"], days: ["jour", "jours"] },
  en: { years: ["year", "years"], months: ["month", "months"], days: ["day", "days"] },
};

/**
 * Calendar distance between two dates, in its largest unit plus the next one when non-zero:
 * « 1 mois et 9 jours », « 2 ans et 3 mois », « 12 jours », « 0 jour ». Order does not matter
 * (the distance is absolute): callers say whether it is left or past.
 */
export function formatDuration(fromDate: IsoDate, toDate: IsoDate, locale: Locale): string {
  return remembered(`duration|${locale}|${fromDate}|${toDate}`, () => writeDuration(fromDate, toDate, locale));
}

function writeDuration(fromDate: IsoDate, toDate: IsoDate, locale: Locale): string {
  let a = calendarDate(fromDate);
  let b = calendarDate(toDate);
  if (b < a) [a, b] = [b, a];
  const parts = b.diff(a, ["years", "months", "days"]).toObject();
  const units = ["years", "months", "days"] as const;
  const values = units.map((u) => Math.round(parts[u] ?? 0));
  const first = values.findIndex((v) => v > 0);
  const words = UNIT_WORDS[locale];
  const say = (i: number): string => {
    const v = values[i] ?? 0;
    const unit = units[i] ?? "days";
    const [one, other] = words[unit];
    return `${formatNumber(v, locale)} ${plural(v, locale, one, other)}`;
  };
  if (first === -1) return say(2);
  // Only the adjacent smaller unit: "1 an" rather than "1 an et 5 jours".
  const next = first + 1;
  const and = locale === "fr" ? "et" : "and";
  return next < units.length && (values[next] ?? 0) > 0 ? `${say(first)} ${and} ${say(next)}` : say(first);
}

/**
 * `▓▓▓▓░░░░░░ 40 %` (French spacing) or `▓▓▓▓░░░░░░ 40%` in English. Clamps to 0–100 and
 * rounds; a full bar always means 100 % and an empty bar 0 %, whatever the width.
 */
export function progressBar(percent: number, width = 10, locale: Locale = "fr"): string {
  const p = Number.isFinite(percent) ? Math.min(100, Math.max(0, Math.round(percent))) : 0;
  const w = Number.isFinite(width) ? Math.max(0, Math.floor(width)) : 10;
  let filled = Math.round((p * w) / 100);
  if (p < 100 && filled === w && w > 0) filled = w - 1;
  if (p > 0 && filled === 0 && w > 0) filled = 1;
  const label = locale === "fr" ? `${p}${NNBSP}%` : `${p}%`;
  const bar = "▓".repeat(filled) + "░".repeat(w - filled);
  return bar === "" ? label : `${bar} ${label}`;
}

const STATUS_LABELS: Record<Locale, Record<Status, string>> = {
  fr: {
    NOT_STARTED: "Non démarré",
    ON_TRACK: "En cours",
    AT_RISK: "Point de vigilance",
    LATE: "En retard",
    DONE: "Réalisé",
    POSTPONED: "Reporté",
    DROPPED: "Abandonné",
  },
  en: {
    NOT_STARTED: "Not started",
    ON_TRACK: "On track",
    AT_RISK: "At risk",
    LATE: "Late",
    DONE: "Done",
    POSTPONED: "Postponed",
    DROPPED: "Dropped",
  },
};

const STATUS_EMOJIS: Record<Status, string> = {
  NOT_STARTED: ":white_circle:",
  ON_TRACK: ":large_green_circle:",
  AT_RISK: ":large_orange_circle:",
  LATE: ":red_circle:",
  DONE: ":white_check_mark:",
  POSTPONED: ":double_vertical_bar:",
  DROPPED: ":no_entry_sign:",
};

export function statusLabel(status: Status, locale: Locale): string {
  return STATUS_LABELS[locale][status];
}

/** French plurals of the status words, lower case (« 6 non démarrés », « 2 points de vigilance »). */
const STATUS_PLURALS_FR: Record<Status, string> = {
  NOT_STARTED: "non démarrés",
  ON_TRACK: "en cours",
  AT_RISK: "points de vigilance",
  LATE: "en retard",
  DONE: "réalisés",
  POSTPONED: "reportés",
  DROPPED: "abandonnés",
};

/** « 6 non démarrés », « 1 réalisé », « 2 points de vigilance »; "6 not started": a count of one status. */
export function statusCount(status: Status, n: number, locale: Locale): string {
  const one = statusLabel(status, locale).toLowerCase();
  return countOf(n, locale, one, locale === "fr" ? STATUS_PLURALS_FR[status] : one);
}

/** A Slack emoji shortcode. */
export function statusEmoji(status: Status): string {
  return STATUS_EMOJIS[status];
}

/** What a commitment's status reads as, everywhere: a « Réalisé » waiting for sign-off says so. */
interface ShownStatus {
  emoji: string;
  label: string;
}

export function shownStatus(c: { status: Status; pending?: readonly { kind: string }[] }, locale: Locale): ShownStatus {
  if (c.status !== "DONE" && c.pending?.some((p) => p.kind === "DONE"))
    return {
      emoji: ":hourglass:",
      label: locale === "fr" ? "Réalisé — en attente de validation" : "Done — awaiting sign-off",
    };
  return { emoji: statusEmoji(c.status), label: statusLabel(c.status, locale) };
}

// Keys are normalizeText() forms with separators turned into single spaces.
const STATUS_WORDS: ReadonlyMap<string, Status> = new Map<string, Status>(
  (
    [
      [
        "NOT_STARTED",
        [
          "non demarre",
          "pas demarre",
          "non commence",
          "pas commence",
          "a venir",
          "a faire",
          "not started",
          "todo",
          "to do",
        ],
      ],
      ["ON_TRACK", ["en cours", "encours", "cours", "on track", "ontrack", "in progress"]],
      ["AT_RISK", ["point de vigilance", "vigilance", "a risque", "risque", "at risk", "atrisk", "risk"]],
      ["LATE", ["en retard", "retard", "late", "delayed", "behind"]],
      ["DONE", ["realise", "fait", "termine", "acheve", "done", "completed", "complete", "finished"]],
      ["POSTPONED", ["reporte", "differe", "postponed", "deferred"]],
      ["DROPPED", ["abandonne", "abandon", "annule", "dropped", "abandoned", "cancelled", "canceled"]],
    ] as const
  ).flatMap(([status, words]) => words.map((w): [string, Status] => [w, status])),
);

/**
 * A status from a word typed in French or English, any case, with or without accents,
 * hyphens or underscores: `en-retard`, `Réalisée`, `at_risk`, `NOT_STARTED`. Null otherwise.
 */
export function parseStatusWord(word: string): Status | null {
  const key = normalizeText(word.replace(/[-_'’.]+/g, " "));
  const direct = STATUS_WORDS.get(key);
  if (direct) return direct;
  // Agreement with « fiche action » (feminine) or plural lists: réalisée, reportés, abandonnées.
  const singular = key.replace(/s$/, "").replace(/ee$/, "e");
  return STATUS_WORDS.get(singular) ?? null;
}

const MEETING_LABELS: Record<Locale, Record<MeetingKind, { short: string; long: string }>> = {
  fr: {
    GLTD: { short: "GLTD", long: "GLTD (groupe local de traitement de la délinquance)" },
    COPIL: { short: "COPIL", long: "Comité de pilotage" },
    CLSPD: { short: "CLSPD", long: "CLSPD (conseil local de sécurité et de prévention de la délinquance)" },
    OTHER: { short: "Réunion", long: "Réunion" },
  },
  en: {
    GLTD: { short: "GLTD", long: "GLTD (local crime-handling group)" },
    COPIL: { short: "COPIL", long: "Steering committee" },
    CLSPD: { short: "CLSPD", long: "CLSPD (local security and crime prevention council)" },
    OTHER: { short: "Meeting", long: "Meeting" },
  },
};

/** Long form for headings and reminders, short form for lists and buttons. */
export function meetingKindLabel(kind: MeetingKind, locale: Locale, form: "long" | "short" = "long"): string {
  return MEETING_LABELS[locale][kind][form];
}

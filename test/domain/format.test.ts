import { describe, expect, it } from "vitest";
import {
  formatDateLong,
  formatDateShort,
  formatDuration,
  formatInstant,
  formatNumber,
  formatRelativeDays,
  meetingKindLabel,
  parseStatusWord,
  progressBar,
  statusEmoji,
  statusLabel,
} from "../../src/domain/format.js";
import { MEETING_KINDS, STATUSES, type Status } from "../../src/domain/types.js";

const NNBSP = "\u202f";

describe("formatDateLong", () => {
  it.each([
    ["2026-12-07", "fr", "lundi 7 décembre 2026"],
    ["2026-12-07", "en", "Monday 7 December 2026"],
    ["2026-12-01", "fr", "mardi 1er décembre 2026"],
    ["2026-12-01", "en", "Tuesday 1 December 2026"],
    ["2024-02-29", "fr", "jeudi 29 février 2024"],
    ["2026-03-29", "fr", "dimanche 29 mars 2026"], // DST day: the date must not shift
    ["2026-10-25", "en", "Sunday 25 October 2026"],
    ["2026-12-31", "fr", "jeudi 31 décembre 2026"],
    ["2021-09-22", "fr", "mercredi 22 septembre 2021"],
    ["2026-08-15", "fr", "samedi 15 août 2026"],
  ] as const)("%s (%s) → %s", (date, locale, expected) => {
    expect(formatDateLong(date, locale)).toBe(expected);
  });

  it.each(["", "2026-02-29", "2026-12-7", "x".repeat(2000)])("throws on %j", (bad) => {
    expect(() => formatDateLong(bad, "fr")).toThrow(RangeError);
  });
});

describe("formatDateShort", () => {
  it.each([
    ["2026-12-07", "fr", "07/12/2026"],
    ["2026-12-07", "en", "7 Dec 2026"],
    ["2024-02-29", "fr", "29/02/2024"],
    ["2024-02-29", "en", "29 Feb 2024"],
    ["2026-09-01", "en", "1 Sep 2026"],
    ["2026-01-01", "fr", "01/01/2026"],
  ] as const)("%s (%s) → %s", (date, locale, expected) => {
    expect(formatDateShort(date, locale)).toBe(expected);
  });

  it("throws on a malformed date", () => {
    expect(() => formatDateShort("2026-00-10", "en")).toThrow(RangeError);
  });
});

describe("formatInstant", () => {
  const paris = "Europe/Paris";
  it.each([
    ["2026-12-07T13:30:00Z", paris, "fr", "lundi 7 décembre 2026 à 14 h 30"],
    ["2026-12-07T13:30:00Z", paris, "en", "Monday 7 December 2026 at 2:30 pm"],
    ["2026-12-07T13:00:00Z", paris, "fr", "lundi 7 décembre 2026 à 14 h"],
    ["2026-12-07T13:00:00Z", paris, "en", "Monday 7 December 2026 at 2 pm"],
    ["2026-12-07T08:05:00Z", paris, "fr", "lundi 7 décembre 2026 à 9 h 05"],
    ["2026-12-07T08:05:00Z", paris, "en", "Monday 7 December 2026 at 9:05 am"],
    ["2026-12-06T23:00:00Z", paris, "fr", "lundi 7 décembre 2026 à 0 h"], // the day changes with the zone
    ["2026-12-06T23:00:00Z", paris, "en", "Monday 7 December 2026 at 12 am"],
    ["2026-12-07T11:00:00Z", paris, "en", "Monday 7 December 2026 at 12 pm"],
    ["2026-12-06T23:00:00Z", "UTC", "fr", "dimanche 6 décembre 2026 à 23 h"],
    ["2026-12-01T09:00:00Z", paris, "fr", "mardi 1er décembre 2026 à 10 h"],
    // Spring forward, 29 March 2026: 02:00 → 03:00 in Paris.
    ["2026-03-29T00:30:00Z", paris, "fr", "dimanche 29 mars 2026 à 1 h 30"],
    ["2026-03-29T01:30:00Z", paris, "fr", "dimanche 29 mars 2026 à 3 h 30"],
    // Fall back, 25 October 2026: 02:30 happens twice.
    ["2026-10-25T00:30:00Z", paris, "fr", "dimanche 25 octobre 2026 à 2 h 30"],
    ["2026-10-25T01:30:00Z", paris, "fr", "dimanche 25 octobre 2026 à 2 h 30"],
    ["2026-10-25T02:30:00Z", paris, "en", "Sunday 25 October 2026 at 3:30 am"],
    ["2024-02-29T12:00:00Z", paris, "en", "Thursday 29 February 2024 at 1 pm"],
    ["2026-12-07T13:30:00Z", "America/New_York", "en", "Monday 7 December 2026 at 8:30 am"],
  ] as const)("%s in %s (%s) → %s", (iso, zone, locale, expected) => {
    expect(formatInstant(new Date(iso), zone, locale)).toBe(expected);
  });

  it("throws on an invalid date or zone", () => {
    expect(() => formatInstant(new Date(Number.NaN), "Europe/Paris", "fr")).toThrow(RangeError);
    expect(() => formatInstant(new Date("2026-12-07T13:30:00Z"), "Europe/Chambery", "fr")).toThrow(RangeError);
    expect(() => formatInstant(new Date("2026-12-07T13:30:00Z"), "", "fr")).toThrow(RangeError);
  });
});

describe("formatRelativeDays", () => {
  it.each([
    [0, "fr", "aujourd'hui"],
    [1, "fr", "demain"],
    [-1, "fr", "hier"],
    [2, "fr", "dans 2 jours"],
    [12, "fr", "dans 12 jours"],
    [-3, "fr", "il y a 3 jours"],
    [1200, "fr", `dans 1${NNBSP}200 jours`],
    [-0, "fr", "aujourd'hui"],
    [0.4, "fr", "aujourd'hui"],
    [-0.4, "fr", "aujourd'hui"],
    [1.6, "fr", "dans 2 jours"],
    [0, "en", "today"],
    [1, "en", "tomorrow"],
    [-1, "en", "yesterday"],
    [12, "en", "in 12 days"],
    [-3, "en", "3 days ago"],
    [-1200, "en", "1,200 days ago"],
    [Number.NaN, "fr", "—"],
    [Number.POSITIVE_INFINITY, "en", "—"],
  ] as const)("%d (%s) → %s", (days, locale, expected) => {
    expect(formatRelativeDays(days, locale)).toBe(expected);
  });
});

describe("formatDuration", () => {
  it.each([
    ["2026-11-22", "2026-12-31", "fr", "1 mois et 9 jours"],
    ["2026-11-22", "2026-12-31", "en", "1 month and 9 days"],
    ["2024-09-30", "2026-12-31", "fr", "2 ans et 3 mois"],
    ["2024-09-30", "2026-12-31", "en", "2 years and 3 months"],
    ["2026-12-19", "2026-12-31", "fr", "12 jours"],
    ["2026-12-19", "2026-12-31", "en", "12 days"],
    ["2026-12-30", "2026-12-31", "fr", "1 jour"],
    ["2026-12-30", "2026-12-31", "en", "1 day"],
    ["2026-12-31", "2026-12-31", "fr", "0 jour"], // French 0 is singular
    ["2026-12-31", "2026-12-31", "en", "0 days"],
    ["2025-12-31", "2026-12-31", "fr", "1 an"],
    ["2025-12-26", "2026-12-31", "fr", "1 an"], // days are below the shown precision
    ["2025-11-26", "2026-12-31", "fr", "1 an et 1 mois"],
    ["2026-10-31", "2026-12-31", "fr", "2 mois"],
    ["2021-09-22", "2026-12-31", "fr", "5 ans et 3 mois"],
    ["2024-02-29", "2025-02-28", "fr", "1 an"], // leap day to the last day of February
    ["2024-01-31", "2024-02-29", "en", "1 month"],
    ["2024-02-01", "2024-03-01", "fr", "1 mois"],
    ["2023-02-01", "2023-03-01", "fr", "1 mois"],
    ["2026-03-28", "2026-03-30", "fr", "2 jours"], // across DST
    ["2026-12-31", "2026-11-22", "fr", "1 mois et 9 jours"], // order does not matter
  ] as const)("%s → %s (%s) = %s", (from, to, locale, expected) => {
    expect(formatDuration(from, to, locale)).toBe(expected);
  });

  it("throws on a malformed date", () => {
    expect(() => formatDuration("2026-12-31", "", "fr")).toThrow(RangeError);
  });
});

describe("progressBar", () => {
  it.each([
    [40, 10, `▓▓▓▓░░░░░░ 40${NNBSP}%`],
    [0, 10, `░░░░░░░░░░ 0${NNBSP}%`],
    [100, 10, `▓▓▓▓▓▓▓▓▓▓ 100${NNBSP}%`],
    [150, 10, `▓▓▓▓▓▓▓▓▓▓ 100${NNBSP}%`],
    [-20, 10, `░░░░░░░░░░ 0${NNBSP}%`],
    [33.4, 10, `▓▓▓░░░░░░░ 33${NNBSP}%`],
    [66.5, 10, `▓▓▓▓▓▓▓░░░ 67${NNBSP}%`],
    [99, 10, `▓▓▓▓▓▓▓▓▓░ 99${NNBSP}%`], // never full before 100 %
    [1, 10, `▓░░░░░░░░░ 1${NNBSP}%`], // never empty once started
    [50, 4, `▓▓░░ 50${NNBSP}%`],
    [50, 0, `50${NNBSP}%`],
    [Number.NaN, 10, `░░░░░░░░░░ 0${NNBSP}%`],
  ])("%d %% over %i cells → %s", (percent, width, expected) => {
    expect(progressBar(percent, width)).toBe(expected);
  });

  it("defaults to 10 cells and French spacing; English has no space", () => {
    expect(progressBar(40)).toBe(`▓▓▓▓░░░░░░ 40${NNBSP}%`);
    expect(progressBar(40, 10, "en")).toBe("▓▓▓▓░░░░░░ 40%");
  });
});

describe("formatNumber", () => {
  it.each([
    [60000, "fr", `60${NNBSP}000`],
    [60000, "en", "60,000"],
    [1234567.5, "fr", `1${NNBSP}234${NNBSP}567,5`],
    [1234567.5, "en", "1,234,567.5"],
    [-20, "fr", "-20"],
    [-15.25, "fr", "-15,25"],
    [0, "fr", "0"],
    [-0, "en", "0"],
    [1 / 3, "fr", "0,333"],
    [999, "fr", "999"],
    [Number.NaN, "fr", "—"],
    [Number.NEGATIVE_INFINITY, "en", "—"],
  ] as const)("%d (%s) → %s", (n, locale, expected) => {
    expect(formatNumber(n, locale)).toBe(expected);
  });
});

describe("statusLabel / statusEmoji", () => {
  it.each<[Status, string, string, string]>([
    ["NOT_STARTED", "Non démarré", "Not started", ":white_circle:"],
    ["ON_TRACK", "En cours", "On track", ":large_green_circle:"],
    ["AT_RISK", "Point de vigilance", "At risk", ":large_orange_circle:"],
    ["LATE", "En retard", "Late", ":red_circle:"],
    ["DONE", "Réalisé", "Done", ":white_check_mark:"],
    ["POSTPONED", "Reporté", "Postponed", ":double_vertical_bar:"],
    ["DROPPED", "Abandonné", "Dropped", ":no_entry_sign:"],
  ])("%s → %s / %s / %s", (status, fr, en, emoji) => {
    expect(statusLabel(status, "fr")).toBe(fr);
    expect(statusLabel(status, "en")).toBe(en);
    expect(statusEmoji(status)).toBe(emoji);
  });

  it("gives every status a distinct label and emoji", () => {
    expect(new Set(STATUSES.map((s) => statusLabel(s, "fr"))).size).toBe(STATUSES.length);
    expect(new Set(STATUSES.map((s) => statusEmoji(s))).size).toBe(STATUSES.length);
  });

  it("round-trips: every label parses back to its status", () => {
    for (const s of STATUSES) {
      expect(parseStatusWord(statusLabel(s, "fr"))).toBe(s);
      expect(parseStatusWord(statusLabel(s, "en"))).toBe(s);
      expect(parseStatusWord(s)).toBe(s);
    }
  });
});

describe("parseStatusWord", () => {
  it.each<[string, Status]>([
    ["en-retard", "LATE"],
    ["retard", "LATE"],
    ["RETARD", "LATE"],
    ["late", "LATE"],
    ["en cours", "ON_TRACK"],
    ["en_cours", "ON_TRACK"],
    ["on-track", "ON_TRACK"],
    ["vigilance", "AT_RISK"],
    ["point-de-vigilance", "AT_RISK"],
    ["a-risque", "AT_RISK"],
    ["à risque", "AT_RISK"],
    ["at-risk", "AT_RISK"],
    ["AT_RISK", "AT_RISK"],
    ["realise", "DONE"],
    ["réalisé", "DONE"],
    ["Réalisée", "DONE"],
    ["réalisés", "DONE"],
    ["done", "DONE"],
    ["reporte", "POSTPONED"],
    ["reportée", "POSTPONED"],
    ["postponed", "POSTPONED"],
    ["abandonne", "DROPPED"],
    ["abandonnées", "DROPPED"],
    ["dropped", "DROPPED"],
    ["non-demarre", "NOT_STARTED"],
    ["non démarrée", "NOT_STARTED"],
    ["not-started", "NOT_STARTED"],
    ["NOT_STARTED", "NOT_STARTED"],
    ["  En   Retard  ", "LATE"],
  ])("%j → %s", (word, status) => {
    expect(parseStatusWord(word)).toBe(status);
  });

  it.each(["", "   ", "etat", "ETAT-08", "bientôt", "🚓", "retard🚓", "r".repeat(2000), "s", "e"])(
    "%j → null",
    (word) => {
      expect(parseStatusWord(word)).toBeNull();
    },
  );
});

describe("meetingKindLabel", () => {
  it.each([
    ["GLTD", "fr", "long", "GLTD (groupe local de traitement de la délinquance)"],
    ["GLTD", "fr", "short", "GLTD"],
    ["COPIL", "fr", "long", "Comité de pilotage"],
    ["COPIL", "fr", "short", "COPIL"],
    ["CLSPD", "fr", "short", "CLSPD"],
    ["CLSPD", "fr", "long", "CLSPD (conseil local de sécurité et de prévention de la délinquance)"],
    ["OTHER", "fr", "long", "Réunion"],
    ["OTHER", "fr", "short", "Réunion"],
    ["COPIL", "en", "long", "Steering committee"],
    ["OTHER", "en", "short", "Meeting"],
  ] as const)("%s (%s, %s) → %s", (kind, locale, form, expected) => {
    expect(meetingKindLabel(kind, locale, form)).toBe(expected);
  });

  it("defaults to the long form and has a label for every kind and locale", () => {
    expect(meetingKindLabel("COPIL", "fr")).toBe("Comité de pilotage");
    for (const kind of MEETING_KINDS) {
      for (const locale of ["fr", "en"] as const) {
        expect(meetingKindLabel(kind, locale, "short").length).toBeGreaterThan(0);
        expect(meetingKindLabel(kind, locale, "long").length).toBeGreaterThanOrEqual(
          meetingKindLabel(kind, locale, "short").length,
        );
      }
    }
  });
});

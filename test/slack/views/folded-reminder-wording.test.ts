// The folded reminder's sentences, pinned: message kind × count (0, 1, 2, many) × language.
import { describe, expect, it } from "vitest";
import type { DigestCommitment } from "../../../src/domain/digest.js";
import type { Locale } from "../../../src/domain/types.js";
import { type FoldReason, foldedReminderMessage } from "../../../src/slack/views/folded-reminder.js";
import { blocksText } from "../../support/test-app.js";

const c = (i: number): DigestCommitment => ({
  id: `c${i}`,
  ref: `VILLE-${String(i).padStart(2, "0")}`,
  title: `Engagement ${i}`,
  party: "VILLE",
  status: "ON_TRACK",
  progress: 40,
  dueOn: "2026-12-01",
  lastUpdateAt: new Date("2026-11-20T10:00:00Z"),
  createdAt: new Date("2026-01-05T09:00:00Z"),
  owners: ["U1"],
  pending: [],
});
const meeting = {
  id: "m1",
  kind: "COPIL" as const,
  title: null,
  startsAt: new Date("2027-01-11T09:00:00Z"),
  place: null,
  agenda: null,
};
const reasons: Record<string, FoldReason> = {
  overdue: { kind: "overdue", week: 1 },
  deadline: { kind: "deadline", daysBefore: 7 },
  checkin: { kind: "checkin", meeting },
};

const message = (kind: string, n: number, locale: Locale) => {
  const items = Array.from({ length: n }, (_, i) => c(i + 1));
  const r = foldedReminderMessage({
    own:
      kind === "copy"
        ? []
        : items.map((commitment) => ({
            commitment,
            reasons: [reasons[kind] as FoldReason],
            keys: [`k${commitment.id}`],
            snoozed: false,
          })),
    copies: kind === "copy" ? items.map((commitment) => ({ commitment, owners: ["U1", "U2"] })) : [],
    today: "2026-12-08",
    timezone: "Europe/Paris",
    locale,
  });
  return { text: r.text, body: blocksText({ blocks: r.blocks }) };
};

describe("folded reminder wording: kind × count × language", () => {
  it.each<[string, number, Locale, string]>([
    ["overdue", 1, "fr", "Un engagement demande votre attention : 1 en retard."],
    ["overdue", 2, "fr", "2 engagements demandent votre attention : 2 en retard."],
    ["overdue", 12, "fr", "12 engagements demandent votre attention : 12 en retard."],
    ["deadline", 1, "fr", "Un engagement demande votre attention : 1 à échéance proche."],
    ["checkin", 2, "fr", "2 engagements demandent votre attention : 2 sans nouvelles depuis 30 jours."],
    ["copy", 1, "fr", "Pour information, un engagement est en retard depuis plus d'une semaine."],
    ["copy", 2, "fr", "Pour information, 2 engagements sont en retard depuis plus d'une semaine."],
    ["copy", 12, "fr", "Pour information, 12 engagements sont en retard depuis plus d'une semaine."],
    ["overdue", 1, "en", "1 commitment needs your attention: 1 overdue."],
    ["overdue", 2, "en", "2 commitments need your attention: 2 overdue."],
    ["overdue", 12, "en", "12 commitments need your attention: 12 overdue."],
    ["deadline", 2, "en", "2 commitments need your attention: 2 due soon."],
    ["checkin", 1, "en", "1 commitment needs your attention: 1 with no news for 30 days."],
    ["copy", 1, "en", "For your information, 1 commitment has been overdue for more than a week."],
    ["copy", 2, "en", "For your information, 2 commitments have been overdue for more than a week."],
  ])("%s × %i × %s", (kind, n, locale, sentence) => {
    const { body } = message(kind, n, locale);
    expect(body).toContain(sentence);
    expect(body).not.toMatch(/\(s\)|\d{4}-\d{2}-\d{2}/); // no « engagement(s) », no ISO date
  });

  it("0 of a kind says nothing about it; hidden ones are counted with agreement", () => {
    expect(message("copy", 2, "fr").body).not.toContain("votre attention");
    expect(message("overdue", 2, "fr").body).not.toContain("Pour information");
    expect(message("overdue", 11, "fr").body).toContain("… et 1 autre.");
    expect(message("overdue", 12, "fr").body).toContain("… et 2 autres.");
    expect(message("overdue", 12, "en").body).toContain("… and 2 more.");
    expect(message("copy", 12, "fr").body).toContain("Voir tous les retards");
  });

  it("dates in words, « Pilotes » for several owners, and the meeting named with its date", () => {
    expect(message("overdue", 1, "fr").body).toContain("Échéance dépassée : mardi 1er décembre 2026 (il y a 7 jours).");
    expect(message("copy", 1, "fr").body).toContain("Pilotes : <@U1>, <@U2>");
    expect(message("checkin", 1, "fr").body).toContain("avant le COPIL du lundi 11 janvier 2027 à 10 h.");
    expect(message("checkin", 1, "en").body).toContain("before the COPIL on Monday 11 January 2027 at 10 am.");
  });
});

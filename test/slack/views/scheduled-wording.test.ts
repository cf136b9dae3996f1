// More of the scheduled messages' sentences pinned (issue 10), as the folded reminder's table does: a stand-in's
// message, the digest's « En attente du retour de … », counts of a status — kind × count (0, 1, 2, many) × language.
import { describe, expect, it } from "vitest";
import { computeDigest, type DigestCommitment } from "../../../src/domain/digest.js";
import { statusCount } from "../../../src/domain/format.js";
import type { Locale, Status } from "../../../src/domain/types.js";
import { sectionLines } from "../../../src/slack/views/digest-section-lines.js";
import { foldedReminderMessage } from "../../../src/slack/views/folded-reminder.js";
import { blocksText } from "../../support/test-app.js";

const c = (i: number, owners = ["U0AWAY1"]): DigestCommitment => ({
  id: `c${i}`,
  ref: `VILLE-${String(i).padStart(2, "0")}`,
  title: `Engagement ${i}`,
  party: "VILLE",
  status: "ON_TRACK",
  progress: 40,
  dueOn: "2026-12-01",
  lastUpdateAt: new Date("2026-11-20T10:00:00Z"),
  createdAt: new Date("2026-01-05T09:00:00Z"),
  owners,
  pending: [],
});

describe("a count of one status", () => {
  it.each<[Status, number, Locale, string]>([
    ["NOT_STARTED", 0, "fr", "0 non démarré"],
    ["NOT_STARTED", 1, "fr", "1 non démarré"],
    ["NOT_STARTED", 2, "fr", "2 non démarrés"],
    ["NOT_STARTED", 6, "fr", "6 non démarrés"],
    ["AT_RISK", 1, "fr", "1 point de vigilance"],
    ["AT_RISK", 12, "fr", "12 points de vigilance"],
    ["ON_TRACK", 3, "fr", "3 en cours"],
    ["LATE", 2, "fr", "2 en retard"],
    ["DONE", 0, "fr", "0 réalisé"],
    ["DONE", 2, "fr", "2 réalisés"],
    ["DROPPED", 2, "fr", "2 abandonnés"],
    ["POSTPONED", 1, "fr", "1 reporté"],
    ["NOT_STARTED", 6, "en", "6 not started"],
    ["AT_RISK", 1, "en", "1 at risk"],
    ["DONE", 0, "en", "0 done"],
  ])("%s × %i × %s", (status, n, locale, expected) => {
    expect(statusCount(status, n, locale)).toBe(expected);
  });
});

describe("a stand-in's folded reminder", () => {
  const message = (absent: string[], n: number, locale: Locale) => {
    const own = Array.from({ length: n }, (_, i) => ({
      commitment: c(i + 1),
      reasons: [{ kind: "overdue" as const, week: 1 }],
      keys: [`k${i}`],
      snoozed: false,
      onBehalfOf: absent[i % absent.length] ?? "U0AWAY1",
    }));
    const r = foldedReminderMessage({ own, copies: [], today: "2026-12-08", timezone: "Europe/Paris", locale });
    return blocksText({ blocks: r.blocks });
  };
  it.each<[string[], number, Locale, string]>([
    [["U0AWAY1"], 1, "fr", "En remplacement de <@U0AWAY1> : vous recevez ses rappels pendant son absence."],
    [["U0AWAY1"], 2, "fr", "En remplacement de <@U0AWAY1> : vous recevez ses rappels pendant son absence."],
    [
      ["U0AWAY1", "U0AWAY2"],
      2,
      "fr",
      "En remplacement de <@U0AWAY1> et <@U0AWAY2> : vous recevez leurs rappels pendant leur absence.",
    ],
    [
      ["U0AWAY1", "U0AWAY2", "U0AWAY3"],
      3,
      "fr",
      "En remplacement de <@U0AWAY1>, <@U0AWAY2> et <@U0AWAY3> : vous recevez leurs rappels pendant leur absence.",
    ],
    [["U0AWAY1"], 1, "en", "Standing in for <@U0AWAY1>: you receive their reminders while they are away."],
    [["U0AWAY1", "U0AWAY2"], 2, "en", "Standing in for <@U0AWAY1> and <@U0AWAY2>: you receive their reminders"],
  ])("%j × %i × %s", (absent, n, locale, sentence) => {
    const body = message(absent, n, locale);
    expect(body).toContain(sentence);
    expect(body.split("En remplacement de <@").length + body.split("Standing in for <@").length - 2).toBe(n + 1);
    expect(body).not.toMatch(/\(s\)|\d{4}-\d{2}-\d{2}/);
  });
});

describe("the digest's « En attente du retour de … »", () => {
  const digestWith = (n: number) =>
    computeDigest({
      now: new Date("2026-12-07T07:30:00Z"),
      timezone: "Europe/Paris",
      parties: [],
      commitments: [...Array.from({ length: n }, (_, i) => c(i + 1)), c(50, ["U0AWAY1", "U0THERE"])],
      weeks: [],
      meetings: [],
      undeliverable: [],
      absentOwners: [{ userId: "U0AWAY1", endsOn: "2027-01-04" }],
    });
  it("0: no line; 1 and 2: one line for the person, their commitments under it (not those another owner follows)", () => {
    expect(digestWith(0).awaitingReturn).toEqual([]);
    const one = sectionLines(digestWith(1), "awaitingReturn", "Europe/Paris", "fr");
    expect(one).toEqual([
      "En attente du retour de <@U0AWAY1> (absence jusqu'au lundi 4 janvier 2027 inclus) :\n" +
        "  :large_green_circle: *VILLE-01* Engagement 1 — il y a 6 jours",
    ]);
    const two = sectionLines(digestWith(2), "awaitingReturn", "Europe/Paris", "en");
    expect(two).toHaveLength(1);
    expect(two[0]).toContain("Waiting for <@U0AWAY1> to be back (away until Monday 4 January 2027):");
    expect(two[0]).toContain("*VILLE-02*");
    expect(two[0]).not.toContain("VILLE-50");
  });
});

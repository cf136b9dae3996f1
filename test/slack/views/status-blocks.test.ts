import { describe, expect, it } from "vitest";
import { STATUSES, type Status } from "../../../src/domain/types.js";
import { ephemeralNav } from "../../../src/slack/views/pagination.js";
import { contractStatusReply, type PartyStatus } from "../../../src/slack/views/status-blocks.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { makeMeeting } from "../../support/fixtures.js";
import { blocksText } from "../../support/test-app.js";

const counts = (over: Partial<Record<Status, number>>): Record<Status, number> =>
  Object.fromEntries(STATUSES.map((s) => [s, over[s] ?? 0])) as Record<Status, number>;
const contract = {
  id: "c",
  ref: "CSI-CHAMBERY",
  title: "Contrat de Sécurité Intégrée de Chambéry",
  signedOn: "2021-09-22",
  endsOn: "2026-12-31",
  timezone: "Europe/Paris",
  parties: [
    { code: "ETAT", label: "État", signatory: "Préfet de la Savoie" },
    { code: "VILLE", label: "Ville de Chambéry", signatory: "Maire de Chambéry" },
  ],
};
const parties: PartyStatus[] = [
  { party: "ETAT", total: 8, byStatus: counts({ NOT_STARTED: 5, LATE: 2, DONE: 1 }), overdue: 2, averageProgress: 25 },
  { party: "VILLE", total: 6, byStatus: counts({ ON_TRACK: 6 }), overdue: 0, averageProgress: 60 },
];

describe("contractStatusReply", () => {
  it("gives per party counts by status, a progress bar, overdue, the next meetings and the time left", () => {
    const gltd = {
      ...makeMeeting(0),
      kind: "GLTD" as const,
      startsAt: new Date("2026-12-07T13:30:00Z"),
      place: "Hôtel de ville",
    };
    const reply = contractStatusReply({
      contract,
      parties,
      nextMeetings: [
        { kind: "GLTD", meeting: gltd },
        { kind: "COPIL", meeting: null },
      ],
      today: "2026-11-23",
      timezone: "Europe/Paris",
      nav: ephemeralNav("etat", "fr"),
    });
    const text = blocksText(reply);
    expect(text).toContain("Contrat de Sécurité Intégrée de Chambéry");
    expect(text).toContain("*État* — Préfet de la Savoie");
    expect(text).toContain("Non démarré : 5");
    expect(text).toContain("En retard : 2");
    expect(text).toContain("2 échéances dépassées");
    expect(text).toContain("▓▓▓░░░░░░░ 25\u202f%");
    expect(text).toContain("lundi 7 décembre 2026 à 14 h 30 (dans 14 jours) — Hôtel de ville");
    expect(text).toContain("*COPIL* : aucune réunion planifiée");
    expect(text).toContain("Fin du contrat le jeudi 31 décembre 2026 : il reste *1 mois et 8 jours*");
    expect(blockLimitViolations(reply.blocks)).toEqual([]);
  });

  it("speaks English and says when the contract has ended", () => {
    const reply = contractStatusReply({
      contract,
      parties,
      nextMeetings: [],
      today: "2027-01-05",
      timezone: "Europe/Paris",
      nav: ephemeralNav("status", "en"),
    });
    const text = blocksText(reply);
    expect(text).toContain("The contract ended on Thursday 31 December 2026.");
    expect(text).toContain("Not started: 5");
    expect(text).toContain("2 overdue");
  });

  it("stays within limits with many parties and very long labels", () => {
    const many: PartyStatus[] = Array.from({ length: 200 }, (_, i) => ({
      party: `P${i}`,
      total: 200,
      byStatus: counts({ LATE: 100, DONE: 100 }),
      overdue: 100,
      averageProgress: 50,
    }));
    const longContract = {
      ...contract,
      title: "T".repeat(2000),
      parties: many.map((p) => ({ code: p.party, label: "L".repeat(2000), signatory: "S".repeat(2000) })),
    };
    const reply = contractStatusReply({
      contract: longContract,
      parties: many,
      nextMeetings: [{ kind: "GLTD", meeting: { ...makeMeeting(1, "x".repeat(2000)) } }],
      today: "2026-11-23",
      timezone: "Europe/Paris",
      nav: ephemeralNav("etat", "fr"),
    });
    expect(blockLimitViolations(reply.blocks)).toEqual([]);
  });
});

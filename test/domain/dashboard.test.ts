import { describe, expect, it } from "vitest";
import { overdueCommitments, progressByParty } from "../../src/domain/dashboard.js";
import type { Status } from "../../src/domain/types.js";

const parties = [
  { code: "ETAT", label: "État", signatory: "Préfet" },
  { code: "VILLE", label: "Ville", signatory: "Maire" },
  { code: "PARQUET", label: "Parquet", signatory: "Procureur" },
];
const c = (ref: string, party: string, status: Status, progress: number, dueOn: string | null) => ({
  ref,
  party,
  status,
  progress,
  dueOn,
});
const today = "2026-11-23";

describe("progressByParty", () => {
  const data = [
    c("ETAT-01", "ETAT", "ON_TRACK", 40, "2026-12-31"),
    c("ETAT-02", "ETAT", "DONE", 80, "2026-01-01"),
    c("ETAT-03", "ETAT", "DROPPED", 0, "2026-01-01"),
    c("ETAT-04", "ETAT", "LATE", 20, "2026-11-01"),
    c("VILLE-01", "VILLE", "NOT_STARTED", 0, null),
    c("AUTRE-01", "AUTRE", "ON_TRACK", 50, null),
  ];
  it("counts by status, averages progress (done = 100, dropped left out) and counts overdue", () => {
    const [etat, ville, parquet, autre] = progressByParty(parties, data, today);
    expect(etat).toMatchObject({ party: "ETAT", label: "État", total: 4, averageProgress: 53, overdue: 1 });
    expect(etat?.byStatus).toMatchObject({ ON_TRACK: 1, DONE: 1, DROPPED: 1, LATE: 1, AT_RISK: 0 });
    expect(ville).toMatchObject({ total: 1, averageProgress: 0, overdue: 0 });
    expect(parquet).toMatchObject({ total: 0, averageProgress: 0, overdue: 0 });
    expect(autre).toMatchObject({ party: "AUTRE", label: "AUTRE", total: 1, averageProgress: 50 });
  });
  it("lists overdue commitments, most late first", () => {
    const late = overdueCommitments(
      [
        c("A", "ETAT", "ON_TRACK", 0, "2026-11-20"),
        c("B", "ETAT", "ON_TRACK", 0, "2026-10-01"),
        c("C", "ETAT", "DONE", 0, "2026-01-01"),
        c("D", "ETAT", "ON_TRACK", 0, today),
      ],
      today,
    );
    expect(late.map((x) => x.ref)).toEqual(["B", "A"]);
  });
});

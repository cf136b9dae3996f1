import { describe, expect, it } from "vitest";
import { commitmentEventsFrom, fieldChanges } from "../../src/domain/commitment-events.js";
import type { AuditEntry } from "../../src/domain/types.js";

let n = 0;
const entry = (
  action: string,
  details: Record<string, unknown>,
  at = "2026-11-02T09:00:00Z",
  actorId = "U0COORD1",
): AuditEntry => ({
  id: String(++n),
  at: new Date(at),
  actorId,
  action,
  entity: "commitment",
  entityId: "c1",
  details,
});

const sheet = {
  ref: "VILLE-07",
  party: "VILLE",
  title: "Vidéoprotection",
  description: null,
  leadService: "Police municipale",
  owners: ["U0OWNER01"],
  dueOn: "2027-06-30",
  indicators: [{ label: "Caméras installées", unit: "caméras", baseline: 0, target: 10 }],
};

describe("fieldChanges", () => {
  it("lists only the fields that differ, in the sheet's order", () => {
    expect(fieldChanges(sheet, { ...sheet })).toEqual([]);
    expect(
      fieldChanges(sheet, {
        ...sheet,
        dueOn: "2027-12-31",
        owners: ["U0OWNER01", "U0OWNER02"],
        title: "Vidéoprotection étendue",
      }),
    ).toEqual([
      { field: "title", before: "Vidéoprotection", after: "Vidéoprotection étendue" },
      { field: "owners", before: ["U0OWNER01"], after: ["U0OWNER01", "U0OWNER02"] },
      { field: "dueOn", before: "2027-06-30", after: "2027-12-31" },
    ]);
  });

  it("reads indicators as lines and an emptied text as nothing", () => {
    const changes = fieldChanges(sheet, {
      ...sheet,
      leadService: "",
      indicators: [{ label: "Taux de disponibilité", unit: "%", baseline: null, target: 95 }],
    });
    expect(changes).toEqual([
      { field: "leadService", before: "Police municipale", after: null },
      {
        field: "indicators",
        before: ["Caméras installées (caméras) 0 → 10"],
        after: ["Taux de disponibilité (%) → 95"],
      },
    ]);
  });

  it("survives a malformed snapshot (an old or hand-edited audit row) without throwing", () => {
    expect(fieldChanges({ owners: "U0X", indicators: 3, title: 42 }, {})).toEqual([]);
    expect(fieldChanges({}, { title: "Nouveau" })).toEqual([{ field: "title", before: null, after: "Nouveau" }]);
  });
});

describe("commitmentEventsFrom", () => {
  it("tells creation, edits, DONE decisions and milestones, oldest first", () => {
    const events = commitmentEventsFrom([
      entry("commitment.done_rejected", { requestedBy: "U0OWNER01", from: "LATE", to: "LATE" }, "2026-11-05T09:00:00Z"),
      entry("commitment.create", { after: sheet, submissionKey: "V1" }, "2026-11-01T09:00:00Z"),
      entry(
        "commitment.edit",
        { before: sheet, after: { ...sheet, dueOn: "2027-12-31" }, keptIndicators: [] },
        "2026-11-03T09:00:00Z",
      ),
      entry("milestone.create", { title: "Pose des 5 premières caméras", meetingId: "m1" }, "2026-11-04T09:00:00Z"),
      entry(
        "commitment.done_confirmed",
        { requestedBy: "U0OWNER01", from: "ON_TRACK", to: "DONE" },
        "2026-11-06T09:00:00Z",
      ),
    ]);
    expect(events.map((e) => e.kind)).toEqual([
      "created",
      "edited",
      "milestone_added",
      "done_rejected",
      "done_confirmed",
    ]);
    expect(events[0]).toMatchObject({ kind: "created", via: "form", actorId: "U0COORD1" });
    expect(events[1]).toMatchObject({
      changes: [{ field: "dueOn", before: "2027-06-30", after: "2027-12-31" }],
      keptIndicators: [],
    });
    expect(events[2]).toMatchObject({ title: "Pose des 5 premières caméras", fromMeeting: true });
    expect(events[3]).toMatchObject({ requestedBy: "U0OWNER01", statusKept: "LATE" });
    expect(events[4]).toMatchObject({ requestedBy: "U0OWNER01" });
  });

  it("a commitment born of a meeting decision says so", () => {
    const [created] = commitmentEventsFrom([
      entry("commitment.create", { after: { ref: "VILLE-08" }, decisionId: "d1", meetingId: "m1" }),
    ]);
    expect(created).toMatchObject({ kind: "created", via: "meeting" });
    const [imported] = commitmentEventsFrom([
      entry("commitment.create", { after: { ref: "VILLE-09" }, imported: true, submissionKey: "V1" }),
    ]);
    expect(imported).toMatchObject({ kind: "created", via: "import" });
  });

  it("leaves out follows, progress updates (shown from their own rows), unchanged edits and unknown actions", () => {
    const events = commitmentEventsFrom([
      entry("commitment.follow", { userId: "U0A" }),
      entry("commitment.unfollow", { userId: "U0A" }),
      entry("progress.update", { updateId: "u1", version: 1 }),
      entry("progress.correct", { updateId: "u2", version: 2 }),
      entry("commitment.edit", { before: sheet, after: sheet, keptIndicators: [] }),
      entry("something.else", {}),
    ]);
    expect(events).toEqual([]);
  });

  it("keeps an edit that changed nothing but kept measured indicators", () => {
    const [edited] = commitmentEventsFrom([
      entry("commitment.edit", { before: sheet, after: sheet, keptIndicators: ["Caméras installées", 7] }),
    ]);
    expect(edited).toMatchObject({ kind: "edited", changes: [], keptIndicators: ["Caméras installées"] });
  });

  it("a DONE refusal with an unreadable status keeps the event without the status", () => {
    const [refused] = commitmentEventsFrom([entry("commitment.done_rejected", { requestedBy: 12, to: "NOPE" })]);
    expect(refused).toMatchObject({ kind: "done_rejected", requestedBy: null, statusKept: null });
  });
});

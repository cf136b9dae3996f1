import { describe, expect, it } from "vitest";
import { makeScheduleSettings } from "../../src/domain/due-instants.js";
import { type CommitmentForPlan, type PlanInput, planDueDeliveries } from "../../src/domain/reminders.js";
import { useTestStore } from "../support/use-test-store.js";
import { addCommitment, clearScheduling } from "./fixtures.js";

const t = useTestStore("seeded");

describe("the scheduler's read of open commitments", () => {
  it("is the open, owned commitments of the Prisma read, field for field", async () => {
    const prisma = t.prisma;
    await clearScheduling(prisma);
    await addCommitment(prisma, {
      dueOn: "2026-12-15",
      owners: ["U0B", "U0A", "U0C"],
      lastUpdateAt: new Date("2026-11-20T10:00:00.123Z"),
    });
    await addCommitment(prisma, { dueOn: null, owners: ["U0A"], lastUpdateAt: null });
    await addCommitment(prisma, { dueOn: "2027-03-28", owners: ["U0D"], status: "AT_RISK" }); // the night clocks change
    await addCommitment(prisma, { dueOn: "2026-12-01", owners: ["U0A"], status: "DONE" });
    await addCommitment(prisma, { dueOn: "2026-12-01", owners: [] });
    const viaPrisma = (await t.store.schedule.listOpenForReminders()).filter((c) => c.owners.length > 0);
    const lean = await t.store.schedule.listOwnedOpenForReminders();
    const byId = (list: CommitmentForPlan[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(lean)).toEqual(byId(viaPrisma));
    const mine = lean.filter((c) => c.owners.includes("U0A") || c.owners.includes("U0D"));
    expect(mine.map((c) => [c.dueOn, c.owners, c.lastUpdateAt?.toISOString() ?? null]).sort()).toEqual(
      [
        ["2026-12-15", ["U0A", "U0B", "U0C"], "2026-11-20T10:00:00.123Z"],
        [null, ["U0A"], null],
        ["2027-03-28", ["U0D"], "2026-11-20T10:00:00.000Z"],
      ].sort(),
    );
  });
});

describe("planning many commitments at once", () => {
  it("gives each the deliveries it would get alone (instants shared per due date, silent owners per contract)", () => {
    const S = makeScheduleSettings();
    const now = new Date("2026-12-08T08:00:00Z");
    const dates = ["2026-11-01", "2026-11-24", "2026-12-09", "2026-12-15", "2027-01-07", "2026-12-25", "2026-12-01"];
    const commitments: CommitmentForPlan[] = Array.from({ length: 60 }, (_, i) => ({
      id: `c${i}`,
      contractId: i % 3 === 0 ? "k2" : "k1",
      dueOn: i % 11 === 0 ? null : (dates[i % dates.length] ?? null),
      status: i % 13 === 0 ? "DONE" : "ON_TRACK",
      owners: [`U${i % 7}`, ...(i % 5 === 0 ? [`U${i % 4}x`] : [])],
      lastUpdateAt: i % 4 === 0 ? new Date("2026-12-01T10:00:00Z") : null,
      createdAt: new Date("2026-01-05T10:00:00Z"),
    }));
    const createdAt = new Date("2026-10-01T10:00:00Z");
    const meetings = [
      {
        id: "m1",
        contractId: "k1",
        startsAt: new Date("2026-12-11T09:00:00Z"),
        channelId: "C1",
        attendees: ["A1"],
        createdAt,
      },
      {
        id: "m2",
        contractId: "k1",
        startsAt: new Date("2026-12-14T09:00:00Z"),
        channelId: null,
        attendees: [],
        createdAt,
      },
      {
        id: "m3",
        contractId: "k2",
        startsAt: new Date("2026-12-10T13:00:00Z"),
        channelId: "C3",
        attendees: ["A2", "A3"],
        createdAt,
      },
    ];
    const base: PlanInput = { now, settings: S, commitments: [], meetings: [], coordinators: ["U0COORD"], snoozes: [] };
    const show = (d: { key: string; dueAt: Date }) => `${d.key}@${d.dueAt.toISOString()}`;
    // The week's digest is planned by every call; it is compared apart.
    const notDigest = (d: { ref: { kind: string } }) => d.ref.kind !== "digest";
    const all = planDueDeliveries({ ...base, commitments, meetings })
      .filter(notDigest)
      .map(show);
    const alone = [
      ...commitments.flatMap((c) => planDueDeliveries({ ...base, commitments: [c] }).filter(notDigest)),
      ...meetings.flatMap((m) =>
        planDueDeliveries({ ...base, commitments, meetings: [m] }).filter(
          (d) => d.ref.kind === "meeting" || d.ref.kind === "checkin",
        ),
      ),
    ].map(show);
    expect(all.some((k) => k.startsWith("checkin:m3:"))).toBe(true);
    expect(all.some((k) => k.startsWith("overdue-cc:"))).toBe(true);
    expect([...all].sort()).toEqual([...alone].sort());
  });
});

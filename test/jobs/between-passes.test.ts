// What changes between two scheduler passes a minute apart is seen by the second one: the scheduler keeps what it
// computed (due instants per contract settings, reads shared by the workspaces of a pass), and none of it may hide a
// contract's new reminder hour, a meeting scheduled meanwhile or an owner's fresh progress update.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultContractId } from "../support/fixtures.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { addCommitment, addMeeting, clearScheduling, keysOf, postsOf } from "./fixtures.js";

let t: TestApp;
let contractId = "";
const pass = (iso: string) => t.vigie.scheduler.runPass(new Date(iso));
const postedKeys = (prefix: string) => postsOf(t.slack.calls, prefix).flatMap(keysOf);

beforeAll(async () => {
  t = await startTestApp();
  contractId = await defaultContractId(t.db.prisma);
});
afterAll(() => t.stop());
beforeEach(async () => {
  await clearScheduling(t.db.prisma);
  await t.db.prisma.contract.update({ where: { id: contractId }, data: { reminderHour: null } });
  t.slack.reset();
});

describe("a change between two passes is seen by the next one", () => {
  it("a contract's new reminder hour: the J-7 planned at 10:00 goes out at 09:00 once the hour is changed", async () => {
    // Created after its J-30: the J-7 is the first reminder it is owed.
    const id = await addCommitment(t.db.prisma, {
      dueOn: "2026-12-15",
      owners: ["U0HOUR1"],
      createdAt: new Date("2026-11-20T10:00:00Z"),
    });
    await t.db.prisma.contract.update({ where: { id: contractId }, data: { reminderHour: "10:00" } });
    // Tuesday 8 December, 09:05 in Paris: the J-7 is for 10:00.
    await pass("2026-12-08T08:05:00Z");
    expect(postedKeys("deadline")).toEqual([]);
    await t.db.prisma.contract.update({ where: { id: contractId }, data: { reminderHour: "09:00" } });
    await pass("2026-12-08T08:06:00Z");
    expect(postedKeys("deadline")).toEqual([`deadline-j7:${id}:U0HOUR1:2026-12-15`]);
    // And the next minute finds it recorded: sent once.
    await pass("2026-12-08T08:07:00Z");
    expect(postedKeys("deadline")).toHaveLength(1);
  });

  it("a meeting scheduled between two passes gets its J-1 reminder at the next pass", async () => {
    await pass("2026-12-08T08:05:00Z");
    expect(postedKeys("meeting")).toEqual([]);
    // Wednesday 9 December at 14:00 in Paris: its J-1 was due at 09:00 today.
    const meeting = await addMeeting(t.db.prisma, { startsAt: new Date("2026-12-09T13:00:00Z") });
    await pass("2026-12-08T08:06:00Z");
    expect(postedKeys("meeting")).toEqual([`meeting-j1:${meeting}:C0COPIL`]);
  });

  it("an owner who reports progress between two passes is not asked for news at the check-in slot", async () => {
    const silent = { dueOn: "2027-06-30", lastUpdateAt: new Date("2026-10-01T10:00:00Z") };
    const reporting = await addCommitment(t.db.prisma, { ...silent, owners: ["U0NEWS1"] });
    await addCommitment(t.db.prisma, { ...silent, owners: ["U0SILENT"] });
    // A COPIL on Tuesday 15 December: the owners' check-in 5 working days before, Tuesday 8 at 09:00.
    const meeting = await addMeeting(t.db.prisma, { startsAt: new Date("2026-12-15T13:00:00Z") });
    await pass("2026-12-08T07:58:00Z");
    expect(postedKeys("checkin")).toEqual([]);
    const appended = await t.vigie.deps.store.updates.append({
      commitmentId: reporting,
      authorId: "U0NEWS1",
      submissionKey: "V0BETWEEN",
      draft: {
        status: "ON_TRACK",
        progress: 40,
        indicatorValues: [],
        comment: "Réunion avec les bailleurs tenue.",
        nextStep: null,
        nextStepOn: null,
        blockers: null,
        evidenceUrl: null,
        evidence: null,
      },
      at: new Date("2026-12-08T07:59:00Z"),
      today: "2026-12-08",
    });
    expect(appended.kind).toBe("created");
    await pass("2026-12-08T08:01:00Z");
    expect(postedKeys("checkin")).toEqual([`checkin:${meeting}:U0SILENT`]);
  });
});

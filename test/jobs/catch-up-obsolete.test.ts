// Catch-up after a stop (issue 10): a reminder whose purpose passed while Vigie was down is recorded as
// obsolete under its own key, never sent — a meeting's J-n once the meeting was held, a J-7 when the J-1 is
// due at the same catch-up, a deadline reminder caught up after the due date. Fixed clocks, no waiting.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { addCommitment, addMeeting, clearScheduling, keysOf, postsOf } from "./fixtures.js";

let t: TestApp;
const at = (iso: string) => new Date(iso);
const pass = (iso: string) => t.vigie.scheduler.runPass(at(iso));
const prisma = () => t.db.prisma;
const sentKeys = () => postsOf(t.slack.calls).flatMap(keysOf).sort();
const rowOf = (key: string) => prisma().delivery.findUnique({ where: { key } });

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());
beforeEach(async () => {
  await clearScheduling(prisma());
  t.slack.reset();
});

describe("reminders whose purpose passed while Vigie was down", () => {
  it("Saturday-night restart: nothing sent at night; on Monday the J-1 goes, the J-7 and a held meeting's J-1 are obsolete", async () => {
    // Vigie stopped on Monday 7 December in the evening and restarts on Saturday 12 December at 23:00 Paris.
    const c = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: ["U0CATCH"] }); // J-7 Tue 8, J-1 Mon 14
    const held = await addMeeting(prisma(), { startsAt: at("2026-12-11T13:00:00Z"), attendees: ["U0ATT9"] }); // Fri 11, 14:00
    const ahead = await addMeeting(prisma(), {
      startsAt: at("2026-12-15T09:00:00Z"), // Tue 15, 10:00: J-7 Tue 8, J-1 Mon 14
      channelId: "C0GLTD",
      attendees: ["U0ATT9"],
      kind: "GLTD",
    });

    const night = await pass("2026-12-12T22:00:00Z");
    expect(postsOf(t.slack.calls)).toHaveLength(0);
    expect(night.obsolete).toBe(2);
    for (const target of ["C0COPIL", "U0ATT9"])
      expect(await rowOf(`meeting-j1:${held}:${target}`)).toMatchObject({
        state: "FAILED",
        error: "obsolete",
        ts: null,
      });
    // The J-7s, still the latest due, wait for Monday; no row yet.
    expect(await rowOf(`deadline-j7:${c}:U0CATCH:2026-12-15`)).toBeNull();

    await pass("2026-12-13T10:00:00Z"); // Sunday morning: still nothing
    expect(postsOf(t.slack.calls)).toHaveLength(0);

    const monday = await pass("2026-12-14T08:00:00Z");
    const sent = sentKeys().filter((k) => !k.startsWith("digest"));
    expect(sent).toEqual(
      [`deadline-j1:${c}:U0CATCH:2026-12-15`, `meeting-j1:${ahead}:C0GLTD`, `meeting-j1:${ahead}:U0ATT9`].sort(),
    );
    expect(monday.obsolete).toBe(3);
    for (const key of [
      `deadline-j7:${c}:U0CATCH:2026-12-15`,
      `meeting-j7:${ahead}:C0GLTD`,
      `meeting-j7:${ahead}:U0ATT9`,
    ])
      expect(await rowOf(key)).toMatchObject({ state: "FAILED", error: "obsolete" });
    // Exactly once: later passes neither send nor record anything again.
    t.slack.reset();
    expect(await pass("2026-12-14T08:05:00Z")).toMatchObject({ sent: 0, obsolete: 0 });
    expect(postsOf(t.slack.calls)).toHaveLength(0);
  });

  it("3-day stop: a meeting held meanwhile and a deadline passed meanwhile get no late reminder; what is still ahead goes", async () => {
    const passedDue = await addCommitment(prisma(), { dueOn: "2026-12-10", owners: ["U0STOP"] }); // J-1 Wed 9
    const held = await addMeeting(prisma(), { startsAt: at("2026-12-10T13:00:00Z"), attendees: ["U0ATT7"] }); // Thu 10
    const monday = await addMeeting(prisma(), { startsAt: at("2026-12-14T09:00:00Z"), attendees: ["U0ATT7"] }); // J-1 Fri 11
    // Running on Tuesday 8 December at 09:00 (the Monday meeting's J-7 went on Monday 7), then stopped from
    // Tuesday 17:00 to Friday 11 December 10:00.
    await prisma().delivery.createMany({
      data: ["C0COPIL", "U0ATT7"].map((target) => ({
        key: `meeting-j7:${monday}:${target}`,
        kind: "meeting-j7",
        target,
        occurrence: monday,
        dueAt: at("2026-12-07T08:00:00Z"),
        state: "SENT" as const,
        attempts: 1,
      })),
    });
    await pass("2026-12-08T08:00:00Z");
    t.slack.reset();

    const report = await pass("2026-12-11T09:00:00Z");
    expect(sentKeys()).toEqual([`meeting-j1:${monday}:C0COPIL`, `meeting-j1:${monday}:U0ATT7`]);
    expect(await rowOf(`deadline-j1:${passedDue}:U0STOP:2026-12-10`)).toMatchObject({
      state: "FAILED",
      error: "obsolete",
    });
    expect(await rowOf(`meeting-j1:${held}:U0ATT7`)).toMatchObject({ state: "FAILED", error: "obsolete" });
    expect(report.obsolete).toBe(3);
    // The overdue reminder still comes, a week after the due date.
    t.slack.reset();
    await pass("2026-12-17T08:00:00Z");
    expect(sentKeys()).toContain(`overdue:${passedDue}:U0STOP:1`);
  });
});

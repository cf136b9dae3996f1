import { describe, expect, it } from "vitest";
import { makeScheduleSettings } from "../../src/domain/due-instants.js";
import { compactInstant, deliveryKey, parseDeliveryKey, type ReminderRef } from "../../src/domain/reminder-keys.js";
import {
  type CommitmentForPlan,
  type MeetingForPlan,
  type PlanInput,
  planDueDeliveries,
  snoozeUntil,
} from "../../src/domain/reminders.js";

const S = makeScheduleSettings();
const utc = (s: string) => new Date(s);

const commitment = (over: Partial<CommitmentForPlan> = {}): CommitmentForPlan => ({
  id: "c1",
  contractId: "k1",
  dueOn: "2026-12-15",
  status: "ON_TRACK",
  owners: ["U0OWNER1"],
  lastUpdateAt: utc("2026-11-20T10:00:00Z"),
  createdAt: utc("2026-01-05T10:00:00Z"),
  ...over,
});
const meeting = (over: Partial<MeetingForPlan> = {}): MeetingForPlan => ({
  id: "m1",
  contractId: "k1",
  startsAt: utc("2026-12-07T09:00:00Z"), // Monday 7 Dec 2026 10:00 Paris
  channelId: "C0COPIL",
  attendees: ["U0ATT1", "U0ATT2"],
  createdAt: utc("2026-10-01T10:00:00Z"),
  ...over,
});
const plan = (now: string, over: Partial<PlanInput> = {}) =>
  planDueDeliveries({
    now: utc(now),
    settings: S,
    commitments: [],
    meetings: [],
    coordinators: [],
    snoozes: [],
    ...over,
  });
const keys = (now: string, over: Partial<PlanInput> = {}) =>
  plan(now, over)
    .map((d) => d.key)
    .sort();

describe("delivery keys", () => {
  const refs: ReminderRef[] = [
    { kind: "meeting", daysBefore: 7, meetingId: "m1", target: "C0COPIL" },
    { kind: "checkin", meetingId: "m1", ownerId: "U1" },
    { kind: "deadline", daysBefore: 30, commitmentId: "c1", ownerId: "U1", dueOn: "2026-12-15" },
    { kind: "overdue", commitmentId: "c1", ownerId: "U1", n: 3 },
    { kind: "overdue-cc", commitmentId: "c1", coordinatorId: "U2", n: 2 },
    { kind: "digest", isoWeek: "2026-W48", target: "U2" },
  ];
  it.each(refs)("$kind round-trips, also when snoozed twice", (ref) => {
    expect(parseDeliveryKey(deliveryKey({ ref, snoozedUntil: [] }))).toEqual({ ref, snoozedUntil: [] });
    const snoozed = { ref, snoozedUntil: ["20261124T0800Z", "20261201T0800Z"] };
    expect(parseDeliveryKey(deliveryKey(snoozed))).toEqual(snoozed);
  });
  it("has the documented shapes", () => {
    expect(refs.map((ref) => deliveryKey({ ref, snoozedUntil: [] }))).toEqual([
      "meeting-j7:m1:C0COPIL",
      "checkin:m1:U1",
      "deadline-j30:c1:U1:2026-12-15",
      "overdue:c1:U1:3",
      "overdue-cc:c1:U2:2",
      "digest:2026-W48:U2",
    ]);
  });
  it.each(["", "nope", "meeting-j7:m1", "overdue:c1:U1:x", "digest:2026-W48:U2:snoozed-tomorrow", "checkin::U1"])(
    "rejects %j",
    (key) => {
      expect(parseDeliveryKey(key)).toBeNull();
    },
  );
});

describe("deadline reminders: only the most recent one that fell due", () => {
  const c = commitment(); // due Tuesday 15 Dec 2026
  it.each([
    ["2026-11-15T07:59:00Z", []], // J-30 is Monday 16 Nov 09:00 Paris (moved from Sunday 15)
    ["2026-11-16T08:00:00Z", ["deadline-j30:c1:U0OWNER1:2026-12-15"]],
    ["2026-12-08T08:00:00Z", ["deadline-j7:c1:U0OWNER1:2026-12-15"]],
    // Down from 1 Nov to 14 Dec 10:00: J-30, J-7 and J-1 all fell due; only J-1 is planned.
    ["2026-12-14T09:00:00Z", ["deadline-j1:c1:U0OWNER1:2026-12-15"]],
    ["2026-12-22T08:00:00Z", ["overdue:c1:U0OWNER1:1"]],
    // Week 2 overdue: the coordinator is copied.
    ["2026-12-29T08:00:00Z", ["overdue-cc:c1:U0COORD:2", "overdue:c1:U0OWNER1:2"]],
    // After a long outage: the latest weekly occurrence only.
    ["2027-02-03T12:00:00Z", ["overdue-cc:c1:U0COORD:7", "overdue:c1:U0OWNER1:7"]],
  ])("at %s", (now, expected) => {
    const got = keys(now, { commitments: [c], coordinators: ["U0COORD"] }).filter((k) => !k.startsWith("digest:"));
    expect(got).toEqual(expected);
  });

  it("sends nothing for closed, undated or ownerless commitments", () => {
    const now = "2026-12-14T09:00:00Z";
    for (const over of [{ status: "DONE" as const }, { status: "DROPPED" as const }, { dueOn: null }, { owners: [] }]) {
      expect(keys(now, { commitments: [commitment(over)] })).toEqual([]);
    }
  });

  it("writes one key per owner", () => {
    expect(keys("2026-12-14T09:00:00Z", { commitments: [commitment({ owners: ["U0A", "U0B"] })] })).toEqual([
      "deadline-j1:c1:U0A:2026-12-15",
      "deadline-j1:c1:U0B:2026-12-15",
    ]);
  });
});

describe("meeting reminders", () => {
  const m = meeting();
  it("J-7 at 09:00 Paris on Monday 30 Nov, to the channel and each attendee", () => {
    expect(keys("2026-11-30T07:59:00Z", { meetings: [m] })).toEqual([]);
    expect(keys("2026-11-30T08:00:00Z", { meetings: [m] })).toEqual([
      "meeting-j7:m1:C0COPIL",
      "meeting-j7:m1:U0ATT1",
      "meeting-j7:m1:U0ATT2",
    ]);
  });
  it("J-1 of a Monday meeting goes on the Friday before; a catch-up after J-1 sends J-1 only", () => {
    expect(keys("2026-12-04T08:00:00Z", { meetings: [m] })).toEqual([
      "meeting-j1:m1:C0COPIL",
      "meeting-j1:m1:U0ATT1",
      "meeting-j1:m1:U0ATT2",
    ]);
  });
  it("nothing once the meeting has started", () => {
    expect(keys("2026-12-07T09:00:00Z", { meetings: [m] })).toEqual([]);
  });
  it("a meeting without a channel reminds its attendees only; an attendee listed twice gets one", () => {
    expect(
      keys("2026-12-04T08:00:00Z", { meetings: [meeting({ channelId: null, attendees: ["U0ATT1", "U0ATT1"] })] }),
    ).toEqual(["meeting-j1:m1:U0ATT1"]);
  });
});

describe("pre-meeting check-in", () => {
  const m = meeting(); // check-in 5 working days before Monday 7 Dec = Monday 30 Nov 09:00
  const silent = commitment({
    id: "c2",
    owners: ["U0SILENT"],
    lastUpdateAt: utc("2026-10-01T10:00:00Z"),
    dueOn: "2027-06-30",
  });
  const never = commitment({ id: "c3", owners: ["U0NEVER"], lastUpdateAt: null, dueOn: null });
  const recent = commitment({ id: "c4", owners: ["U0RECENT"], lastUpdateAt: utc("2026-11-25T10:00:00Z"), dueOn: null });
  const other = commitment({ id: "c5", contractId: "k2", owners: ["U0OTHER"], lastUpdateAt: null, dueOn: null });
  it("asks owners of commitments silent for 30 days, of the meeting's contract", () => {
    const got = keys("2026-11-30T08:00:00Z", {
      meetings: [{ ...m, channelId: null, attendees: [] }],
      commitments: [silent, never, recent, other],
    });
    expect(got).toEqual(["checkin:m1:U0NEVER", "checkin:m1:U0SILENT"]);
  });
});

describe("weekly digest", () => {
  const over = { coordinators: ["U0COORD"], digestChannel: "C0DIGEST" };
  it("Monday 08:30 Paris, to each coordinator and the channel", () => {
    expect(keys("2026-11-23T07:29:00Z", over)).toEqual([]);
    expect(keys("2026-11-23T07:30:00Z", over)).toEqual(["digest:2026-W48:C0DIGEST", "digest:2026-W48:U0COORD"]);
  });
  it("the week's digest is still planned later in the week (catch-up), never a past week's", () => {
    expect(keys("2026-11-27T16:00:00Z", over)).toEqual(["digest:2026-W48:C0DIGEST", "digest:2026-W48:U0COORD"]);
    // Sunday night: week 48 still; Monday 00:10 Paris: week 49 not due yet, week 48 no longer planned.
    expect(keys("2026-11-29T23:10:00Z", over)).toEqual([]);
  });
  it.each([
    ["Easter Monday 2026 → Tuesday 7 April 09:00 (+02:00)", "2026-04-07T06:59:00Z", "2026-04-07T07:00:00Z", "2026-W15"],
    ["Whit Monday 2026 → Tuesday 26 May 09:00", "2026-05-26T06:59:00Z", "2026-05-26T07:00:00Z", "2026-W22"],
    [
      "spring forward 2026: Monday 30 March 08:30 is 06:30Z",
      "2026-03-30T06:29:00Z",
      "2026-03-30T06:30:00Z",
      "2026-W14",
    ],
    ["fall back 2026: Monday 26 October 08:30 is 07:30Z", "2026-10-26T07:29:00Z", "2026-10-26T07:30:00Z", "2026-W44"],
    [
      "spring forward 2027: Easter Monday 29 March → Tuesday 30 March 09:00 +02:00",
      "2027-03-30T06:59:00Z",
      "2027-03-30T07:00:00Z",
      "2027-W13",
    ],
    [
      "fall back 2027: Toussaint Monday 1 November → Tuesday 2 November 09:00 +01:00",
      "2027-11-02T07:59:00Z",
      "2027-11-02T08:00:00Z",
      "2027-W44",
    ],
  ])("%s", (_label, before, at, week) => {
    expect(keys(before, { coordinators: ["U0C"] })).toEqual([]);
    expect(keys(at, { coordinators: ["U0C"] })).toEqual([`digest:${week}:U0C`]);
  });
});

describe("deadline reminders across DST weekends", () => {
  it.each([
    // Due Monday 30 March 2026: J-1 Sunday 29 → Monday 30 09:00 +02:00 = 07:00Z.
    ["2026-03-30", "2026-03-30T06:59:00Z", "2026-03-30T07:00:00Z", "deadline-j1"],
    // Due Monday 26 October 2026: J-1 Sunday 25 (fall back) → Monday 26 09:00 +01:00 = 08:00Z.
    ["2026-10-26", "2026-10-26T07:59:00Z", "2026-10-26T08:00:00Z", "deadline-j1"],
    // Due Monday 29 March 2027 (Easter Monday; spring forward the day before): J-1 Sunday → the working day
    // before, Friday 26 March 09:00 +01:00 = 08:00Z (a reminder caught up after the due date is obsolete).
    ["2027-03-29", "2027-03-26T07:59:00Z", "2027-03-26T08:00:00Z", "deadline-j1"],
    // Due Sunday 31 October 2027 (fall back that night): J-1 Saturday → Friday 29 October 09:00 +02:00 = 07:00Z.
    ["2027-10-31", "2027-10-29T06:59:00Z", "2027-10-29T07:00:00Z", "deadline-j1"],
  ])("due %s: nothing new at %s, sent at %s", (dueOn, before, at, kind) => {
    const c = commitment({ dueOn });
    const beforeKeys = keys(before, { commitments: [c] });
    const atKeys = keys(at, { commitments: [c] });
    expect(atKeys).toHaveLength(1);
    expect(atKeys[0]?.startsWith(kind)).toBe(true);
    expect(beforeKeys).not.toEqual(atKeys);
    for (const d of plan(at, { commitments: [c] })) {
      const local = d.dueAt.toLocaleString("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });
      expect(local).toBe("09:00");
    }
  });
});

describe("snoozes", () => {
  it("re-plans the one snoozed reminder at its time, under a key of its own", () => {
    const key = "deadline-j7:c1:U0OWNER1:2026-12-15";
    const until = utc("2026-12-09T08:00:00Z");
    const over = { snoozes: [{ key, until }] };
    expect(keys("2026-12-09T07:59:00Z", over)).toEqual([]);
    const [d] = plan("2026-12-09T08:00:00Z", over);
    expect(d?.key).toBe(`${key}:snoozed-${compactInstant(until)}`);
    expect(d?.kind).toBe("deadline-j7:snoozed");
    expect(d?.target).toBe("U0OWNER1");
  });
  it("« demain » is the next working day at 09:00, « dans une semaine » 7 days later (working day)", () => {
    // Friday 4 Dec 2026 15:00 Paris → Monday 7 Dec 09:00; a week → Friday 11 Dec 09:00.
    expect(snoozeUntil(utc("2026-12-04T14:00:00Z"), "day", S).toISOString()).toBe("2026-12-07T08:00:00.000Z");
    expect(snoozeUntil(utc("2026-12-04T14:00:00Z"), "week", S).toISOString()).toBe("2026-12-11T08:00:00.000Z");
    // Thursday 24 Dec → Noël → Monday 28 Dec.
    expect(snoozeUntil(utc("2026-12-24T10:00:00Z"), "day", S).toISOString()).toBe("2026-12-28T08:00:00.000Z");
  });
});

describe("a check-in belongs to its meeting's check-in slot (issue 16)", () => {
  // Monday 10 May 2027 10:00 Paris; 5 working days before (Ascension on Thursday 6 May) = Friday 30 April 09:00.
  const m = meeting({ startsAt: utc("2027-05-10T08:00:00Z"), channelId: null, attendees: [] });
  const slot = "2027-04-30T07:00:00Z";
  // Reported 28 days before the slot: not silent at the slot; the 30 days are reached on Sunday 2 May.
  const reported = commitment({ owners: ["U0OWNER1"], dueOn: null, lastUpdateAt: utc("2027-04-02T07:00:00Z") });
  const silent = commitment({ id: "c2", owners: ["U0SILENT"], dueOn: null, lastUpdateAt: utc("2027-03-01T10:00:00Z") });

  it("an owner who reported 28 days before the slot is not asked, not at the slot, not when silence reaches 30 days", () => {
    const over = { meetings: [m], commitments: [reported, silent] };
    expect(keys(slot, over)).toEqual(["checkin:m1:U0SILENT"]);
    // Saturday 1 May (holiday) and Sunday 2 May 10:01: the silence reached 30 days, nothing new is owed, and
    // nothing is caught up on a holiday or a weekend.
    expect(keys("2027-05-01T08:01:00Z", over)).toEqual([]);
    expect(keys("2027-05-02T08:01:00Z", over)).toEqual([]);
    // Monday 3 May 09:00: the slot's check-in (already sent: its key is in the Delivery table) and nothing else.
    expect(keys("2027-05-03T07:00:00Z", over)).toEqual(["checkin:m1:U0SILENT"]);
    expect(plan("2027-05-03T07:00:00Z", over)[0]?.dueAt.toISOString()).toBe("2027-04-30T07:00:00.000Z");
  });
  it("an owner silent at the slot who reported since is not asked on a later pass", () => {
    const since = { ...silent, lastUpdateAt: utc("2027-04-30T12:00:00Z") };
    expect(keys("2027-05-03T07:00:00Z", { meetings: [m], commitments: [since] })).toEqual([]);
  });
  it("a commitment never updated is silent from its creation, not forever", () => {
    const fresh = commitment({
      owners: ["U0NEW"],
      dueOn: null,
      lastUpdateAt: null,
      createdAt: utc("2027-04-10T10:00:00Z"),
    });
    const old = commitment({
      id: "c2",
      owners: ["U0OLD"],
      dueOn: null,
      lastUpdateAt: null,
      createdAt: utc("2027-03-10T10:00:00Z"),
    });
    expect(keys(slot, { meetings: [m], commitments: [fresh, old] })).toEqual(["checkin:m1:U0OLD"]);
  });
});

describe("a reminder whose instant passed before its subject existed is not owed (issue 16)", () => {
  it("a commitment created Wednesday 14:55, due 18 days later, gets no J-30 at creation; J-7 at 09:00", () => {
    // Wednesday 2 December 2026 14:55 Paris; due Sunday 20 December. J-30 was 20 November.
    const c = commitment({ dueOn: "2026-12-20", createdAt: utc("2026-12-02T13:55:00Z") });
    expect(keys("2026-12-02T13:56:00Z", { commitments: [c] })).toEqual([]);
    expect(keys("2026-12-11T07:59:00Z", { commitments: [c] })).toEqual([]);
    // J-7 = Sunday 13 → Monday 14 December 09:00.
    expect(keys("2026-12-14T08:00:00Z", { commitments: [c] })).toEqual(["deadline-j7:c1:U0OWNER1:2026-12-20"]);
  });
  it("a commitment created already overdue waits for its next weekly reminder", () => {
    // Due 1 December 2026; overdue #1 on Tuesday 8 Dec 09:00. Created Wednesday 9 December.
    const c = commitment({ dueOn: "2026-12-01", createdAt: utc("2026-12-09T10:00:00Z") });
    expect(keys("2026-12-09T10:01:00Z", { commitments: [c] })).toEqual([]);
    expect(keys("2026-12-15T08:00:00Z", { commitments: [c] })).toEqual(["overdue:c1:U0OWNER1:2"]);
  });
  it("a meeting scheduled 3 days ahead gets no J-7 and no check-in, only its J-1", () => {
    // Monday 7 December 10:00; created Friday 4 December 11:00, after J-7 (30 Nov) and the check-in (30 Nov).
    const m = meeting({ channelId: "C0COPIL", attendees: [], createdAt: utc("2026-12-04T10:00:00Z") });
    const silent = commitment({ dueOn: null, lastUpdateAt: null });
    const over = { meetings: [m], commitments: [silent] };
    expect(keys("2026-12-04T10:01:00Z", over)).toEqual([]);
    // J-1 of a Monday meeting = Friday 4 December 09:00: before the meeting was created, not owed either.
    expect(keys("2026-12-06T10:00:00Z", over)).toEqual([]);
    const later = meeting({ channelId: "C0COPIL", attendees: [], createdAt: utc("2026-12-02T10:00:00Z") });
    expect(keys("2026-12-04T08:00:00Z", { meetings: [later] })).toEqual(["meeting-j1:m1:C0COPIL"]);
  });
});

describe("decent hours: what fell due while Vigie was down waits for a working day outside quiet hours (issue 10)", () => {
  const c = commitment(); // due Tuesday 15 December 2026: J-7 on Tuesday 8 December 09:00
  const j7 = ["deadline-j7:c1:U0OWNER1:2026-12-15"];
  it.each([
    ["at its own slot, Tuesday 09:00", "2026-12-08T08:00:00Z", j7],
    ["29 minutes late (a slow pass, a retry)", "2026-12-08T08:29:00Z", j7],
    ["caught up at 15:00 the same working day", "2026-12-08T14:00:00Z", j7],
    ["not at 20:00 (quiet hours 19:00-09:00)", "2026-12-08T19:00:00Z", []],
    ["not at 02:30 in the night", "2026-12-09T01:30:00Z", []],
    ["not at 08:59 the next morning", "2026-12-09T07:59:00Z", []],
    ["at 09:00 the next working day", "2026-12-09T08:00:00Z", j7],
  ])("%s", (_label, now, expected) => {
    expect(keys(now, { commitments: [c] })).toEqual(expected);
  });
  it("after a stop from Friday evening, nothing on Saturday night or Sunday; Monday 09:00", () => {
    const fri = commitment({ dueOn: "2026-12-18" }); // J-7 Friday 11 December 09:00
    for (const now of ["2026-12-11T20:00:00Z", "2026-12-12T22:00:00Z", "2026-12-13T10:00:00Z"])
      expect(keys(now, { commitments: [fri] })).toEqual([]);
    expect(keys("2026-12-14T08:00:00Z", { commitments: [fri] })).toEqual(["deadline-j7:c1:U0OWNER1:2026-12-18"]);
  });
  it("after a 3-day stop over Christmas (Thursday 24 to Sunday 27), the latest reminder on Monday 28 at 09:00", () => {
    const xmas = commitment({ dueOn: "2026-12-28" }); // J-1 on Sunday 27 → Thursday 24 (Friday 25 is Noël)
    expect(keys("2026-12-26T09:00:00Z", { commitments: [xmas] })).toEqual([]);
    expect(keys("2026-12-28T08:00:00Z", { commitments: [xmas] })).toEqual(["deadline-j1:c1:U0OWNER1:2026-12-28"]);
  });
  it("configurable quiet hours", () => {
    const late = makeScheduleSettings({ quietHours: "22:00-07:00" });
    const at = (now: string) =>
      planDueDeliveries({
        now: utc(now),
        settings: late,
        commitments: [c],
        meetings: [],
        coordinators: [],
        snoozes: [],
      });
    expect(at("2026-12-08T20:00:00Z").map((d) => d.key)).toEqual(j7); // 21:00 Paris
    expect(at("2026-12-08T21:00:00Z")).toEqual([]); // 22:00 Paris
    expect(() => makeScheduleSettings({ quietHours: "22h-7h" })).toThrow(/HH:mm/);
  });
});

describe("the configured reminder hour is honoured every day (issue 16)", () => {
  const early = makeScheduleSettings({ reminderHour: "02:30" });
  it.each([
    // An ordinary winter Tuesday, the days either side of both 2026 changes, and the autumn repeated hour.
    ["2026-12-08", "2026-12-08T01:30:00.000Z"],
    ["2026-03-27", "2026-03-27T01:30:00.000Z"],
    ["2026-03-30", "2026-03-30T00:30:00.000Z"],
    ["2026-10-23", "2026-10-23T00:30:00.000Z"],
    ["2026-10-26", "2026-10-26T01:30:00.000Z"],
  ])("J-7 of a commitment due 7 days after %s is sent at 02:30 Paris: %s", (day, iso) => {
    const dueOn = new Date(Date.parse(`${day}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const c = commitment({ dueOn });
    const got = planDueDeliveries({
      now: utc(iso),
      settings: early,
      commitments: [c],
      meetings: [],
      coordinators: [],
      snoozes: [],
    }).filter((d) => d.ref.kind === "deadline");
    expect(got.map((d) => [d.kind, d.dueAt.toISOString()])).toEqual([["deadline-j7", iso]]);
    const before = planDueDeliveries({
      now: new Date(Date.parse(iso) - 60_000),
      settings: early,
      commitments: [c],
      meetings: [],
      coordinators: [],
      snoozes: [],
    }).filter((d) => d.ref.kind === "deadline" && d.ref.daysBefore === 7);
    expect(before).toEqual([]);
  });
});

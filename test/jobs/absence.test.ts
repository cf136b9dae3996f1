// Away mode in the scheduler (issue 10), on fixed clocks: while a person is away their reminders go to their
// stand-in, folded into the stand-in's own message « en remplacement de … »; with no stand-in they are recorded
// as skipped and the coordinators' digest lists what waits; meeting reminders to an absent attendee are
// skipped. Every key is recorded once, with its outcome.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/slack/ids.js";
import { buttonPayload } from "../support/progress-fixtures.js";
import { blocksText, buttonsOf, COORDINATOR, startTestApp, type TestApp } from "../support/test-app.js";
import { addCommitment, addMeeting, clearScheduling, keysOf, postsOf } from "./fixtures.js";

const AWAY = "U0AWAY";
const STAND = "U0STAND";
const NOW = new Date("2026-12-08T14:00:00Z"); // the listeners' clock: Tuesday 8 December 2026, 15:00 Paris

let t: TestApp;
const at = (iso: string) => new Date(iso);
const pass = (iso: string) => t.vigie.scheduler.runPass(at(iso));
const prisma = () => t.db.prisma;
const postsTo = (channel: string) => postsOf(t.slack.calls).filter((c) => c.params.channel === channel);
const away = (userId: string, standInId: string | null, startsOn = "2026-12-01", endsOn = "2026-12-31") =>
  t.vigie.deps.store.absences.declare({ userId, startsOn, endsOn, standInId, by: userId }, "2026-11-30", NOW);

beforeAll(async () => {
  t = await startTestApp({ now: () => NOW, env: { CSI_DIGEST_CHANNEL: "C0DIGEST" } });
});
afterAll(() => t.stop());
beforeEach(async () => {
  await clearScheduling(prisma());
  await prisma().absence.deleteMany();
  t.slack.reset();
});

describe("a person away with a stand-in", () => {
  it("their reminders reach the stand-in, folded with the stand-in's own in one message « en remplacement de … »", async () => {
    await away(AWAY, STAND);
    const a1 = await addCommitment(prisma(), { dueOn: "2026-12-01", owners: [AWAY], title: "Vidéoprotection" });
    const a2 = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: [AWAY], title: "Éclairage public" });
    const own = await addCommitment(prisma(), { dueOn: "2026-12-01", owners: [STAND], title: "Médiation" });
    const report = await pass("2026-12-08T08:00:00Z");

    expect(postsTo(AWAY)).toHaveLength(0);
    const mine = postsTo(STAND);
    expect(mine).toHaveLength(1);
    expect(keysOf(mine[0]!).sort()).toEqual(
      [`overdue:${a1}:${AWAY}:1`, `deadline-j7:${a2}:${AWAY}:2026-12-15`, `overdue:${own}:${STAND}:1`].sort(),
    );
    const text = blocksText(mine[0]!.params);
    expect(text).toContain(
      `:busts_in_silhouette: En remplacement de <@${AWAY}> : vous recevez ses rappels pendant son absence.`,
    );
    expect(text).toContain("3 engagements demandent votre attention : 2 en retard, 1 à échéance proche.");
    // Each of the absent owner's sections says so; the stand-in's own does not.
    expect(text.split(`_:busts_in_silhouette: En remplacement de <@${AWAY}>._`)).toHaveLength(3);
    expect(String(mine[0]!.params.text)).toContain("En remplacement");
    // Recorded under their own keys, sent to the stand-in.
    const rows = await prisma().delivery.findMany({ where: { key: { contains: AWAY } } });
    expect(rows.map((r) => [r.state, r.target, r.channel])).toEqual([
      ["SENT", STAND, STAND],
      ["SENT", STAND, STAND],
    ]);
    expect(report.away).toBe(0);
    t.slack.reset();
    expect(await pass("2026-12-08T08:20:00Z")).toMatchObject({ sent: 0 });
    expect(postsOf(t.slack.calls)).toHaveLength(0);
  });

  it("the stand-in may snooze what they received, and update the absent owner's commitment", async () => {
    await away(AWAY, STAND);
    const id = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: [AWAY] });
    await pass("2026-12-08T08:00:00Z");
    const [message] = postsTo(STAND);
    const snooze = buttonsOf(message!.params).find((b) => b.action_id === ACTIONS.snoozeDay);
    const responseId = randomUUID();
    await t.interact(
      buttonPayload({
        actionId: ACTIONS.snoozeDay,
        value: snooze?.value ?? "",
        userId: STAND,
        responseUrl: t.slack.responseUrl(responseId),
      }),
    );
    expect(String((await t.slack.waitForResponse(responseId)).params.text)).toContain("C'est noté");
    expect(await prisma().snooze.count({ where: { key: `deadline-j7:${id}:${AWAY}:2026-12-15` } })).toBe(1);
    // Someone else may not.
    const other = randomUUID();
    await t.interact(
      buttonPayload({
        actionId: ACTIONS.snoozeDay,
        value: snooze?.value ?? "",
        userId: "U0INTRUS",
        responseUrl: t.slack.responseUrl(other),
      }),
    );
    expect(String((await t.slack.waitForResponse(other)).params.text)).toContain("Ce rappel ne vous est pas adressé");

    // « Toujours en cours » from the stand-in is recorded on the absent owner's commitment.
    const still = buttonsOf(message!.params).find((b) => b.action_id === ACTIONS.stillOnTrack);
    const click = randomUUID();
    await t.interact(
      buttonPayload({
        actionId: ACTIONS.stillOnTrack,
        value: still?.value ?? "",
        userId: STAND,
        responseUrl: t.slack.responseUrl(click),
      }),
    );
    await t.slack.waitForResponse(click);
    expect(await prisma().progressUpdate.count({ where: { commitmentId: id, authorId: STAND } })).toBe(1);
  });

  it("pre-meeting check-ins go to the stand-in; a meeting reminder to the absent attendee is skipped", async () => {
    await away(AWAY, STAND);
    const silent = await addCommitment(prisma(), {
      dueOn: null,
      owners: [AWAY],
      lastUpdateAt: at("2026-09-01T10:00:00Z"),
    });
    // A COPIL on Tuesday 15 December 10:00: its J-7 and the owners' check-in (5 working days before) on the 8th.
    const m = await addMeeting(prisma(), { startsAt: at("2026-12-15T09:00:00Z"), attendees: [AWAY, "U0THERE"] });
    const report = await pass("2026-12-08T08:00:00Z");
    expect(
      postsOf(t.slack.calls, "meeting-j7")
        .map((c) => c.params.channel)
        .sort(),
    ).toEqual(["C0COPIL", "U0THERE"]);
    expect(await prisma().delivery.findUnique({ where: { key: `meeting-j7:${m}:${AWAY}` } })).toMatchObject({
      state: "SKIPPED",
      error: "away until 2026-12-31 (not forwarded to the stand-in)",
      ts: null,
    });
    const checkin = postsOf(t.slack.calls, "checkin");
    expect(checkin.map((c) => c.params.channel)).toEqual([STAND]);
    expect(keysOf(checkin[0]!)).toEqual([`checkin:${m}:${AWAY}`]);
    expect(blocksText(checkin[0]!.params)).toContain(`En remplacement de <@${AWAY}>`);
    expect(report.away).toBe(1);
    expect(silent).toBeTruthy();
  });
});

describe("a person away with no stand-in", () => {
  it("gets nothing; each reminder is recorded as skipped once; the coordinators' digest lists what waits for them", async () => {
    await away(AWAY, null);
    const late = await addCommitment(prisma(), { dueOn: "2026-11-23", owners: [AWAY], title: "Vidéoprotection" });
    const shared = await addCommitment(prisma(), { dueOn: "2026-11-23", owners: [AWAY, "U0THERE"], title: "Partagé" });
    // Monday 7 December 2026: the weekly digest at 08:30 Paris; overdue reminders at 09:00 (2nd week of `late`).
    await pass("2026-12-07T07:30:00Z");
    const digest = postsOf(t.slack.calls, "digest").find((c) => c.params.channel === COORDINATOR);
    const text = blocksText(digest!.params);
    expect(text).toContain(":palm_tree: Pilotes absents, sans remplaçant* (1)");
    expect(text).toContain(`En attente du retour de <@${AWAY}> (absence jusqu'au jeudi 31 décembre 2026 inclus) :`);
    const ref = (await prisma().commitment.findUniqueOrThrow({ where: { id: late } })).ref;
    const sharedRef = (await prisma().commitment.findUniqueOrThrow({ where: { id: shared } })).ref;
    const section = text.slice(text.indexOf("Pilotes absents"));
    expect(section.slice(0, section.indexOf("\n*"))).toContain(ref);
    // Followed by an owner who is there: not waiting.
    expect(section.slice(0, section.indexOf("\n*"))).not.toContain(sharedRef);

    t.slack.reset();
    const report = await pass("2026-12-07T08:00:00Z");
    expect(postsTo(AWAY)).toHaveLength(0);
    expect(postsTo("U0THERE")).toHaveLength(1);
    expect(report.away).toBe(2);
    const skipped = await prisma().delivery.findMany({ where: { key: { contains: AWAY } }, orderBy: { key: "asc" } });
    expect(skipped.map((r) => [r.key, r.state, r.error])).toEqual(
      [
        [`overdue:${late}:${AWAY}:2`, "SKIPPED", "away until 2026-12-31, no stand-in"],
        [`overdue:${shared}:${AWAY}:2`, "SKIPPED", "away until 2026-12-31, no stand-in"],
      ].sort(),
    );
    expect(await pass("2026-12-07T08:10:00Z")).toMatchObject({ away: 0, sent: 0 });
  });

  it("reminders start again on the day after the absence", async () => {
    await away(AWAY, null, "2026-12-01", "2026-12-07");
    const id = await addCommitment(prisma(), { dueOn: "2026-12-15", owners: [AWAY] });
    await pass("2026-12-08T08:00:00Z");
    expect(postsTo(AWAY).flatMap(keysOf)).toEqual([`deadline-j7:${id}:${AWAY}:2026-12-15`]);
  });
});

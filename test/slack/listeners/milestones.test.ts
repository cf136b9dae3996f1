// Decisions lead somewhere, over signed HTTP: a meeting's decision makes a dated milestone; its owner dates the
// other one and ticks the first off (a double click records once); the other owner and a follower are told by
// DM; the sheet, the history, the digest and the journal all say it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import { formMetadata, submitView, viewSubmission } from "../../support/coordinator-payloads.js";
import { insertMeeting } from "../../support/fixtures.js";
import { addFollower, buttonPayload, withOwners } from "../../support/progress-fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp, warmUp } from "../../support/test-app.js";

const OWNER = "U0OWNER01";
const OTHER_OWNER = "U0OWNER02";
const FOLLOWER = "U0FOLLOW1";
const ENGLISH_FOLLOWER = "U0FOLLOWEN"; // Slack says this one reads English
const MEMBER = "U0MEMBER1";

let t: TestApp;
let commitmentId: string;
beforeAll(async () => {
  t = await startTestApp();
  // The first request loads every module: on a loaded machine it can pass Slack's 3 seconds.
  await warmUp(t);
  const c = await withOwners(t, "ETAT-08", OWNER, OTHER_OWNER);
  commitmentId = c.id;
  await addFollower(t, c.id, FOLLOWER);
  await addFollower(t, c.id, ENGLISH_FOLLOWER);
  t.slack.on("users.info", (p) => ({
    body: { ok: true, user: { id: p.user, locale: p.user === ENGLISH_FOLLOWER ? "en-GB" : "fr-FR" } },
  }));
});
afterAll(() => t.stop());

type Json = Record<string, unknown>;
const say = async (text: string, userId = COORDINATOR) => blocksText((await t.commandReply(text, { userId })).params);
const milestones = () => t.db.prisma.milestone.findMany({ where: { commitmentId }, orderBy: { createdAt: "asc" } });
const sheetButtons = async (userId: string) => {
  const reply = await t.commandReply("voir ETAT-08", { userId });
  return (reply.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).flatMap((b) =>
    b.type === "actions" ? (b.elements ?? []) : [],
  );
};
const decide = async (text: string) => {
  const meetingId = await insertMeeting(t.db.prisma, { kind: "COPIL", startsAt: new Date("2026-11-20T09:00:00Z") });
  return submitView(
    t,
    viewSubmission({
      userId: COORDINATOR,
      callbackId: CALLBACKS.meetingDecisions,
      privateMetadata: formMetadata({ id: meetingId }),
      fields: { [BLOCKS.decisions]: { text } },
    }),
  );
};

describe("a milestone decided in a meeting", () => {
  it("takes the date written in the decision; a date that does not exist is refused inline, nothing stored", async () => {
    const refused = await decide("Bilan → jalon ETAT-08 : bilan d'étape le 31/02/2027");
    expect(refused?.errors[BLOCKS.decisions]).toContain("la date « 31/02/2027 » n'existe pas au calendrier");
    expect(await milestones()).toHaveLength(0);
    expect(
      await decide(
        "Renforcer les patrouilles → jalon ETAT-08 : patrouilles de soirée d'ici le 15 mars 2027\n→ jalon ETAT-08 : bilan annuel",
      ),
    ).toBeNull();
    const [first, second] = await milestones();
    expect(first).toMatchObject({ title: "patrouilles de soirée", dueOn: new Date("2027-03-15T00:00:00Z") });
    expect(second).toMatchObject({ title: "bilan annuel", dueOn: null, doneOn: null });
  });

  it("shows on the sheet with its date in words; owners get « Franchi » and « Dater un jalon », a member does not", async () => {
    const sheet = await say("voir ETAT-08", OWNER);
    expect(sheet).toContain("patrouilles de soirée — prévu le lundi 15 mars 2027");
    expect(sheet).toContain("bilan annuel — sans date");
    const buttons = await sheetButtons(OWNER);
    expect(buttons.filter((b) => b.action_id === ACTIONS.tickMilestone)).toHaveLength(2);
    expect(buttons.some((b) => b.action_id === ACTIONS.openMilestoneDate)).toBe(true);
    const memberButtons = await sheetButtons(MEMBER);
    expect(memberButtons.some((b) => b.action_id === ACTIONS.tickMilestone)).toBe(false);
    expect((await sheetButtons(COORDINATOR)).some((b) => b.action_id === ACTIONS.tickMilestone)).toBe(true);
  });

  it("an owner dates the undated one from the sheet's form; a date outside the contract's years is refused inline", async () => {
    const click = buttonPayload({
      actionId: ACTIONS.openMilestoneDate,
      value: commitmentId,
      userId: OWNER,
      responseUrl: t.slack.responseUrl("date-open"),
    });
    await t.interact(click);
    const opened = await t.slack.waitFor((c) => c.method === "views.open" && c.params.trigger_id === click.trigger_id);
    const view = opened.params.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(CALLBACKS.milestoneDate);
    const [, bilan] = await milestones();
    const submit = (date: string) =>
      submitView(
        t,
        viewSubmission({
          userId: OWNER,
          callbackId: CALLBACKS.milestoneDate,
          privateMetadata: view.private_metadata,
          fields: { [BLOCKS.milestone]: { option: bilan!.id }, [BLOCKS.milestoneDueOn]: { date } },
        }),
      );
    expect((await submit("2045-01-01"))?.errors[BLOCKS.milestoneDueOn]).toContain("Choisissez une date entre");
    expect(await submit("2027-06-30")).toBeNull();
    expect((await milestones())[1]?.dueOn).toEqual(new Date("2027-06-30T00:00:00Z"));
    expect(await say("voir ETAT-08", OWNER)).toContain("bilan annuel — prévu le mercredi 30 juin 2027");
    expect(await say("historique ETAT-08")).toContain(
      `<@${OWNER}> a daté le jalon « bilan annuel » : sans date → mercredi 30 juin 2027`,
    );
  });

  it("a member who forges « Franchi » is refused and nothing is recorded", async () => {
    const [patrols] = await milestones();
    await t.interact(
      buttonPayload({
        actionId: ACTIONS.tickMilestone,
        value: patrols!.id,
        userId: MEMBER,
        responseUrl: t.slack.responseUrl("forged"),
      }),
    );
    expect(blocksText((await t.slack.waitForResponse("forged")).params)).toContain(
      "Seuls les pilotes de *ETAT-08* et la coordination peuvent franchir ou dater ses jalons",
    );
    expect((await milestones())[0]?.doneOn).toBeNull();
  });

  it("ticked off by an owner: a double click records once, the others are told, every surface says it", async () => {
    const [patrols] = await milestones();
    const click = (id: string) =>
      t.interact(
        buttonPayload({
          actionId: ACTIONS.tickMilestone,
          value: patrols!.id,
          userId: OWNER,
          responseUrl: t.slack.responseUrl(id),
        }),
      );
    await Promise.all([click("tick-1"), click("tick-2")]);
    const answers = [
      blocksText((await t.slack.waitForResponse("tick-1")).params),
      blocksText((await t.slack.waitForResponse("tick-2")).params),
    ];
    expect(answers.filter((a) => a.includes("marqué franchi le lundi 23 novembre 2026"))).toHaveLength(1);
    expect(answers.filter((a) => a.includes("est déjà franchi : marqué par"))).toHaveLength(1);
    await t.settled();
    expect(await t.db.prisma.auditEntry.count({ where: { action: "milestone.done" } })).toBe(1);
    expect((await milestones())[0]?.doneOn).toEqual(new Date("2026-11-23T00:00:00Z"));

    const dms = (user: string) =>
      t.slack
        .callsTo("chat.postMessage")
        .filter((c) => c.params.channel === user && blocksText(c.params).includes("Jalon franchi"));
    expect(dms(OTHER_OWNER)).toHaveLength(1);
    expect(dms(FOLLOWER)).toHaveLength(1);
    expect(dms(OWNER)).toHaveLength(0);
    // Each one is told in their own Slack language.
    expect(dms(ENGLISH_FOLLOWER)).toHaveLength(0);
    const english = t.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.params.channel === ENGLISH_FOLLOWER)
      .map((c) => blocksText(c.params));
    expect(english).toHaveLength(1);
    expect(english[0]).toContain(`Milestone reached: “patrouilles de soirée”, marked by <@${OWNER}> on`);
    expect(blocksText(dms(FOLLOWER)[0]!.params as Json)).toContain(
      `« patrouilles de soirée », marqué par <@${OWNER}> le lundi 23 novembre 2026`,
    );

    const sheet = await say("voir ETAT-08", OWNER);
    expect(sheet).toContain(":white_check_mark: patrouilles de soirée — franchi le lundi 23 novembre 2026");
    expect((await sheetButtons(OWNER)).filter((b) => b.action_id === ACTIONS.tickMilestone)).toHaveLength(1);
    expect(await say("historique ETAT-08")).toContain(
      `<@${OWNER}> a marqué le jalon « patrouilles de soirée » comme franchi`,
    );
    const digest = await say("digest");
    expect(digest).toContain("jalon « patrouilles de soirée » franchi");
    expect(digest.match(/jalon « patrouilles de soirée » franchi/g)).toHaveLength(1);
    expect(await say("journal ETAT-08")).toContain("a marqué le jalon « patrouilles de soirée » comme franchi");
  });
});

// A commitment decided in a meeting, followed over signed HTTP until a coordinator completes it: « à compléter »
// on the coordinators' App Home, in /csi liste (and `liste a-completer`), in the digest; completed through the edit
// form, its new owner is told by DM and every surface stops listing it. Also: `liste sans-pilote` with
// « Attribuer », an import telling only the newly named owner, and /csi etat counting requests waiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import {
  appHomeOpened,
  commitmentFields,
  formMetadata,
  sendEvent,
  storedCommitment,
  submitView,
  viewSubmission,
} from "../../support/coordinator-payloads.js";
import { insertMeeting } from "../../support/fixtures.js";
import { progressMetadata, submissionPayload, withOwners } from "../../support/progress-fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp, warmUp } from "../../support/test-app.js";

const MEMBER = "U0MEMBER1";
const OWNER = "U0OWNER01";
const NEW_OWNER = "U0NEWOWN1";

let t: TestApp;
let ref: string;
beforeAll(async () => {
  t = await startTestApp();
  // The first request loads every module: on a loaded machine it can pass Slack's 3 seconds.
  await warmUp(t);
  const meetingId = await insertMeeting(t.db.prisma, { kind: "COPIL", startsAt: new Date("2026-11-20T09:00:00Z") });
  await submitView(
    t,
    viewSubmission({
      userId: COORDINATOR,
      callbackId: CALLBACKS.meetingDecisions,
      privateMetadata: formMetadata({ id: meetingId }),
      fields: { [BLOCKS.decisions]: { text: "→ nouvel engagement VILLE : médiation de nuit place de Genève" } },
    }),
  );
  const decision = await t.db.prisma.decision.findFirstOrThrow({ where: { outcome: "COMMITMENT" } });
  ref = (await t.db.prisma.commitment.findUniqueOrThrow({ where: { id: decision.commitmentId! } })).ref;
});
afterAll(() => t.stop());

type Block = { type: string; text?: { text: string }; accessory?: { action_id: string; value: string } };
const say = async (text: string, userId = COORDINATOR) => blocksText((await t.commandReply(text, { userId })).params);
const homeOf = async (user: string) => {
  const before = t.slack.callsTo("views.publish").length;
  await sendEvent(t, appHomeOpened(user));
  const call = await t.slack.waitFor(
    (c) =>
      c.method === "views.publish" &&
      c.params.user_id === user &&
      t.slack.callsTo("views.publish").indexOf(c) >= before,
  );
  return call.params.view as { blocks: Block[] };
};
const accessoryOf = (blocks: Block[], contains: string) =>
  blocks.find((b) => b.type === "section" && b.text?.text.includes(contains))?.accessory;

describe("a commitment decided in a meeting is « à compléter » until a coordinator completes it", () => {
  it("is on the coordinators' App Home with « Compléter », which opens the edit form", async () => {
    const home = await homeOf(COORDINATOR);
    const text = blocksText(home);
    expect(text).toContain("*À compléter* (1)");
    expect(text).toContain("à compléter : pilote, échéance");
    const complete = accessoryOf(home.blocks, `*${ref}* médiation de nuit`);
    expect(complete?.action_id).toBe(ACTIONS.openEditCommitment);
    expect(blocksText(await homeOf(MEMBER))).not.toContain("À compléter");
  });

  it("is marked in /csi liste and listed by `liste a-completer`, with « Compléter » for a coordinator only", async () => {
    const all = (await t.commandReply("liste ville", { userId: MEMBER })).params.blocks as Block[];
    const line = all.find((b) => b.text?.text.includes(`*${ref}*`))?.text?.text ?? "";
    expect(line).toContain("médiation de nuit");
    expect(line).toContain(":jigsaw: à compléter : pilote, échéance");
    expect(all.filter((b) => b.text?.text.includes("à compléter"))).toHaveLength(1);
    const reply = await t.commandReply("liste a-completer", { userId: COORDINATOR });
    const blocks = reply.params.blocks as Block[];
    expect(blocksText(reply.params)).toContain("Engagements à compléter");
    expect(blocksText(reply.params)).toContain("1 engagement");
    expect(accessoryOf(blocks, ref)?.action_id).toBe(ACTIONS.openEditCommitment);
    const forMember = (await t.commandReply("liste a-completer", { userId: MEMBER })).params.blocks as Block[];
    expect(accessoryOf(forMember, ref)?.action_id).toBe(ACTIONS.showCommitment);
  });

  it("is in the digest's « À compléter » section", async () => {
    const digest = await say("digest");
    expect(digest).toContain("À compléter (décidés en réunion, sans pilote ou sans échéance)");
    expect(digest).toMatch(new RegExp(`\\*${ref}\\*[^\\n]*— :jigsaw: à compléter : pilote, échéance`));
  });

  it("completed through the edit form: the new owner is told, and no surface lists it any more", async () => {
    const c = (await storedCommitment(t, ref))!;
    const answer = await submitView(
      t,
      viewSubmission({
        userId: COORDINATOR,
        callbackId: CALLBACKS.editCommitment,
        privateMetadata: formMetadata({ id: c.id }),
        fields: commitmentFields({
          [BLOCKS.ref]: { text: ref },
          [BLOCKS.title]: { text: "médiation de nuit place de Genève" },
          [BLOCKS.owners]: { users: [NEW_OWNER] },
          [BLOCKS.dueOn]: { date: "2027-06-30" },
          [BLOCKS.indicators]: { text: null },
        }),
      }),
    );
    expect(answer).toBeNull();
    await t.settled();
    const dm = t.slack
      .callsTo("chat.postMessage")
      .filter((m) => m.params.channel === NEW_OWNER && blocksText(m.params).includes("désormais pilote"));
    expect(dm).toHaveLength(1);
    expect(blocksText(dm[0]!.params)).toContain(`*${ref}*`);
    expect(blocksText(await homeOf(COORDINATOR))).not.toContain("À compléter");
    expect(await say("liste a-completer")).toContain("Rien à compléter.");
    expect(await say("liste ville")).not.toContain("à compléter");
    expect(await say("digest")).not.toContain("À compléter (décidés en réunion");
  });
});

describe("/csi liste sans-pilote", () => {
  it("lists open commitments nobody owns; « Attribuer » for coordinators, « Voir » for others", async () => {
    await withOwners(t, "ETAT-01", OWNER);
    const reply = await t.commandReply("liste sans-pilote", { userId: COORDINATOR });
    const text = blocksText(reply.params);
    expect(text).toContain("Engagements sans pilote");
    expect(text).not.toContain("*ETAT-01*");
    expect(text).toContain("*ETAT-02*");
    expect(accessoryOf(reply.params.blocks as Block[], "*ETAT-02*")).toMatchObject({
      action_id: ACTIONS.openEditCommitment,
    });
    const member = (await t.commandReply("liste sans-pilote", { userId: MEMBER })).params.blocks as Block[];
    expect(accessoryOf(member, "*ETAT-02*")?.action_id).toBe(ACTIONS.showCommitment);
  });
});

describe("owners named by an import", () => {
  it("only the newly named owner is told what they now own", async () => {
    await withOwners(t, "ETAT-05", OWNER);
    const preview = (await submitView(
      t,
      viewSubmission({
        userId: COORDINATOR,
        callbackId: CALLBACKS.importCommitments,
        privateMetadata: formMetadata({ contract: "CSI-CHAMBERY" }),
        fields: { [BLOCKS.importLines]: { text: `Référence;Pilotes\nETAT-05;<@${OWNER}>, <@${NEW_OWNER}>` } },
      }),
    )) as unknown as { response_action: string; view: { private_metadata: string } };
    expect(preview.response_action).toBe("update");
    const toOwnerBefore = t.slack.callsTo("chat.postMessage").filter((m) => m.params.channel === OWNER).length;
    expect(
      await submitView(
        t,
        viewSubmission({
          userId: COORDINATOR,
          callbackId: CALLBACKS.confirmImport,
          privateMetadata: preview.view.private_metadata,
          fields: {},
        }),
      ),
    ).toBeNull();
    await t.settled();
    const told = t.slack
      .callsTo("chat.postMessage")
      .filter((m) => m.params.channel === NEW_OWNER && blocksText(m.params).includes("*ETAT-05*"));
    expect(told).toHaveLength(1);
    expect(blocksText(told[0]!.params)).toContain("Vous êtes désormais pilote de l'engagement *ETAT-05*");
    expect(t.slack.callsTo("chat.postMessage").filter((m) => m.params.channel === OWNER)).toHaveLength(toOwnerBefore);
  });
});

describe("/csi etat", () => {
  it("counts the requests waiting for a coordinator", async () => {
    for (const r of ["ETAT-01", "ETAT-05"]) {
      const c = (await storedCommitment(t, r))!;
      await t.interact(
        submissionPayload({
          userId: OWNER,
          privateMetadata: progressMetadata(c.id),
          form: { status: "DONE", progress: "100", evidence: "Bilan signé par les trois parties" },
        }),
      );
    }
    await t.settled();
    expect(await say("etat")).toContain("2 demandes en attente de validation");
  });
});

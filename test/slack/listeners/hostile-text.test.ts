// End to end over signed HTTP: text typed by a person with Slack markup in it reaches followers, the
// author, the coordinators and the channel as plain text — no live mention, no channel ping, no link with
// a label the author chose.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import type { RecordedCall } from "../../support/fake-slack.js";
import { HOSTILE_URL, liveMarkup, mrkdwnTexts } from "../../support/hostile.js";
import {
  addFollower,
  buttonPayload,
  progressMetadata,
  submissionPayload,
  withOwners,
} from "../../support/progress-fixtures.js";
import { blocksText, buttonsOf, COORDINATOR, startTestApp, type TestApp, warmUp } from "../../support/test-app.js";

const OWNER = "U0OWNER01";
const FOLLOWER = "U0FOLLOW1";
const MEMBER = "U0MEMBER1";
const trusted = { users: [OWNER, FOLLOWER, MEMBER, COORDINATOR] };
/** What an author types in a form: the markup of every kind (no e-mail: the confidentiality guard refuses it). */
const TYPED =
  "Bilan <!channel> <!everyone> <@UEVIL0001> <#CEVIL0003|general> <!subteam^SEVIL0004> " +
  "<https://evil.example/x|Justificatif officiel> & fin";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await warmUp(t);
});
afterAll(() => t.stop());

const dmTo = (userId: string, match: (text: string) => boolean) =>
  t.slack.waitFor((c) => c.method === "chat.postMessage" && c.params.channel === userId && match(blocksText(c.params)));
const live = (call: RecordedCall) => mrkdwnTexts(call.params).flatMap((s) => liveMarkup(s, trusted));

describe("person-typed text relayed by Vigie", () => {
  it("a progress update with markup reaches the follower, the author and the coordinators as plain text", async () => {
    const c = await withOwners(t, "VILLE-04", OWNER);
    await addFollower(t, c.id, FOLLOWER);
    const res = await t.interact(
      submissionPayload({
        userId: OWNER,
        privateMetadata: progressMetadata(c.id),
        form: {
          status: "DONE",
          progress: "100",
          comment: TYPED,
          nextStep: TYPED,
          blockers: TYPED,
          evidenceUrl: HOSTILE_URL,
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    const follower = await dmTo(FOLLOWER, (s) => s.includes("VILLE-04"));
    const author = await dmTo(OWNER, (s) => s.includes("VILLE-04"));
    const coordinator = await dmTo(COORDINATOR, (s) => s.includes("déclare *VILLE-04* réalisé"));
    for (const call of [follower, author, coordinator]) {
      const text = blocksText(call.params);
      expect(text).toContain("&lt;!channel&gt;");
      expect(text).toContain("&lt;https://evil.example/x|Justificatif officiel&gt;");
      // The evidence is shown as its address, its `|` kept inside it: no label chosen by the author.
      expect(text).toContain("<https://evil.example/x%7CJustificatif_officiel>");
      expect(live(call)).toEqual([]);
    }
  });

  it("« Partager » posts the typed command text in the channel as plain text", async () => {
    const answer = (await t.commandReply(`cherche ${TYPED}`, { userId: MEMBER })).params;
    const share = buttonsOf(answer).find((b) => b.action_id === ACTIONS.share);
    expect(share).toBeDefined();
    const responseId = randomUUID();
    const res = await t.interact(
      buttonPayload({
        actionId: ACTIONS.share,
        value: share?.value,
        userId: MEMBER,
        responseUrl: t.slack.responseUrl(responseId),
        channelId: "C0COPIL",
        ephemeral: true,
      }),
    );
    expect(res.status).toBe(200);
    const posted = await t.slack.waitForResponse(responseId);
    expect(posted.params.response_type).toBe("in_channel");
    expect(blocksText(posted.params)).toContain("Partagé par <@U0MEMBER1> depuis `/csi cherche Bilan &lt;!channel&gt;");
    expect(live(posted)).toEqual([]);
    expect(mrkdwnTexts(answer).flatMap((s) => liveMarkup(s, trusted))).toEqual([]);
  });
});

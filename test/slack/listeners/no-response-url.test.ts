// Payloads without a response_url, signed as Slack signs them: Bolt then gives listeners no `respond`. Each answer
// still reaches the person (by direct message, or in the channel for « Partager »), and nothing fails with
// « respond is not a function ».
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import { buttonPayload } from "../../support/progress-fixtures.js";
import { slackSignatureHeaders } from "../../support/slack-signature.js";
import {
  blocksText,
  buttonsOf,
  type ShownButton,
  startTestApp,
  TEST_SIGNING_SECRET,
  type TestApp,
} from "../../support/test-app.js";

let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ logLines });
});
afterAll(() => t.stop());

/** A click on a message in #copil-csi, as Slack sends it, but with its response_url taken out. */
async function clickWithoutResponseUrl(button: ShownButton, userId: string) {
  const payload = buttonPayload({
    actionId: button.action_id,
    value: button.value,
    userId,
    responseUrl: "",
    channelId: "C0COPIL",
    ephemeral: true,
  });
  delete payload.response_url;
  const res = await t.interact(payload);
  expect(res.status).toBe(200);
  await t.settled();
}

const postedTo = (channel: string, contains: string) =>
  t.slack
    .callsTo("chat.postMessage")
    .filter((c) => c.params.channel === channel && `${c.params.text}\n${blocksText(c.params)}`.includes(contains));

const noListenerFailed = () => {
  expect(logLines.filter((l) => l.includes("respond is not a function"))).toEqual([]);
  expect(logLines.filter((l) => l.includes("listener.failed"))).toEqual([]);
};

describe("a payload without a response_url", () => {
  it("« Voir » answers the clicker by direct message", async () => {
    const list = (await t.commandReply("cherche schéma directeur", { userId: "U0NORESP1" })).params;
    const show = buttonsOf(list).find((b) => b.action_id === ACTIONS.showCommitment && b.value?.includes("VILLE-04"));
    expect(show).toBeDefined();
    await clickWithoutResponseUrl(show!, "U0NORESP1");
    expect(postedTo("U0NORESP1", "VILLE-04 — Création d'un schéma directeur")).toHaveLength(1);
    noListenerFailed();
  });

  it("« Partager » posts the answer in the channel the click came from", async () => {
    const answer = (await t.commandReply("liste ville en-retard", { userId: "U0NORESP2" })).params;
    const share = buttonsOf(answer).find((b) => b.action_id === ACTIONS.share);
    expect(share).toBeDefined();
    await clickWithoutResponseUrl(share!, "U0NORESP2");
    const shared = postedTo("C0COPIL", "Partagé par <@U0NORESP2>");
    expect(shared).toHaveLength(1);
    expect(blocksText(shared[0]!.params)).toContain("Partie : Ville de Chambéry · Statut : En retard");
    noListenerFailed();
  });

  it("a reminder's « Rappeler demain » says why not, by direct message", async () => {
    await clickWithoutResponseUrl({ action_id: ACTIONS.snoozeDay, value: "forged-key" }, "U0NORESP3");
    expect(postedTo("U0NORESP3", "Ce rappel ne vous est pas adressé")).toHaveLength(1);
    noListenerFailed();
  });

  it("a forged page button is answered, not thrown", async () => {
    await clickWithoutResponseUrl({ action_id: ACTIONS.pageNext, value: "{not json" }, "U0NORESP4");
    expect(postedTo("U0NORESP4", "Ce bouton n'est plus valide")).toHaveLength(1);
    noListenerFailed();
  });

  it("`/csi` without a response_url gets its answer by direct message", async () => {
    const body = new URLSearchParams({
      token: "legacy-verification-token",
      team_id: "T0TEST",
      team_domain: "chambery",
      channel_id: "C0COPIL",
      channel_name: "copil-csi",
      user_id: "U0NORESP5",
      user_name: "dominique",
      command: "/csi",
      text: "voir ETAT-03",
      api_app_id: "A0VIGIE",
      is_enterprise_install: "false",
      trigger_id: `${Date.now()}.trigger`,
    }).toString();
    const res = await t.post(body, slackSignatureHeaders(TEST_SIGNING_SECRET, body));
    expect(res.status).toBe(200);
    await t.settled();
    expect(postedTo("U0NORESP5", "ETAT-03")).toHaveLength(1);
    noListenerFailed();
  });
});

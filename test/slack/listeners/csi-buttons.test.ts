// The buttons of /csi answers, as Slack sends them (signed block_actions): share, pages, show, follow, history.

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { generateCommitmentSpecs, insertCommitments } from "../../support/fixtures.js";
import { buttonPayload } from "../../support/progress-fixtures.js";
import { blocksText, buttonsOf, type ShownButton, startTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await insertCommitments(t.db.prisma, generateCommitmentSpecs(40));
});
afterAll(() => t.stop());

/** Clicks a button of a message Vigie sent, as Slack would post it; resolves with what Vigie sends to the response_url. */
async function click(button: ShownButton, userId = "U0MEMBER1") {
  const responseId = randomUUID();
  const res = await t.interact(
    buttonPayload({
      actionId: button.action_id,
      value: button.value,
      userId,
      responseUrl: t.slack.responseUrl(responseId),
      channelId: "C0COPIL",
      ephemeral: true,
    }),
  );
  expect(res.status).toBe(200);
  const reply = await t.slack.waitForResponse(responseId);
  expect(blockLimitViolations(reply.params.blocks as unknown[])).toEqual([]);
  return reply.params;
}

describe("Partager", () => {
  it("posts the same answer to the channel, without the per-user buttons, saying who shared it", async () => {
    const answer = (await t.commandReply("liste ville en-retard")).params;
    const share = buttonsOf(answer).find((b) => b.action_id === ACTIONS.share);
    expect(share).toBeDefined();
    const posted = await click(share!, "U0MEMBER1");
    expect(posted.response_type).toBe("in_channel");
    expect(posted.replace_original).toBe(false);
    const text = blocksText(posted);
    expect(text).toContain("Partie : Ville de Chambéry · Statut : En retard");
    expect(text).toContain("Partagé par <@U0MEMBER1>");
    expect(buttonsOf(posted).map((b) => b.action_id)).not.toContain(ACTIONS.share);
  });

  it("shares an English answer in English", async () => {
    const answer = (await t.commandReply("status")).params;
    const posted = await click(buttonsOf(answer).find((b) => b.action_id === ACTIONS.share)!);
    expect(blocksText(posted)).toContain("Whole contract");
    expect(blocksText(posted)).toContain("Shared by <@U0MEMBER1>");
  });
});

describe("pages", () => {
  it("next and previous replace the message with the other page", async () => {
    const first = (await t.commandReply("liste")).params;
    expect(blocksText(first)).toContain("Page 1 sur 3");
    const second = await click(buttonsOf(first).find((b) => b.action_id === ACTIONS.pageNext)!);
    expect(second.replace_original).toBe(true);
    expect(blocksText(second)).toContain("Page 2 sur 3");
    expect(blocksText(second)).toContain("n° 26 à 50");
    const back = await click(buttonsOf(second).find((b) => b.action_id === ACTIONS.pagePrev)!);
    expect(blocksText(back)).toContain("Page 1 sur 3");
  });

  it("answers a forged value with a clear message instead of an error", async () => {
    const params = await click({ action_id: ACTIONS.pageNext, value: "{not json" });
    expect(params.replace_original).toBe(false);
    expect(blocksText(params)).toContain("Ce bouton n'est plus valide");
  });
});

describe("Voir, Suivre, Historique", () => {
  it("« Voir » on a list row opens the sheet as a new message", async () => {
    const list = (await t.commandReply("cherche schéma directeur")).params;
    const show = buttonsOf(list).find((b) => b.action_id === ACTIONS.showCommitment && b.value?.includes("VILLE-04"));
    const sheet = await click(show!);
    expect(sheet.replace_original).toBe(false);
    expect(blocksText(sheet)).toContain("VILLE-04 — Création d'un schéma directeur pour la vidéo protection");
  });

  it("follow then unfollow, each audited, the sheet shown again", async () => {
    const sheet = (await t.commandReply("voir ETAT-03", { userId: "U0READER" })).params;
    const auditBefore = await t.vigie.deps.store.audit.count();
    const followed = await click(buttonsOf(sheet).find((b) => b.action_id === ACTIONS.follow)!, "U0READER");
    expect(followed.replace_original).toBe(true);
    expect(blocksText(followed)).toContain("Vous suivez désormais ETAT-03");
    expect(blocksText(followed)).toContain("Suivi par <@U0READER>");
    const commitment = await t.vigie.deps.store.commitments.findByRef(
      (await t.vigie.deps.store.contracts.findDefault())!.id,
      "ETAT-03",
    );
    expect(commitment?.followers).toEqual(["U0READER"]);
    const unfollow = buttonsOf(followed).find((b) => b.action_id === ACTIONS.unfollow);
    const after = await click(unfollow!, "U0READER");
    expect(blocksText(after)).toContain("Vous ne suivez plus ETAT-03");
    expect(blocksText(after)).toContain("Personne ne suit encore cet engagement.");
    const trail = await t.vigie.deps.store.audit.listFor("commitment", commitment!.id);
    expect(trail.map((e) => e.action)).toEqual(["commitment.follow", "commitment.unfollow"]);
    expect(await t.vigie.deps.store.audit.count()).toBe(auditBefore + 2);
    // Clicking « Suivre » twice writes once.
    await click(buttonsOf(sheet).find((b) => b.action_id === ACTIONS.follow)!, "U0READER");
    const again = await click(buttonsOf(sheet).find((b) => b.action_id === ACTIONS.follow)!, "U0READER");
    expect(blocksText(again)).toContain("Vous suiviez déjà ETAT-03");
    expect(await t.vigie.deps.store.audit.count()).toBe(auditBefore + 3);
  });

  it("« Historique » shows the history as a new message", async () => {
    const sheet = (await t.commandReply("show etat-3")).params;
    const history = await click(buttonsOf(sheet).find((b) => b.action_id === ACTIONS.showHistory)!);
    expect(history.replace_original).toBe(false);
    expect(blocksText(history)).toContain("History — ETAT-03");
    expect(blocksText(history)).toContain("No update has been reported");
  });
});

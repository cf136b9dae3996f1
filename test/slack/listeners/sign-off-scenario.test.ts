// A whole story over signed HTTP, then every surface read: « Réalisé » requested, refused (with its reason),
// requested again and confirmed by another coordinator; the sheet, the history, /csi liste, the App Home and
// the weekly digest must all tell the same thing, each change once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import { appHomeOpened, sendEvent } from "../../support/coordinator-payloads.js";
import {
  buttonPayload,
  commitmentByRef,
  pendingRequestOf,
  progressMetadata,
  refusalPayload,
  submissionPayload,
  withOwners,
} from "../../support/progress-fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

const OWNER = "U0OWNER01";
const SECOND = "U0COORD02";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const contract = await t.db.prisma.contract.findFirstOrThrow();
  await t.db.prisma.roleAssignment.create({
    data: { contractId: contract.id, userId: SECOND, role: "COORDINATOR", grantedBy: COORDINATOR },
  });
});
afterAll(() => t.stop());

const homeOf = async (user: string) => {
  const before = t.slack.callsTo("views.publish").length;
  expect((await sendEvent(t, appHomeOpened(user))).status).toBe(200);
  const call = await t.slack.waitFor(
    (c) =>
      c.method === "views.publish" &&
      c.params.user_id === user &&
      t.slack.callsTo("views.publish").indexOf(c) >= before,
  );
  return blocksText(call.params.view as object);
};
const say = async (text: string, userId = COORDINATOR) => blocksText((await t.commandReply(text, { userId })).params);

describe("« Réalisé » is a decision, the same on every surface", () => {
  let id: string;
  beforeAll(async () => {
    const c = await withOwners(t, "ETAT-01", OWNER);
    id = c.id;
    await t.interact(
      submissionPayload({
        userId: OWNER,
        privateMetadata: progressMetadata(id),
        form: { status: "ON_TRACK", progress: "80" },
      }),
    );
    await t.settled();
  });

  it("a request shows everywhere as « ⏳ Réalisé — en attente de validation » and waits on coordinators' App Home", async () => {
    await t.interact(
      submissionPayload({
        userId: OWNER,
        privateMetadata: progressMetadata(id),
        form: { status: "DONE", progress: "90", evidence: "Convention signée par les trois parties" },
      }),
    );
    await t.settled();
    expect(await commitmentByRef(t, "ETAT-01")).toMatchObject({ status: "ON_TRACK", progress: 100 });
    expect(await say("voir ETAT-01")).toContain("Réalisé — en attente de validation");
    expect(await say("liste etat")).toContain("Réalisé — en attente de validation");
    const home = await homeOf(SECOND);
    expect(home).toContain("Demandes en attente de validation");
    expect(home).toContain("Convention signée par les trois parties");
  });

  it("refused with a reason: the sheet is exactly as before, the history and the digest say it was refused, once", async () => {
    const request = await pendingRequestOf(t, id);
    await t.interact(refusalPayload(COORDINATOR, request!.id, "Le bilan financier manque."));
    await t.settled();
    expect(await commitmentByRef(t, "ETAT-01")).toMatchObject({ status: "ON_TRACK", progress: 80 });
    const sheet = await say("voir ETAT-01");
    expect(sheet).not.toContain("en attente de validation");
    expect(sheet).toContain("Demande de clôture");
    expect(await say("historique ETAT-01")).toContain(
      `Demande de clôture refusée par <@${COORDINATOR}> : Le bilan financier manque.`,
    );
    const digest = await say("digest");
    expect(digest).toContain("demande de clôture refusée par");
    expect(digest.match(/\*ETAT-01\*/g)?.length).toBe(1);
    expect(digest).not.toMatch(/→ \*Réalisé/);
  });

  it("asked again, self-confirmation is refused and another coordinator confirms: every surface agrees", async () => {
    await t.interact(
      submissionPayload({
        userId: COORDINATOR,
        privateMetadata: progressMetadata(id),
        form: { status: "DONE", progress: "100", evidenceUrl: "https://www.savoie.gouv.fr/bilan-etat-01.pdf" },
      }),
    );
    await t.settled();
    const request = await pendingRequestOf(t, id);
    expect(request?.requestedBy).toBe(COORDINATOR);
    await t.interact(
      buttonPayload({
        actionId: ACTIONS.confirmDone,
        value: request!.id,
        userId: COORDINATOR,
        responseUrl: t.slack.responseUrl("self"),
      }),
    );
    expect(blocksText((await t.slack.waitForResponse("self")).params)).toContain(
      "Vous ne pouvez pas décider de votre propre demande",
    );
    expect((await commitmentByRef(t, "ETAT-01")).status).toBe("ON_TRACK");
    await t.interact(
      buttonPayload({
        actionId: ACTIONS.confirmDone,
        value: request!.id,
        userId: SECOND,
        responseUrl: t.slack.responseUrl("ok"),
      }),
    );
    expect(blocksText((await t.slack.waitForResponse("ok")).params)).toContain("est désormais *réalisé*");
    expect(await commitmentByRef(t, "ETAT-01")).toMatchObject({ status: "DONE", progress: 100 });
    expect(await say("voir ETAT-01")).toContain(":white_check_mark: validée par");
    expect(await homeOf(SECOND)).not.toContain("ETAT-01* Renforcer");
    expect(await say("digest")).toContain("clôture validée par");
  });

  it("a commitment created today is not silent", async () => {
    await t.db.prisma.commitment.create({
      data: {
        contractId: (await commitmentByRef(t, "ETAT-01")).contractId,
        ref: "VILLE-99",
        partyCode: "VILLE",
        title: "Créé ce matin",
        createdAt: new Date("2026-11-23T07:00:00Z"),
      },
    });
    const digest = await say("digest");
    const silent = digest.slice(digest.indexOf("Sans nouvelles depuis plus de 30 jours"));
    expect(silent.slice(0, silent.indexOf("\n\n") > 0 ? silent.indexOf("\n\n") : undefined)).not.toContain("VILLE-99");
    expect(digest).toContain("Sans pilote");
  });
});

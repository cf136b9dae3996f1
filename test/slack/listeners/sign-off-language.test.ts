// Sign-off in each person's language (issue 10): the « Réalisé » request reaches each coordinator in their Slack
// language (users.info), the answer to their button and the decision told to the owner likewise; French when
// Slack does not say.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import { directMessageTo } from "../../support/coordinator-payloads.js";
import { slackError } from "../../support/fake-slack.js";
import {
  buttonPayload,
  pendingRequestOf,
  progressMetadata,
  submissionPayload,
  withOwners,
} from "../../support/progress-fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

const OWNER = "U0OWNEREN";
const ENGLISH = "U0COORDEN";
const SILENT = "U0COORDXX"; // Slack gives no locale for this one (users.info fails)

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const contract = await t.db.prisma.contract.findFirstOrThrow();
  for (const userId of [ENGLISH, SILENT])
    await t.db.prisma.roleAssignment.create({
      data: { contractId: contract.id, userId, role: "COORDINATOR", grantedBy: COORDINATOR },
    });
  t.slack.on("users.info", (p) =>
    p.user === SILENT
      ? slackError("user_not_found")
      : { body: { user: { id: p.user, locale: p.user === ENGLISH || p.user === OWNER ? "en-US" : "fr-FR" } } },
  );
});
afterAll(() => t.stop());

describe("« Réalisé » requests and decisions", () => {
  it("reach each coordinator in their language, and the owner hears the decision in theirs", async () => {
    const c = await withOwners(t, "ETAT-02", OWNER);
    await t.interact(
      submissionPayload({
        userId: OWNER,
        privateMetadata: progressMetadata(c.id),
        form: { status: "DONE", progress: "100", evidence: "Convention signée" },
      }),
    );
    await t.settled();
    const english = await directMessageTo(t, ENGLISH, "ETAT-02");
    expect(String(english.params.text)).toBe("ETAT-02 reported done: sign-off needed");
    const french = await directMessageTo(t, COORDINATOR, "ETAT-02");
    expect(String(french.params.text)).toBe("ETAT-02 déclaré réalisé : validation demandée");
    const fallback = await directMessageTo(t, SILENT, "ETAT-02");
    expect(String(fallback.params.text)).toBe("ETAT-02 déclaré réalisé : validation demandée");

    const request = await pendingRequestOf(t, c.id);
    const responseId = randomUUID();
    await t.interact(
      buttonPayload({
        actionId: ACTIONS.confirmDone,
        value: request!.id,
        userId: ENGLISH,
        responseUrl: t.slack.responseUrl(responseId),
      }),
    );
    const answer = await t.slack.waitForResponse(responseId);
    expect(blocksText(answer.params)).toBe(
      `:white_check_mark: *ETAT-02* is now *done* (confirmed by <@${ENGLISH}>). <@${OWNER}> has been told.`,
    );
    const told = await directMessageTo(t, OWNER, "confirmed that");
    expect(blocksText(told.params)).toBe(
      `:tada: <@${ENGLISH}> confirmed that *ETAT-02* is done. Thank you for your work.`,
    );
  });
});

// The database goes down while people fill in forms: every submission is answered inline, the modal
// stays open with what was typed (Slack keeps it on `response_action: "errors"`), and nobody is told
// that something was saved.
import { afterAll, beforeAll, expect, it } from "vitest";
import { BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import {
  commitmentFields,
  formMetadata,
  meetingFields,
  submitView,
  viewSubmission,
} from "../../support/coordinator-payloads.js";
import { progressMetadata, submissionPayload, withOwners } from "../../support/progress-fixtures.js";
import { COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

const OWNER = "U0OWNER01";
const KEPT = "Votre saisie est conservée : réessayez dans un instant.";

let t: TestApp;
let etat05: string;
const logLines: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ logLines });
  etat05 = (await withOwners(t, "ETAT-05", OWNER)).id;
  await t.simulateDatabaseOutage();
});
afterAll(() => t.stop());

const nothingPosted = () => expect(t.slack.calls.filter((c) => c.method === "chat.postMessage")).toEqual([]);

it("a progress update is answered next to its status, in the form's language", async () => {
  const fr = await submitView(
    t,
    submissionPayload({
      userId: OWNER,
      privateMetadata: progressMetadata(etat05),
      form: { status: "ON_TRACK", progress: "40" },
    }),
  );
  expect(fr).toEqual({ response_action: "errors", errors: { [BLOCKS.status]: expect.stringContaining(KEPT) } });
  const en = await submitView(
    t,
    submissionPayload({
      userId: OWNER,
      privateMetadata: progressMetadata(etat05, null, "en"),
      form: { status: "ON_TRACK", progress: "40" },
    }),
  );
  expect(en?.errors[BLOCKS.status]).toContain("What you typed is kept");
  nothingPosted();
  expect(logLines.filter((l) => l.includes("progress.store_failed"))).toHaveLength(2);
});

it("a new commitment and a new meeting are answered inline too", async () => {
  const meta = formMetadata({ contract: "CSI-CHAMBERY" });
  const commitment = await submitView(
    t,
    viewSubmission({
      userId: COORDINATOR,
      callbackId: CALLBACKS.createCommitment,
      privateMetadata: meta,
      fields: commitmentFields(),
    }),
  );
  expect(commitment?.errors[BLOCKS.title]).toContain(KEPT);
  const meeting = await submitView(
    t,
    viewSubmission({
      userId: COORDINATOR,
      callbackId: CALLBACKS.scheduleMeeting,
      privateMetadata: meta,
      fields: meetingFields(),
    }),
  );
  expect(meeting?.errors[BLOCKS.meetingKind]).toContain(KEPT);
  nothingPosted();
  expect(logLines.some((l) => l.includes("commitment.create_failed"))).toBe(true);
  expect(logLines.some((l) => l.includes("meeting.create_failed"))).toBe(true);
});

it("an import is answered under the pasted lines, which stay in the form", async () => {
  const meta = formMetadata({ contract: "CSI-CHAMBERY" });
  const answer = await submitView(
    t,
    viewSubmission({
      userId: COORDINATOR,
      callbackId: CALLBACKS.importCommitments,
      privateMetadata: meta,
      fields: { [BLOCKS.importLines]: { text: "VILLE;Médiation de nuit" } },
    }),
  );
  expect(answer).toEqual({
    response_action: "errors",
    errors: { [BLOCKS.importLines]: expect.stringContaining(KEPT) },
  });
  nothingPosted();
  expect(logLines.some((l) => l.includes("commitment.import_failed"))).toBe(true);
});

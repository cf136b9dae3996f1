// The weekly digest carries the per-party progress chart: one PNG uploaded per pass (shared nowhere), shown
// in every recipient's digest by an image block's slack_file, near the top. Without the image (Slack refuses
// the upload), the digest still goes out.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { slackError } from "../support/fake-slack.js";
import { COORDINATOR, startTestApp, type TestApp } from "../support/test-app.js";
import { clearScheduling, postsOf } from "./fixtures.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { CSI_DIGEST_CHANNEL: "C0DIGEST" } });
});
afterAll(() => t.stop());
beforeEach(async () => {
  await clearScheduling(t.db.prisma);
  t.slack.reset();
});

// Monday 14 December 2026, 08:30 Paris: the digest of week 51.
const DIGEST_AT = new Date("2026-12-14T07:30:00Z");
type Block = { type: string; slack_file?: { id?: string }; alt_text?: string };

it("shows the per-party chart, uploaded once for every recipient, as a PNG", async () => {
  await t.vigie.scheduler.runPass(DIGEST_AT);
  const digests = postsOf(t.slack.calls, "digest:2026-W51");
  expect(digests.map((d) => d.params.channel).sort()).toEqual(["C0DIGEST", COORDINATOR]);

  const uploads = t.slack.callsTo("files.completeUploadExternal");
  expect(uploads).toHaveLength(1);
  expect(uploads[0]?.params.channel_id).toBeUndefined(); // shared nowhere: only shown in the digest
  const fileId = (uploads[0]?.params.files as { id: string }[] | undefined)?.[0]?.id;
  const bytes = t.slack.callsTo("file_upload").find((c) => c.params.file_id === fileId)?.params.bytes;
  expect(Buffer.isBuffer(bytes) && bytes.subarray(0, 8).equals(Buffer.from("\x89PNG\r\n\x1a\n", "latin1"))).toBe(true);

  for (const d of digests) {
    const blocks = d.params.blocks as Block[];
    const image = blocks.findIndex((b) => b.type === "image");
    expect(image).toBe(2); // after the header and its context line
    expect(blocks[image]?.slack_file?.id).toBe(fileId);
    expect(blocks[image]?.alt_text).toMatch(
      /^Avancement moyen par partie : État \d+ %, Ville de Chambéry \d+ %, Parquet \d+ %$/,
    );
  }
});

it("goes out without the image when Slack refuses the upload", async () => {
  t.slack.on("files.getUploadURLExternal", () => slackError("missing_scope"));
  await t.vigie.scheduler.runPass(DIGEST_AT);
  const digests = postsOf(t.slack.calls, "digest:2026-W51");
  expect(digests).toHaveLength(2);
  for (const d of digests) expect((d.params.blocks as Block[]).some((b) => b.type === "image")).toBe(false);
});

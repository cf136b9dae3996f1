// `/csi voir REF` shows an indicator's values over time as a chart (a PNG uploaded and shown by slack_file)
// when values were recorded; a commitment without recorded values uploads nothing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { insertUpdate, setCommitment } from "../../support/fixtures.js";
import { COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const prisma = t.db.prisma;
  const id = await setCommitment(prisma, "ETAT-01", { status: "ON_TRACK", progress: 60 });
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { commitmentId: id } });
  await prisma.indicator.update({ where: { id: indicator.id }, data: { baselineOn: new Date("2021-09-22") } });
  for (const [at, value] of [
    ["2026-03-10T09:00:00Z", 4],
    ["2026-10-10T09:00:00Z", 7],
  ] as const) {
    const u = await insertUpdate(prisma, id, { createdAt: new Date(at) });
    await prisma.progressUpdate.update({
      where: { id: u },
      data: { indicatorValues: [{ indicatorId: indicator.id, value }] },
    });
  }
});
afterAll(() => t.stop());

type Block = { type: string; slack_file?: { id?: string }; alt_text?: string };

it("shows the chart of an indicator with recorded values", async () => {
  const reply = await t.commandReply("voir ETAT-01", { userId: COORDINATOR });
  const blocks = reply.params.blocks as Block[];
  const images = blocks.filter((b) => b.type === "image");
  expect(images).toHaveLength(1);
  expect(images[0]?.alt_text).toBe("Postes de police nationale créés — 22/09/2021 : 0, 10/03/2026 : 4, 10/10/2026 : 7");
  const upload = t.slack.callsTo("files.completeUploadExternal").at(-1);
  expect(upload?.params.channel_id).toBeUndefined();
  const fileId = (upload?.params.files as { id: string }[] | undefined)?.[0]?.id;
  expect(images[0]?.slack_file?.id).toBe(fileId);
  const bytes = t.slack.callsTo("file_upload").find((c) => c.params.file_id === fileId)?.params.bytes;
  expect(Buffer.isBuffer(bytes) && bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
});

it("uploads nothing for a commitment without recorded values", async () => {
  const before = t.slack.callsTo("file_upload").length;
  const reply = await t.commandReply("voir ETAT-02", { userId: COORDINATOR });
  expect((reply.params.blocks as Block[]).some((b) => b.type === "image")).toBe(false);
  expect(t.slack.callsTo("file_upload")).toHaveLength(before);
});

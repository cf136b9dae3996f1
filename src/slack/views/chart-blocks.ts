import type { ImageBlock, KnownBlock } from "@slack/types";
import type { Digest } from "../../domain/digest.js";
import type { Reply } from "./reply.js";

/** A chart uploaded beforehand (files.uploadV2), shown in the message. */
export const chartImage = (fileId: string, altText: string, title?: string): ImageBlock => ({
  type: "image",
  slack_file: { id: fileId },
  alt_text: altText.slice(0, 2000),
  ...(title ? { title: { type: "plain_text", text: title.slice(0, 2000), emoji: false } } : {}),
});

/** The message with `images` right after its opening header and context blocks. */
export function withImagesNearTop(reply: Reply, images: readonly KnownBlock[]): Reply {
  if (!images.length) return reply;
  const blocks = [...reply.blocks];
  let at = 0;
  while (at < blocks.length && (blocks[at]?.type === "header" || blocks[at]?.type === "context")) at += 1;
  blocks.splice(at, 0, ...images);
  return { ...reply, blocks };
}

/** The message with `images` before its closing buttons and footnotes. */
export function withImagesAtEnd(reply: Reply, images: readonly KnownBlock[]): Reply {
  if (!images.length) return reply;
  const blocks = [...reply.blocks];
  let at = blocks.length;
  while (at > 0 && (blocks[at - 1]?.type === "actions" || blocks[at - 1]?.type === "context")) at -= 1;
  blocks.splice(at, 0, ...images);
  return { ...reply, blocks };
}

/** The weekly digest's per-party progress chart, with its figures said in words for screen readers. */
export const digestChartBlock = (fileId: string, d: Pick<Digest, "parties">): ImageBlock =>
  chartImage(
    fileId,
    `Avancement moyen par partie : ${d.parties.map((p) => `${p.label} ${p.meanProgress} %`).join(", ")}`,
    "Avancement moyen par partie",
  );

// Follow / unfollow from a commitment's sheet: one write through the use case, then the sheet again.
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../../app/deps.js";
import { setFollowing } from "../../use-cases/follow-commitment.js";
import { section } from "../views/blocks.js";
import { decodeNavValue } from "../views/pagination.js";
import { followNote } from "../views/personal-answers.js";
import { staleButtonReply } from "../views/read-replies.js";
import { readRefusalReply } from "../views/refusal-blocks.js";
import type { Reply } from "../views/reply.js";
import { answerButton, type ButtonBody } from "./button-answer.js";

/** The refreshed sheet with a confirmation on top, and whether it may replace the message clicked. */
export async function toggleFollow(
  deps: AppDeps,
  client: WebClient,
  body: ButtonBody,
  raw: string | undefined,
  follow: boolean,
): Promise<{ reply: Reply; replace: boolean }> {
  const value = decodeNavValue(raw);
  const outcome = value?.id ? await setFollowing(deps, { userId: body.user.id, commitmentId: value.id, follow }) : null;
  if (!value || !outcome || outcome.kind === "missing") return { reply: staleButtonReply(value?.l), replace: false };
  if (outcome.kind === "refused") return { reply: readRefusalReply(value.l, outcome.coordinators), replace: false };
  const note = followNote(value.l, outcome.ref, follow, outcome.changed);
  const sheet = await answerButton(deps, client, body, raw, { page: 0 });
  return { reply: { text: note, blocks: [section(note), ...sheet.reply.blocks.slice(0, 49)] }, replace: sheet.ok };
}

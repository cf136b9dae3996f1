// Buttons of /csi answers carry the command text (see views/pagination.ts): this rebuilds the answer
// they belong to, for another page, for the channel, or for a suggested ref.
import type { BlockButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../../app/deps.js";
import { canRead } from "../../domain/permissions.js";
import { coordinatorsOf, roleOf } from "../../use-cases/role-of.js";
import { decodeNavValue, type NavValue } from "../views/pagination.js";
import { staleButtonReply } from "../views/read-replies.js";
import { readRefusalReply } from "../views/refusal-blocks.js";
import type { Reply } from "../views/reply.js";
import { answerCsiCommand } from "./answer.js";

export type ButtonBody = BlockButtonAction;

interface ButtonAnswer {
  value: NavValue | null;
  reply: Reply;
  /** False when the reader may not read (or the value was not valid): never share such a reply. */
  ok: boolean;
}

/** The answer a button stands for, with the clicker's own role and permissions. */
export async function answerButton(
  deps: AppDeps,
  client: WebClient,
  body: ButtonBody,
  raw: string | undefined,
  options: { shared?: boolean; page?: number } = {},
): Promise<ButtonAnswer> {
  const value = decodeNavValue(raw);
  if (!value) return { value, reply: staleButtonReply(), ok: false };
  const role = await roleOf(deps.store, body.user.id);
  if (!canRead(role, deps.config.readAccess)) {
    return { value, reply: readRefusalReply(value.l, await coordinatorsOf(deps.store)), ok: false };
  }
  const reply = await answerCsiCommand({
    deps,
    client,
    userId: body.user.id,
    teamId: body.team?.id ?? null,
    channelId: body.channel?.id ?? "",
    triggerId: body.trigger_id,
    text: value.t,
    page: options.page ?? value.p,
    shared: options.shared ?? false,
    locale: value.l,
  });
  return { value, reply: reply ?? staleButtonReply(value.l), ok: reply !== null };
}

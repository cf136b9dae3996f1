// Follow / unfollow from a commitment's sheet: one write (audited in the repository), then the sheet again.
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../../app/deps.js";
import { canRead } from "../../domain/permissions.js";
import { coordinatorsOf, roleOf } from "../../use-cases/role-of.js";
import { section } from "../views/blocks.js";
import { tr } from "../views/locale.js";
import { decodeNavValue } from "../views/pagination.js";
import { readRefusalReply } from "../views/refusal-blocks.js";
import type { Reply } from "../views/reply.js";
import { answerButton, type ButtonBody, staleButtonReply } from "./button-answer.js";

/** The refreshed sheet with a confirmation on top, and whether it may replace the message clicked. */
export async function toggleFollow(
  deps: AppDeps,
  client: WebClient,
  body: ButtonBody,
  raw: string | undefined,
  follow: boolean,
): Promise<{ reply: Reply; replace: boolean }> {
  const value = decodeNavValue(raw);
  const commitment = value?.id ? await deps.store.commitments.findById(value.id).catch(() => null) : null;
  if (!value || !commitment) return { reply: staleButtonReply(value?.l), replace: false };
  const role = await roleOf(deps.store, body.user.id, commitment.contractId);
  if (!canRead(role, deps.config.readAccess))
    return {
      reply: readRefusalReply(value.l, await coordinatorsOf(deps.store, commitment.contractId)),
      replace: false,
    };

  const changed = follow
    ? await deps.store.followers.follow(commitment.id, body.user.id)
    : await deps.store.followers.unfollow(commitment.id, body.user.id);
  const l = value.l;
  const ref = commitment.ref;
  const note = follow
    ? changed
      ? tr(
          l,
          `:bell: Vous suivez désormais ${ref} : vous serez prévenu de ses mises à jour.`,
          `:bell: You now follow ${ref}: you will be told of its updates.`,
        )
      : tr(l, `:bell: Vous suiviez déjà ${ref}.`, `:bell: You already followed ${ref}.`)
    : changed
      ? tr(l, `:no_bell: Vous ne suivez plus ${ref}.`, `:no_bell: You no longer follow ${ref}.`)
      : tr(l, `:no_bell: Vous ne suiviez pas ${ref}.`, `:no_bell: You did not follow ${ref}.`);
  const sheet = await answerButton(deps, client, body, raw, { page: 0 });
  return { reply: { text: note, blocks: [section(note), ...sheet.reply.blocks.slice(0, 49)] }, replace: sheet.ok };
}

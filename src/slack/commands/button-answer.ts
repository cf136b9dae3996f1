// Buttons of /csi answers carry the command text (see views/pagination.ts): this rebuilds the answer
// they belong to, for another page, for the channel, or for a suggested ref.
import type { BlockButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../../app/deps.js";
import { canRead } from "../../domain/permissions.js";
import type { Locale } from "../../domain/types.js";
import { coordinatorsOf, roleOf } from "../../use-cases/role-of.js";
import { section } from "../views/blocks.js";
import { tr } from "../views/locale.js";
import { decodeNavValue, type NavValue } from "../views/pagination.js";
import { readRefusalReply } from "../views/refusal-blocks.js";
import type { Reply } from "../views/reply.js";
import { answerCsiCommand } from "./answer.js";

export type ButtonBody = BlockButtonAction;

/** Said when a button's value is not one Vigie wrote (forged, or from an older version). */
export const staleButtonReply = (locale: Locale = "fr"): Reply => ({
  text: tr(locale, "Ce bouton n'est plus valide", "This button is no longer valid"),
  blocks: [
    section(
      tr(
        locale,
        ":hourglass: Ce bouton n'est plus valide. Relancez la commande `/csi` pour obtenir une réponse à jour.",
        ":hourglass: This button is no longer valid. Run the `/csi` command again for an up-to-date answer.",
      ),
    ),
  ],
});

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

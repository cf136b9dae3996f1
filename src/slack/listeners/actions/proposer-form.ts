import type { ModalView } from "@slack/types";
import type { AppDeps } from "../../../app/deps.js";
import type { Commitment, Locale } from "../../../domain/types.js";
import { checkProposer } from "../../../use-cases/propose-due-date.js";
import { replyNotProposer } from "../../proposer-refused-reply.js";
import { replyPrivately } from "../../reply-privately.js";
import type { Reply } from "../../views/reply.js";
import { buttonListener } from "./button-listener.js";

/**
 * A button under a commitment that opens one of its forms (value = commitment id) for whoever may propose on it, its
 * owners and coordinators (« Dater un jalon », « Proposer une nouvelle date »); the others are told why not, in
 * `words`. `form` gives the modal, or a reply when there is nothing to fill in.
 */
export function proposerFormListener(
  deps: AppDeps,
  words: Omit<Parameters<typeof replyNotProposer>[5], "missing"> & { missing: (locale: Locale) => Reply },
  form: (commitment: Commitment, locale: Locale) => { view: ModalView } | { reply: Reply },
) {
  return buttonListener(deps, async ({ userId, value, body, client, target, locale: localeOf }) => {
    const locale = await localeOf();
    const checked = await checkProposer(deps, value, userId);
    if (checked.kind !== "ok")
      return replyNotProposer(deps, target, checked, value, locale, { ...words, missing: words.missing(locale) });
    const shown = form(checked.commitment, locale);
    if ("reply" in shown) return replyPrivately(target, shown.reply);
    await client.views.open({ trigger_id: body.trigger_id, view: shown.view });
  });
}

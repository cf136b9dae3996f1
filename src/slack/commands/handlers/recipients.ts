import { HOW_TO_ENABLE_EMAIL } from "../../../mail/smtp-settings.js";
import {
  addRecipient,
  editRecipient,
  listRecipients,
  type RecipientsResult,
  recipientsActionOf,
  removeRecipient,
} from "../../../use-cases/manage-recipients.js";
import { closedContract } from "../../../use-cases/renew-contract.js";
import {
  recipientAddedReply,
  recipientDuplicateReply,
  recipientEditedReply,
  recipientGuardReply,
  recipientInvalidReply,
  recipientNotFoundReply,
  recipientRemovedReply,
  recipientsListReply,
  recipientsUsageReply,
} from "../../views/recipients-blocks.js";
import { contractClosedReply } from "../../views/renewal-blocks.js";
import type { Reply } from "../../views/reply.js";
import type { CommandContext, CommandHandler } from "../context.js";
import { contractOrReply } from "../read-helpers.js";

/**
 * `/csi destinataires [ajouter …|modifier …|retirer …]` (coordinators): the people outside Slack who receive the digest,
 * the report and meeting invitations by e-mail. Every refusal repeats what was typed.
 */
export const recipientsCommand: CommandHandler = async (ctx) => {
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const [word, ...more] = ctx.args;
  const action = recipientsActionOf(word);
  const typed = `/csi ${ctx.nav?.text ?? `destinataires ${ctx.rest}`}`.trim();
  const after = ctx.rest.slice((word ?? "").length).trim();
  // A contract closed by its renewal keeps its list readable, and refuses changes to it.
  const changes = action === "add" || action === "edit" || action === "remove";
  const closed = changes && contract.closedAt ? await closedContract(ctx.deps, contract.id) : null;
  if (closed) return contractClosedReply(closed, ctx.locale);
  switch (action) {
    case "list":
      return render(ctx, await listRecipients(ctx.deps, contract), typed);
    case "add":
      return render(ctx, await addRecipient(ctx.deps, ctx.userId, contract, after), typed);
    case "edit":
      return more.length >= 1
        ? render(ctx, await editRecipient(ctx.deps, ctx.userId, contract, after), typed)
        : recipientsUsageReply(ctx.locale, typed);
    case "remove":
      return more.length === 1
        ? render(ctx, await removeRecipient(ctx.deps, ctx.userId, contract, after), typed)
        : recipientsUsageReply(ctx.locale, more.length ? typed : undefined);
    case "usage":
      return recipientsUsageReply(ctx.locale);
    case null:
      return recipientsUsageReply(ctx.locale, typed);
  }
};

/** Without SMTP_URL nor a folder for .eml files, e-mails are not sent: the coordinator is told how to enable them. */
const howToEnable = (ctx: CommandContext): string | null =>
  ctx.deps.config.mail.smtp || ctx.deps.config.mail.emlDir ? null : HOW_TO_ENABLE_EMAIL;

function render(ctx: CommandContext, r: RecipientsResult, typed: string): Reply {
  const { locale } = ctx;
  switch (r.kind) {
    case "list":
      return recipientsListReply(r.recipients, locale, howToEnable(ctx));
    case "added":
      return recipientAddedReply(r.recipient, locale, howToEnable(ctx));
    case "removed":
      return recipientRemovedReply(r.recipient, locale);
    case "edited":
      return recipientEditedReply(r.recipient, r.changed, locale);
    case "invalid":
      return recipientInvalidReply(r.problem, typed, locale);
    case "guard":
      return recipientGuardReply(r.findings, typed, locale);
    case "duplicate":
      return recipientDuplicateReply(r.existing, typed, locale);
    case "not_found":
      return recipientNotFoundReply(r.typed, locale);
  }
}

import { addDays } from "../../../domain/calendar.js";
import { formatDateLong } from "../../../domain/format.js";
import { plain, section } from "../../views/blocks.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { tr } from "../../views/locale.js";
import type { CommandHandler } from "../context.js";
import { parseDueDays } from "../parse.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi echeances [jours]`: open commitments due between today and today + N days (30 by default). */
export const showDue: CommandHandler = async (ctx) => {
  const { locale } = ctx;
  const days = parseDueDays(ctx.args);
  if (!days.ok) {
    const example = tr(locale, "/csi echeances 60", "/csi due 60");
    return {
      text: tr(locale, "Nombre de jours non compris", "Number of days not understood"),
      blocks: [
        section(
          tr(
            locale,
            `:grey_question: « ${plain(days.typed, 200)} » n'est pas un nombre de jours. Indiquez un nombre entier de 1 à 3650, par exemple \`${example}\` (30 jours si vous n'indiquez rien).`,
            `:grey_question: "${plain(days.typed, 200)}" is not a number of days. Give a whole number from 1 to 3650, e.g. \`${example}\` (30 days when omitted).`,
          ),
        ),
      ],
    };
  }
  const found = await contractOrReply(ctx);
  if ("reply" in found) return found.reply;
  const { contract } = found;
  const today = todayOf(ctx, contract);
  const until = addDays(today, days.days);
  const due = await ctx.deps.store.commitments.listFiltered(contract.id, {
    openOnly: true,
    dueFrom: today,
    dueTo: until,
  });
  due.sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? "") || a.ref.localeCompare(b.ref));
  return commitmentListReply({
    title: tr(locale, `Échéances des ${days.days} prochains jours`, `Due within ${days.days} days`),
    description: tr(
      locale,
      `Jusqu'au ${formatDateLong(until, locale)}, les plus proches d'abord`,
      `Until ${formatDateLong(until, locale)}, soonest first`,
    ),
    commitments: due,
    parties: contract.parties,
    today,
    nav: navOf(ctx, `${tr(locale, "echeances", "due")} ${days.days}`),
    empty: tr(
      locale,
      "Aucune échéance sur cette période. `/csi retards` montre celles déjà dépassées.",
      "Nothing falls due in this period. `/csi overdue` shows what is already past due.",
    ),
  });
};

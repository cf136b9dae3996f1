import { addDays } from "../../../domain/calendar.js";
import { commitmentListReply } from "../../views/list-blocks.js";
import { dueDaysNotUnderstoodReply, listHeading } from "../../views/list-headings.js";
import type { CommandHandler } from "../context.js";
import { commandWord, parseDueDays } from "../parse.js";
import { contractOrReply, navOf, todayOf } from "../read-helpers.js";

/** `/csi echeances [jours]`: open commitments due between today and today + N days (30 by default). */
export const showDue: CommandHandler = async (ctx) => {
  const { locale } = ctx;
  const days = parseDueDays(ctx.args);
  if (!days.ok) return dueDaysNotUnderstoodReply(days.typed, locale);
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
    ...listHeading({ list: "due", days: days.days, until }, locale),
    commitments: due,
    parties: contract.parties,
    today,
    nav: navOf(ctx, `${commandWord("due", locale)} ${days.days}`),
  });
};

// Away mode: the answers of `/csi absence`, the notice to a stand-in, the App Home block and its form. Pure.
import type { KnownBlock, ModalView } from "@slack/types";
import { type Absence, type AbsenceProblem, MAX_ABSENCE_DAYS, returnDay } from "../../domain/absence.js";
import { formatDateLong } from "../../domain/format.js";
import type { IsoDate, Locale } from "../../domain/types.js";
import type { AbsenceOutcome } from "../../use-cases/absence.js";
import { ACTIONS, BLOCKS, CALLBACKS } from "../ids.js";
import { actions, button, context, esc, mention, section } from "./blocks.js";
import { tr } from "./locale.js";
import { datePicker, formModal, userSelect } from "./modal-parts.js";
import { type Reply, textReply } from "./reply.js";

const EXAMPLE = "`/csi absence 21/12/2026 04/01/2027 @remplaçant`";
const EXAMPLE_EN = "`/csi away 21/12/2026 04/01/2027 @stand-in`";

/** « du lundi 21 décembre 2026 au lundi 4 janvier 2027 inclus » */
export function absenceSpan(a: Pick<Absence, "startsOn" | "endsOn">, locale: Locale): string {
  return tr(
    locale,
    `du ${formatDateLong(a.startsOn, locale)} au ${formatDateLong(a.endsOn, locale)} inclus`,
    `from ${formatDateLong(a.startsOn, locale)} to ${formatDateLong(a.endsOn, locale)} inclusive`,
  );
}

/** What happens to the person's reminders while away. */
function whileAway(a: Absence, locale: Locale): string {
  return a.standInId
    ? tr(
        locale,
        `${mention(a.standInId)} reçoit à votre place vos rappels d'échéance, de retard et de point avant réunion ; les rappels de réunion ne vous sont pas envoyés.`,
        `${mention(a.standInId)} receives your deadline, overdue and pre-meeting reminders instead of you; meeting reminders are not sent to you.`,
      )
    : tr(
        locale,
        "Vous ne recevez aucun rappel ; le point hebdomadaire des coordonnateurs indique ce qui attend votre retour.",
        "You receive no reminders; the coordinators' weekly digest shows what waits for your return.",
      );
}

function problemText(p: AbsenceProblem, locale: Locale): string {
  switch (p.kind) {
    case "usage":
      return tr(
        locale,
        `Pour déclarer une absence : ${EXAMPLE} (dates au format 21/12/2026 ou 2026-12-21, le dernier jour d'absence inclus ; le remplaçant est facultatif). \`/csi absence\` montre votre absence, \`/csi absence fin\` y met fin.`,
        `To declare an absence: ${EXAMPLE_EN} (dates as 21/12/2026 or 2026-12-21, the last day away included; the stand-in is optional). \`/csi away\` shows your absence, \`/csi away end\` ends it.`,
      );
    case "date":
      return p.why === "calendar"
        ? tr(
            locale,
            `« ${esc(p.typed)} » n'existe pas dans le calendrier : vérifiez le jour et le mois.`,
            `“${esc(p.typed)}” is not a day of the calendar: check the day and the month.`,
          )
        : tr(
            locale,
            `« ${esc(p.typed)} » n'est pas une date : écrivez-la 21/12/2026 ou 2026-12-21.`,
            `“${esc(p.typed)}” is not a date: write it 21/12/2026 or 2026-12-21.`,
          );
    case "order":
      return tr(
        locale,
        `Le dernier jour (${formatDateLong(p.endsOn, locale)}) est avant le premier (${formatDateLong(p.startsOn, locale)}) : donnez d'abord le premier jour d'absence, puis le dernier.`,
        `The last day (${formatDateLong(p.endsOn, locale)}) is before the first (${formatDateLong(p.startsOn, locale)}): give the first day away, then the last.`,
      );
    case "past":
      return tr(
        locale,
        `Cette absence s'est terminée le ${formatDateLong(p.endsOn, locale)} : il n'y a plus rien à déclarer.`,
        `This absence ended on ${formatDateLong(p.endsOn, locale)}: there is nothing left to declare.`,
      );
    case "too_long":
      return tr(
        locale,
        `Une absence dure au plus ${MAX_ABSENCE_DAYS} jours ici (celle-ci en compte ${p.days}) : déclarez une période plus courte.`,
        `An absence lasts at most ${MAX_ABSENCE_DAYS} days here (this one has ${p.days}): declare a shorter period.`,
      );
    case "self_stand_in":
      return tr(
        locale,
        "Vous ne pouvez pas vous remplacer vous-même : nommez une autre personne, ou personne.",
        "You cannot stand in for yourself: name someone else, or no one.",
      );
    case "unknown_person":
      return tr(
        locale,
        `Slack ne connaît personne nommé ${esc(p.typed)} : tapez @ puis choisissez la personne dans la liste que Slack propose.`,
        `Slack knows no one called ${esc(p.typed)}: type @ then pick the person from the list Slack offers.`,
      );
  }
}

/** A refusal of the form, said at the field it concerns. */
export function absenceFormErrors(p: AbsenceProblem, locale: Locale): Record<string, string> {
  const text = problemText(p, locale).slice(0, 2000);
  switch (p.kind) {
    case "self_stand_in":
    case "unknown_person":
      return { [BLOCKS.standIn]: text };
    case "date":
    case "usage":
      return { [BLOCKS.absenceStart]: text };
    default:
      return { [BLOCKS.absenceEnd]: text };
  }
}

/** The answer to `/csi absence …` (and to the App Home's buttons). */
export function absenceReply(o: AbsenceOutcome, locale: Locale): Reply {
  switch (o.kind) {
    case "invalid":
      return textReply(`:warning: ${problemText(o.problem, locale)}`);
    case "declared": {
      const replaced = o.replaced
        ? `\n${tr(locale, `Elle remplace l'absence déclarée ${absenceSpan(o.replaced, locale)}.`, `It replaces the absence declared ${absenceSpan(o.replaced, locale)}.`)}`
        : "";
      return textReply(
        `${tr(locale, `:palm_tree: Absence enregistrée ${absenceSpan(o.absence, locale)}.`, `:palm_tree: Absence recorded ${absenceSpan(o.absence, locale)}.`)}\n${whileAway(o.absence, locale)}${replaced}\n${tr(locale, "`/csi absence fin` pour y mettre fin plus tôt.", "`/csi away end` to end it sooner.")}`,
      );
    }
    case "ended":
      if (!o.absence)
        return textReply(
          tr(
            locale,
            "Aucune absence en cours ni prévue : il n'y a rien à terminer.",
            "No absence in progress or planned: there is nothing to end.",
          ),
        );
      return textReply(
        o.absence.startsOn > o.today
          ? tr(
              locale,
              `:white_check_mark: Absence prévue ${absenceSpan(o.absence, locale)} annulée.`,
              `:white_check_mark: Planned absence ${absenceSpan(o.absence, locale)} cancelled.`,
            )
          : tr(
              locale,
              `:wave: Bon retour ! Votre absence ${absenceSpan(o.absence, locale)} est terminée : vos rappels reprennent dès aujourd'hui.`,
              `:wave: Welcome back! Your absence ${absenceSpan(o.absence, locale)} is over: your reminders resume today.`,
            ),
      );
    case "shown": {
      const lines = [absenceStatusLine(o.absence, o.today, locale)];
      if (o.absence) lines.push(whileAway(o.absence, locale));
      for (const a of o.standingInFor)
        lines.push(
          tr(
            locale,
            `:busts_in_silhouette: Vous remplacez ${mention(a.userId)} jusqu'au ${formatDateLong(a.endsOn, locale)} inclus : ses rappels vous parviennent.`,
            `:busts_in_silhouette: You stand in for ${mention(a.userId)} until ${formatDateLong(a.endsOn, locale)}: their reminders come to you.`,
          ),
        );
      lines.push(
        o.absence
          ? tr(locale, "`/csi absence fin` pour y mettre fin.", "`/csi away end` to end it.")
          : tr(locale, `Pour déclarer une absence : ${EXAMPLE}.`, `To declare an absence: ${EXAMPLE_EN}.`),
      );
      return textReply(lines.join("\n"));
    }
  }
}

function absenceStatusLine(a: Absence | null, today: IsoDate, locale: Locale): string {
  if (!a) return tr(locale, ":palm_tree: Aucune absence déclarée.", ":palm_tree: No absence declared.");
  return a.startsOn > today
    ? tr(
        locale,
        `:palm_tree: Absence prévue ${absenceSpan(a, locale)}.`,
        `:palm_tree: Absence planned ${absenceSpan(a, locale)}.`,
      )
    : tr(
        locale,
        `:palm_tree: Absence en cours ${absenceSpan(a, locale)} (retour le ${formatDateLong(returnDay(a), locale)}).`,
        `:palm_tree: Away ${absenceSpan(a, locale)} (back on ${formatDateLong(returnDay(a), locale)}).`,
      );
}

/** The direct message to the person named stand-in. */
export function standInNotice(a: Absence, locale: Locale): Reply {
  return textReply(
    tr(
      locale,
      `:busts_in_silhouette: ${mention(a.userId)} vous a désigné pour le ou la remplacer ${absenceSpan(a, locale)}. Pendant ce temps, ses rappels d'échéance, de retard et de point avant réunion vous parviendront, marqués « en remplacement de ${mention(a.userId)} ».`,
      `:busts_in_silhouette: ${mention(a.userId)} named you as their stand-in ${absenceSpan(a, locale)}. Meanwhile their deadline, overdue and pre-meeting reminders will come to you, marked “standing in for ${mention(a.userId)}”.`,
    ),
  );
}

/** The App Home's « Absence » block: the absence with a button to end it, or a button to declare one. */
export function absenceHomeBlocks(a: Absence | null, today: IsoDate, locale: Locale): KnownBlock[] {
  const line = absenceStatusLine(a, today, locale);
  const text = a?.standInId
    ? `${line}\n${tr(locale, `Remplaçant : ${mention(a.standInId)}.`, `Stand-in: ${mention(a.standInId)}.`)}`
    : line;
  return [
    section(text),
    actions(
      a
        ? [
            button(
              ACTIONS.endAbsence,
              a.startsOn > today
                ? tr(locale, "Annuler l'absence", "Cancel the absence")
                : tr(locale, "Je suis de retour", "I am back"),
              a.id,
              "danger",
            ),
          ]
        : [button(ACTIONS.openAbsence, tr(locale, "Déclarer une absence", "Declare an absence"), "open")],
    ),
  ];
}

/** « Déclarer une absence »: first and last day away, and an optional stand-in. */
export function absenceModal(today: IsoDate, locale: Locale): ModalView {
  return formModal(
    {
      callbackId: CALLBACKS.declareAbsence,
      title: tr(locale, "Absence", "Absence"),
      submit: tr(locale, "Enregistrer", "Save"),
      privateMetadata: JSON.stringify({ l: locale }),
      blocks: [
        context(
          tr(
            locale,
            "Pendant votre absence, vous ne recevez aucun rappel. Un remplaçant, si vous en nommez un, les reçoit à votre place ; sinon le point hebdomadaire des coordonnateurs indique ce qui attend votre retour.",
            "While you are away you receive no reminders. A stand-in, if you name one, receives them instead; otherwise the coordinators' weekly digest shows what waits for your return.",
          ),
        ),
        datePicker(BLOCKS.absenceStart, tr(locale, "Premier jour d'absence", "First day away"), { initial: today }),
        datePicker(BLOCKS.absenceEnd, tr(locale, "Dernier jour d'absence (inclus)", "Last day away (included)")),
        userSelect(BLOCKS.standIn, tr(locale, "Remplaçant", "Stand-in"), {
          optional: true,
          hint: tr(
            locale,
            "Facultatif : la personne qui recevra vos rappels.",
            "Optional: who receives your reminders.",
          ),
        }),
      ],
    },
    locale,
  );
}

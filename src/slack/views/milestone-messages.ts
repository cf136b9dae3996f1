// Milestones on the sheet: « Franchi » and « Dater un jalon », what the person who clicked is answered, and the
// word sent to the commitment's owners and followers when a milestone is ticked off.
import type { ActionsBlock, Button, KnownBlock, ModalView } from "@slack/types";
import type { DateWindow } from "../../domain/bounds.js";
import { formatDateLong } from "../../domain/format.js";
import { truncate } from "../../domain/text.js";
import type { Commitment, IsoDate, Locale, Milestone } from "../../domain/types.js";
import { ACTIONS, BLOCKS, CALLBACKS } from "../ids.js";
import { button, esc, mention, plain, section } from "./blocks.js";
import { chooseDateText, dateWindowText } from "./date-window-text.js";
import { tr } from "./locale.js";
import { datePicker, formModal, option, staticSelect } from "./modal-parts.js";
import { encodeNavValue } from "./pagination.js";
import { type Reply, textReply } from "./reply.js";
import { whoMayAct } from "./who-may-act.js";

/** Milestones offered a « Franchi » button under the sheet (the others are ticked from « Dater un jalon »'s list). */
const TICK_BUTTONS = 5;

/** Under the sheet, for its owners and coordinators: « ✅ Franchi : … » per open milestone, and « Dater un jalon ». */
export function milestoneActions(c: Pick<Commitment, "id" | "milestones">, locale: Locale): ActionsBlock | null {
  const open = c.milestones.filter((m) => m.doneOn === null);
  if (open.length === 0) return null;
  const elements: Button[] = open
    .slice(0, TICK_BUTTONS)
    .map((m) =>
      button(ACTIONS.tickMilestone, `${tr(locale, "✅ Franchi", "✅ Reached")} : ${truncate(m.title, 50)}`, m.id),
    );
  elements.push(button(ACTIONS.openMilestoneDate, tr(locale, "📅 Dater un jalon", "📅 Date a milestone"), c.id));
  return { type: "actions", block_id: "milestones", elements };
}

const dayOf = (d: IsoDate | null, locale: Locale): string =>
  d ? formatDateLong(d, locale) : tr(locale, "à une date inconnue", "on an unknown day");

/** To whoever ticked it off. */
export function milestoneTicked(c: Pick<Commitment, "ref">, m: Milestone, told: number, locale: Locale): Reply {
  const tell =
    told > 0
      ? tr(
          locale,
          ` Ses pilotes et abonnés en sont prévenus (${told}).`,
          ` Its owners and followers are told (${told}).`,
        )
      : "";
  return textReply(
    tr(
      locale,
      `:white_check_mark: Jalon « ${plain(m.title, 300)} » de *${esc(c.ref)}* marqué franchi le ${dayOf(m.doneOn, locale)}.${tell}`,
      `:white_check_mark: Milestone “${plain(m.title, 300)}” of *${esc(c.ref)}* marked reached on ${dayOf(m.doneOn, locale)}.${tell}`,
    ),
  );
}

/** A second click, or someone else was first: nothing more is recorded. */
export function milestoneAlready(c: Pick<Commitment, "ref">, m: Milestone, by: string | null, locale: Locale): Reply {
  const who = by ? tr(locale, ` par ${mention(by)}`, ` by ${mention(by)}`) : "";
  return textReply(
    tr(
      locale,
      `:information_source: Le jalon « ${plain(m.title, 300)} » de *${esc(c.ref)}* est déjà franchi : marqué${who} le ${dayOf(m.doneOn, locale)}. Rien n'a été enregistré de plus.`,
      `:information_source: The milestone “${plain(m.title, 300)}” of *${esc(c.ref)}* is already reached: marked${who} on ${dayOf(m.doneOn, locale)}. Nothing more was recorded.`,
    ),
  );
}

export function milestoneRefusal(
  c: Pick<Commitment, "ref" | "owners">,
  coordinators: readonly string[],
  locale: Locale,
): Reply {
  const who = whoMayAct(c, coordinators, locale);
  const owners = who.owners ? ` ${who.owners}` : "";
  const coords = who.coordinators ? ` ${who.coordinators}` : "";
  return textReply(
    tr(
      locale,
      `:lock: Seuls les pilotes de *${esc(c.ref)}* et la coordination peuvent franchir ou dater ses jalons.${owners}${coords}`,
      `:lock: Only the owners of *${esc(c.ref)}* and the coordinators can tick off or date its milestones.${owners}${coords}`,
    ),
  );
}

export const milestoneMissing = (locale: Locale): Reply =>
  textReply(tr(locale, ":grey_question: Ce jalon n'existe plus.", ":grey_question: This milestone no longer exists."));

/** By DM to the commitment's owners and followers. */
export function milestoneDoneNotice(
  c: Pick<Commitment, "ref" | "title">,
  m: Milestone,
  actorId: string,
  locale: Locale,
): Reply {
  const text = tr(
    locale,
    `:white_check_mark: *${esc(c.ref)}* — ${plain(c.title, 200)}\nJalon franchi : « ${plain(m.title, 300)} », marqué par ${mention(actorId)} le ${dayOf(m.doneOn, locale)}.`,
    `:white_check_mark: *${esc(c.ref)}* — ${plain(c.title, 200)}\nMilestone reached: “${plain(m.title, 300)}”, marked by ${mention(actorId)} on ${dayOf(m.doneOn, locale)}.`,
  );
  const show = button(
    ACTIONS.showCommitment,
    tr(locale, "Voir la fiche", "Show the sheet"),
    encodeNavValue(`${tr(locale, "voir", "show")} ${c.ref}`, locale),
  );
  const blocks: KnownBlock[] = [section(text, show)];
  return { text: tr(locale, `Jalon franchi : ${c.ref}`, `Milestone reached: ${c.ref}`), blocks };
}

/** « Dater un jalon »: which milestone (open ones first), and its date. */
export function milestoneDateModal(
  c: Pick<Commitment, "id" | "ref" | "title" | "milestones">,
  locale: Locale,
): ModalView {
  const ordered = [...c.milestones].sort((a, b) => Number(a.doneOn !== null) - Number(b.doneOn !== null));
  const options = ordered.map((m) =>
    option(
      `${m.doneOn ? "✅ " : ""}${truncate(m.title, 50)}${m.dueOn ? ` (${formatDateLong(m.dueOn, locale)})` : ""}`,
      m.id,
    ),
  );
  const first = ordered.find((m) => m.doneOn === null) ?? ordered[0];
  return formModal(
    {
      callbackId: CALLBACKS.milestoneDate,
      title: tr(locale, "Dater un jalon", "Date a milestone"),
      submit: tr(locale, "Enregistrer", "Save"),
      privateMetadata: JSON.stringify({ locale, id: c.id }),
      blocks: [
        section(`*${esc(c.ref)}* — ${plain(c.title, 300)}`),
        staticSelect(BLOCKS.milestone, tr(locale, "Jalon", "Milestone"), options, { initial: first?.id ?? null }),
        datePicker(BLOCKS.milestoneDueOn, tr(locale, "Date prévue", "Due date"), {
          initial: first?.dueOn ?? null,
          hint: tr(
            locale,
            "La date s'affiche sur la fiche ; l'ancienne reste dans l'historique.",
            "The date shows on the sheet; the previous one stays in the history.",
          ),
        }),
      ],
    },
    locale,
  );
}

/** To whoever dated it. */
export function milestoneDated(c: Pick<Commitment, "ref">, m: Milestone, locale: Locale): Reply {
  return textReply(
    tr(
      locale,
      `:calendar: Jalon « ${plain(m.title, 300)} » de *${esc(c.ref)}* prévu le ${dayOf(m.dueOn, locale)}.`,
      `:calendar: Milestone “${plain(m.title, 300)}” of *${esc(c.ref)}* due ${dayOf(m.dueOn, locale)}.`,
    ),
  );
}

/** The « Dater un jalon » form's inline errors, next to the field concerned. */
export function milestoneDateErrors(
  r:
    | { kind: "invalid"; why: "no_milestone" | "no_date" | "outside"; window?: DateWindow }
    | { kind: "missing" }
    | { kind: "not_allowed" },
  locale: Locale,
): Record<string, string> {
  if (r.kind === "missing")
    return { [BLOCKS.milestone]: tr(locale, "Ce jalon n'existe plus.", "This milestone no longer exists.") };
  if (r.kind === "not_allowed")
    return {
      [BLOCKS.milestone]: tr(
        locale,
        "Seuls les pilotes de l'engagement et la coordination peuvent dater ses jalons.",
        "Only the commitment's owners and the coordinators can date its milestones.",
      ),
    };
  if (r.why === "no_milestone")
    return { [BLOCKS.milestone]: tr(locale, "Choisissez le jalon.", "Choose the milestone.") };
  if (r.why === "outside" && r.window) return { [BLOCKS.milestoneDueOn]: dateWindowText(r.window, locale) };
  return { [BLOCKS.milestoneDueOn]: chooseDateText(locale) };
}

// The direct message that brings a Slack attendee a meeting's .ics (issue 12): invitation, update when it moves,
// cancellation. Pure; the file itself is uploaded right after the message (jobs/render-delivery.ts).
import { formatInstant, meetingKindLabel } from "../../domain/format.js";
import type { Locale, Meeting } from "../../domain/types.js";
import { context, plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import type { Reply } from "./reply.js";

export type InvitationChange = "scheduled" | "moved" | "cancelled";

export function invitationMessage(o: {
  meeting: Pick<Meeting, "kind" | "title" | "startsAt" | "place">;
  change: InvitationChange;
  timezone: string;
  locale: Locale;
}): Reply {
  const { meeting: m, locale } = o;
  const what = `${meetingKindLabel(m.kind, locale)}${m.title ? ` « ${plain(m.title, 120)} »` : ""}`;
  const when = formatInstant(m.startsAt, o.timezone, locale);
  const where = m.place ? tr(locale, `, lieu : ${plain(m.place, 200)}`, `, place: ${plain(m.place, 200)}`) : "";
  const lead = {
    scheduled: tr(locale, ":calendar: Invitation à la réunion", ":calendar: You are invited to the meeting"),
    moved: tr(locale, ":calendar: Réunion déplacée", ":calendar: Meeting moved"),
    cancelled: tr(locale, ":x: Réunion annulée", ":x: Meeting cancelled"),
  }[o.change];
  const text = `${lead}${tr(locale, " : ", ": ")}*${what}*, ${when}${where}.`;
  const tail =
    o.change === "cancelled"
      ? tr(
          locale,
          "Ouvrez l'annulation jointe (.ics) pour la retirer de votre agenda.",
          "Open the attached cancellation (.ics) to remove it from your calendar.",
        )
      : tr(
          locale,
          "Ouvrez le fichier joint (.ics) pour l'ajouter à votre agenda ; une modification ultérieure remplacera cette réunion, sans doublon. Heure de Paris.",
          "Open the attached file (.ics) to add it to your calendar; a later change will replace this meeting, without a duplicate. Paris time.",
        );
  return { text: text.replace(/\*/g, ""), blocks: [section(text), context(tail)] };
}

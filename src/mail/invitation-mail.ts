// A meeting in the recipient's calendar: the invitation when it is scheduled, its update when it moves, its
// cancellation. The .ics keeps the meeting's one UID and carries SEQUENCE (the meeting's revision), so that a
// calendar replaces the event it has instead of adding another.
import { meetingsIcs } from "../documents/meetings-ics.js";
import { formatInstant, meetingKindLabel } from "../domain/format.js";
import type { Meeting } from "../domain/types.js";
import { CLOSING, html, htmlPage } from "./mail-html.js";
import type { OutgoingMail } from "./mail-sender.js";

interface InvitationMailInput {
  key: string;
  recipient: { name: string; address: string };
  /** The sender's address (SMTP_FROM), the invitation's organizer. */
  organizer: { name: string; email: string };
  contractTitle: string;
  meeting: Pick<Meeting, "id" | "kind" | "title" | "startsAt" | "place" | "agenda"> & { sequence: number };
  /** scheduled: first invitation; moved: update; cancelled: cancellation. */
  change: "scheduled" | "moved" | "cancelled";
  timezone: string;
  stamp: Date;
}

const WORDS = {
  scheduled: { subject: "Invitation", lead: "Nous vous invitons à la réunion suivante" },
  moved: { subject: "Réunion déplacée", lead: "La réunion suivante a été déplacée ; voici la nouvelle date" },
  cancelled: { subject: "Réunion annulée", lead: "La réunion suivante est annulée" },
} as const;

export function invitationMail(input: InvitationMailInput): OutgoingMail {
  const { meeting: m, change } = input;
  const kind = meetingKindLabel(m.kind, "fr");
  const what = m.title ? `${kind} — ${m.title}` : kind;
  const when = formatInstant(m.startsAt, input.timezone, "fr");
  const words = WORDS[change];
  const method = change === "cancelled" ? "CANCEL" : "REQUEST";
  const ics = meetingsIcs({
    meetings: [m],
    timezone: input.timezone,
    contractTitle: input.contractTitle,
    method,
    sequence: m.sequence,
    stamp: input.stamp,
    organizer: input.organizer,
    attendee: { name: input.recipient.name, email: input.recipient.address },
  });
  const facts = [
    `Réunion : ${what}`,
    `Date : ${when} (heure de Paris)`,
    m.place ? `Lieu : ${m.place}` : null,
    `Contrat : ${input.contractTitle}`,
  ].filter((l): l is string => l !== null);
  const tail =
    change === "cancelled"
      ? "Votre agenda retire la réunion quand vous ouvrez l'annulation jointe."
      : "L'invitation jointe (.ics) l'ajoute à votre agenda (Outlook, Thunderbird, Google Agenda…) ; une modification ultérieure remplacera cette réunion, sans doublon.";
  const text = [`Bonjour ${input.recipient.name},`, "", `${words.lead} :`, "", ...facts, "", tail, "", CLOSING].join(
    "\n",
  );
  const body = `<p>Bonjour ${html(input.recipient.name)},</p>
<p>${html(words.lead)} :</p>
<ul>${facts.map((f) => `<li>${html(f)}</li>`).join("")}</ul>
<p>${html(tail)}</p>`;
  return {
    key: input.key,
    to: [input.recipient],
    subject: `${words.subject} : ${what} — ${when}`,
    text,
    html: htmlPage(body),
    attachments: [],
    calendar: { method, content: ics },
  };
}

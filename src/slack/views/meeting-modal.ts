// The coordinators' modal to schedule a GLTD, COPIL or CLSPD meeting.
import type { KnownBlock, ModalView } from "@slack/types";
import { meetingKindLabel } from "../../domain/format.js";
import { MAX_AGENDA } from "../../domain/meeting-input.js";
import { type Locale, MEETING_KINDS } from "../../domain/types.js";
import { BLOCKS, CALLBACKS } from "../ids.js";
import { tr } from "./locale.js";
import {
  channelSelect,
  datePicker,
  formModal,
  option,
  staticSelect,
  textInput,
  timePicker,
  usersSelect,
} from "./modal-parts.js";

interface MeetingModalInput {
  locale: Locale;
  timezone: string;
  /** Suggested date (the next working day, in the contract's zone), `YYYY-MM-DD`. */
  initialDate: string | null;
  privateMetadata: string;
}

export function meetingModal(m: MeetingModalInput): ModalView {
  const { locale } = m;
  const blocks: KnownBlock[] = [
    staticSelect(
      BLOCKS.meetingKind,
      tr(locale, "Instance", "Kind"),
      MEETING_KINDS.map((k) => option(meetingKindLabel(k, locale, k === "OTHER" ? "short" : "long"), k)),
      { placeholder: tr(locale, "Choisir", "Choose") },
    ),
    textInput(BLOCKS.title, tr(locale, "Intitulé", "Title"), {
      optional: true,
      maxLength: 150,
      placeholder: tr(locale, "ex. COPIL de mi-parcours", "e.g. Mid-term steering committee"),
    }),
    datePicker(BLOCKS.meetingDate, tr(locale, "Date", "Date"), { initial: m.initialDate }),
    timePicker(BLOCKS.meetingTime, tr(locale, `Heure (${m.timezone})`, `Time (${m.timezone})`), {
      initial: "14:00",
      timezone: m.timezone,
      hint: tr(locale, "Heure de Paris, quel que soit votre fuseau.", "Paris time, whatever your own time zone."),
    }),
    textInput(BLOCKS.place, tr(locale, "Lieu", "Place"), {
      optional: true,
      maxLength: 200,
      placeholder: tr(locale, "ex. Hôtel de ville, salle des délibérations", "e.g. City hall, council room"),
    }),
    channelSelect(BLOCKS.channel, tr(locale, "Canal de la réunion", "Meeting channel"), {
      optional: true,
      hint: tr(locale, "Les rappels J-7 et J-1 y sont publiés.", "Reminders 7 days and 1 day before are posted there."),
    }),
    usersSelect(BLOCKS.attendees, tr(locale, "Participants", "Attendees"), { optional: true }),
    textInput(BLOCKS.agenda, tr(locale, "Ordre du jour", "Agenda"), {
      multiline: true,
      optional: true,
      maxLength: MAX_AGENDA,
      hint: tr(
        locale,
        "Les situations individuelles se traitent dans les instances confidentielles, pas ici : aucune donnée personnelle.",
        "Individual cases are handled in the confidential bodies, not here: no personal data.",
      ),
    }),
  ];
  return formModal(
    {
      callbackId: CALLBACKS.scheduleMeeting,
      title: tr(locale, "Planifier une réunion", "Schedule a meeting"),
      submit: tr(locale, "Planifier", "Schedule"),
      privateMetadata: m.privateMetadata,
      blocks,
    },
    locale,
  );
}

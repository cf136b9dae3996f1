// « Réglages du contrat » (`/csi contrat reglages`): the form, prefilled with the values in force, and what the
// coordinator reads once they are saved.
import type { KnownBlock, ModalView } from "@slack/types";
import type { ContractSettings } from "../../domain/contract-settings.js";
import { frenchClockTime } from "../../domain/format.js";
import type { Contract, Locale } from "../../domain/types.js";
import { BLOCKS, CALLBACKS } from "../ids.js";
import { channelLink, context, esc, plain, section } from "./blocks.js";
import { type ContractFormOf, contractChannelInputs } from "./contract-modal.js";
import { tr } from "./locale.js";
import { formModal, option, staticSelect, textInput, timePicker } from "./modal-parts.js";
import type { Reply } from "./reply.js";

const WEEKDAYS: [fr: string, en: string][] = [
  ["lundi", "Monday"],
  ["mardi", "Tuesday"],
  ["mercredi", "Wednesday"],
  ["jeudi", "Thursday"],
  ["vendredi", "Friday"],
  ["samedi", "Saturday"],
  ["dimanche", "Sunday"],
];

const weekdayName = (n: number, locale: Locale): string => {
  const [fr, en] = WEEKDAYS[n - 1] ?? ["?", "?"];
  return tr(locale, fr, en);
};

/** « 08:30 » → « 8 h 30 », « 09:00 » → « 9 h » (used in the French sentences). */
const hourWords = (hhmm: string): string => {
  const [h = "0", m = "0"] = hhmm.split(":");
  return frenchClockTime(Number(h), Number(m));
};

export function contractSettingsModal(m: ContractFormOf & { current: ContractSettings }): ModalView {
  const { locale, current } = m;
  const blocks: KnownBlock[] = [
    context(
      tr(
        locale,
        `Réglages de *${plain(m.contract.title, 200)}* (\`${esc(m.contract.ref)}\`) : ils valent pour ce contrat seul et s'appliquent au prochain passage du planificateur.`,
        `Settings of *${plain(m.contract.title, 200)}* (\`${esc(m.contract.ref)}\`): for this contract only, applied at the scheduler's next pass.`,
      ),
    ),
    staticSelect(
      BLOCKS.digestWeekday,
      tr(locale, "Jour du point hebdomadaire", "Weekly digest day"),
      WEEKDAYS.map((_, i) => option(weekdayName(i + 1, locale), String(i + 1))),
      { initial: String(current.digestWeekday) },
    ),
    timePicker(BLOCKS.digestTime, tr(locale, "Heure du point hebdomadaire", "Weekly digest time"), {
      initial: current.digestTime,
    }),
    timePicker(BLOCKS.reminderHour, tr(locale, "Heure des rappels", "Reminder time"), {
      initial: current.reminderHour,
      hint: tr(
        locale,
        "Les rappels d'échéance et de réunion partent à cette heure, les jours ouvrés.",
        "Deadline and meeting reminders go out at this time, on working days.",
      ),
    }),
    textInput(BLOCKS.quietHours, tr(locale, "Heures calmes", "Quiet hours"), {
      initial: current.quietHours,
      maxLength: 20,
      placeholder: "19:00-09:00",
      hint: tr(
        locale,
        "Début-fin : rien de ce qui a pris du retard (un envoi à refaire, un rattrapage) ne part pendant ces heures.",
        "Start-end: nothing late (a send to retry, a catch-up) goes out during these hours.",
      ),
    }),
    textInput(BLOCKS.timezone, tr(locale, "Fuseau horaire", "Time zone"), {
      initial: current.timezone,
      maxLength: 60,
      hint: tr(
        locale,
        "Celui des heures ci-dessus et des dates : Europe/Paris, America/Cayenne, Indian/Reunion…",
        "The one of the times above and of dates: Europe/Paris, America/Cayenne, Indian/Reunion…",
      ),
    }),
    ...contractChannelInputs(locale, current),
  ];
  return formModal(
    {
      callbackId: CALLBACKS.contractSettings,
      title: tr(locale, "Réglages du contrat", "Contract settings"),
      submit: tr(locale, "Enregistrer", "Save"),
      privateMetadata: m.privateMetadata,
      blocks,
    },
    locale,
  );
}

/** To the coordinator, once saved: the settings in words. */
export function contractSettingsSaved(contract: Contract, s: ContractSettings, locale: Locale): Reply {
  const none = tr(locale, "aucun", "none");
  const lines = [
    tr(
      locale,
      `Point hebdomadaire : le ${weekdayName(s.digestWeekday, "fr")} à ${hourWords(s.digestTime)}${s.digestChannelId ? `, dans ${channelLink(s.digestChannelId)}` : ""}`,
      `Weekly digest: ${weekdayName(s.digestWeekday, "en")} at ${s.digestTime}${s.digestChannelId ? `, in ${channelLink(s.digestChannelId)}` : ""}`,
    ),
    tr(
      locale,
      `Rappels à ${hourWords(s.reminderHour)} ; heures calmes ${s.quietHours.replace("-", " – ")}`,
      `Reminders at ${s.reminderHour}; quiet hours ${s.quietHours.replace("-", " – ")}`,
    ),
    tr(locale, `Fuseau horaire : ${esc(s.timezone)}`, `Time zone: ${esc(s.timezone)}`),
    tr(
      locale,
      `Canal du contrat : ${s.channelId ? channelLink(s.channelId) : none}`,
      `Contract channel: ${s.channelId ? channelLink(s.channelId) : none}`,
    ),
  ];
  return {
    text: tr(locale, "Réglages enregistrés", "Settings saved"),
    blocks: [
      section(
        tr(
          locale,
          `:white_check_mark: Réglages de *${plain(contract.title, 200)}* enregistrés ; ils s'appliquent au prochain passage du planificateur.`,
          `:white_check_mark: Settings of *${plain(contract.title, 200)}* saved; they apply at the scheduler's next pass.`,
        ),
      ),
      section(lines.map((l) => `• ${l}`).join("\n")),
    ],
  };
}

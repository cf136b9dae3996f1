import { countOf, formatDateLong } from "../../domain/format.js";
import type { IsoDate, Locale } from "../../domain/types.js";
import { plain } from "./blocks.js";
import { tr } from "./locale.js";
import { type Reply, textReply } from "./reply.js";

/** Why a file (an export, a report) could not be sent, from Slack's error code: what to do about it. */
export function fileRefusalText(reason: string, locale: Locale): string {
  return reason === "missing_scope"
    ? tr(
        locale,
        "il manque à Vigie la permission d'envoyer des fichiers (portée `files:write`) : réinstallez l'app depuis `manifest.yml`.",
        "Vigie lacks the permission to send files (`files:write` scope): reinstall the app from `manifest.yml`.",
      )
    : tr(
        locale,
        `Slack a répondu « ${plain(reason, 80)} ». Réessayez dans un instant.`,
        `Slack answered "${plain(reason, 80)}". Try again in a moment.`,
      );
}

/** The files Vigie sends on a command: `/csi export`, `/csi rapport`, `/csi reunions agenda`. */
export type SentFileKind = "export" | "report" | "calendar";

const FILE_NAMES: Record<SentFileKind, [fr: string, en: string]> = {
  export: ["L'export", "The export"],
  report: ["Le rapport", "The report"],
  calendar: ["Le fichier d'agenda", "The calendar file"],
};

/** The file could not be sent: which one, and why (Slack's reason, fileRefusalText). */
export function fileNotSentReply(kind: SentFileKind, reason: string, locale: Locale): Reply {
  const [fr, en] = FILE_NAMES[kind];
  const why = fileRefusalText(reason, locale);
  return textReply(
    tr(
      locale,
      `:warning: ${fr} n'a pas pu vous être envoyé : ${why}`,
      `:warning: ${en} could not be sent to you: ${why}`,
    ),
  );
}

/** Asked for a file of nothing: `/csi export` with filters that match nothing, no meeting ahead for the agenda. */
export const nothingToSendReply = (kind: "export" | "calendar", locale: Locale): Reply =>
  textReply(
    kind === "export"
      ? tr(
          locale,
          "Aucun engagement ne correspond à ces critères : rien à exporter.",
          "No commitment matches these criteria: nothing to export.",
        )
      : tr(
          locale,
          "Aucune réunion n'est planifiée : rien à ajouter à votre agenda.",
          "No meeting is scheduled: nothing to add to your calendar.",
        ),
  );

/** The CSV's title and the comment sent with it. */
export const exportFileWords = (contractTitle: string, count: number, today: IsoDate, locale: Locale) => ({
  title: tr(locale, `Engagements — ${contractTitle}`, `Commitments — ${contractTitle}`),
  comment: tr(
    locale,
    `:page_facing_up: Export de ${countOf(count, "fr", "engagement", "engagements")} au ${today} (CSV, séparateur point-virgule : s'ouvre dans Excel ou LibreOffice).`,
    `:page_facing_up: Export of ${countOf(count, "en", "commitment", "commitments")} as of ${today} (CSV, semicolon-separated: opens in Excel or LibreOffice).`,
  ),
});

/** The .ics file's title and the comment sent with it. */
export const calendarFileWords = (contractTitle: string, count: number, locale: Locale) => ({
  title: tr(locale, `Réunions — ${contractTitle}`, `Meetings — ${contractTitle}`),
  comment: tr(
    locale,
    `:calendar: ${countOf(count, "fr", "réunion", "réunions")} à venir : ouvrez le fichier pour les ajouter à votre agenda (Outlook, Thunderbird, Google Agenda…). Les heures sont celles de Paris.`,
    `:calendar: ${countOf(count, "en", "upcoming meeting", "upcoming meetings")}: open the file to add them to your calendar (Outlook, Thunderbird, Google Calendar…). Times are Paris time.`,
  ),
});

/** The follow-up report's title (the PDF is in French) and the comment sent with it; `scope` is « — Partie » or "". */
export const reportFileWords = (
  contractTitle: string,
  scope: string,
  r: { today: IsoDate; total: number; averageProgress: number; overdue: number },
  locale: Locale,
) => ({
  title: `Rapport de suivi du CSI — ${contractTitle}${scope}`,
  comment: tr(
    locale,
    `:bookmark_tabs: Rapport de suivi du CSI${scope}, situation au ${formatDateLong(r.today, "fr")} : ${countOf(r.total, "fr", "engagement", "engagements")}, ${r.averageProgress} % d'avancement moyen, ${r.overdue} en retard. Document de travail, diffusion restreinte aux membres du COPIL.`,
    `:bookmark_tabs: CSI follow-up report${scope} (in French), as of ${formatDateLong(r.today, "en")}: ${countOf(r.total, "en", "commitment", "commitments")}, ${r.averageProgress}% average progress, ${r.overdue} overdue. Working document, for COPIL members only.`,
  ),
});

/** What each file is called once sent, and what it counts (one, several) in each language. */
const SENT: Record<SentFileKind, { fr: string; en: string; counted?: Record<Locale, [one: string, other: string]> }> = {
  export: {
    fr: "Export",
    en: "Export",
    counted: { fr: ["engagement", "engagements"], en: ["commitment", "commitments"] },
  },
  calendar: { fr: "Agenda", en: "Calendar", counted: { fr: ["réunion", "réunions"], en: ["meeting", "meetings"] } },
  report: { fr: "Rapport", en: "Report" },
};

/** The file is in the requester's conversation with Vigie: its name, and how many things it holds. */
export function fileSentReply(kind: SentFileKind, filename: string, count: number, locale: Locale): Reply {
  const { fr, en, counted } = SENT[kind];
  const many = counted ? `, ${countOf(count, locale, ...counted[locale])}` : "";
  return textReply(
    tr(
      locale,
      `:white_check_mark: ${fr} envoyé dans votre conversation avec Vigie : *${filename}*${many}.`,
      `:white_check_mark: ${en} sent to your conversation with Vigie: *${filename}*${many}.`,
    ),
  );
}

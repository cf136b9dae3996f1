import type { KnownBlock } from "@slack/types";
import type { Locale } from "../../domain/types.js";
import { COMMAND } from "../ids.js";
import { tr } from "./locale.js";
import type { Reply } from "./reply.js";

interface HelpLine {
  fr: string;
  en: string;
  usageFr: string;
  usageEn: string;
}

const READ_LINES: HelpLine[] = [
  {
    usageFr: "etat",
    usageEn: "status",
    fr: "le contrat en un coup d'œil, par partie",
    en: "the whole contract at a glance, per party",
  },
  {
    usageFr: "liste [partie] [statut]",
    usageEn: "list [party] [status]",
    fr: "les engagements filtrés, ex. `liste ville en-retard` ; `liste sans-pilote` et `liste a-completer` (décidés en réunion, sans pilote ou sans échéance)",
    en: "filtered commitments, e.g. `list city late`; `list ownerless` and `list incomplete` (decided in a meeting, without an owner or a due date)",
  },
  {
    usageFr: "voir REF",
    usageEn: "show REF",
    fr: "la fiche d'un engagement, ex. `voir ETAT-08`",
    en: "one commitment's sheet, e.g. `show ETAT-08`",
  },
  {
    usageFr: "mes",
    usageEn: "mine",
    fr: "vos engagements, les plus urgents d'abord",
    en: "your commitments, most urgent first",
  },
  {
    usageFr: "retards",
    usageEn: "overdue",
    fr: "les engagements dont l'échéance est dépassée",
    en: "commitments past their due date",
  },
  {
    usageFr: "echeances [jours]",
    usageEn: "due [days]",
    fr: "les échéances des N prochains jours (30 par défaut)",
    en: "deadlines within N days (default 30)",
  },
  {
    usageFr: "reunions [agenda]",
    usageEn: "meetings [calendar]",
    fr: "les prochaines réunions GLTD, COPIL, CLSPD ; `agenda` : en fichier .ics pour votre agenda",
    en: "upcoming GLTD, COPIL, CLSPD meetings; `calendar`: as an .ics file for your calendar",
  },
  {
    usageFr: "cherche TEXTE",
    usageEn: "search TEXT",
    fr: "recherche dans les références, titres et descriptions",
    en: "search refs, titles and descriptions",
  },
  {
    usageFr: "historique REF",
    usageEn: "history REF",
    fr: "l'historique complet : mises à jour et modifications de la fiche",
    en: "the full history: updates and changes to the sheet",
  },
  {
    usageFr: "maj REF",
    usageEn: "update REF",
    fr: "déclarer l'avancement d'un engagement dont vous êtes pilote",
    en: "report progress on a commitment you own",
  },
  {
    usageFr: "absence DÉBUT FIN [@remplaçant] | absence | absence fin",
    usageEn: "away START END [@stand-in] | away | away end",
    fr: "pendant une absence, aucun rappel (un remplaçant les reçoit), ex. `absence 21/12/2026 04/01/2027 @camille`",
    en: "no reminders while away (a stand-in gets them), e.g. `away 21/12/2026 04/01/2027 @camille`",
  },
];

const COORDINATOR_LINES: HelpLine[] = [
  {
    usageFr: "rapport [partie]",
    usageEn: "report [party]",
    fr: "recevoir le rapport de suivi du CSI en PDF (aussi pour les membres du COPIL)",
    en: "get the CSI follow-up report as a PDF (also for COPIL members)",
  },
  { usageFr: "nouveau", usageEn: "new", fr: "créer un engagement", en: "create a commitment" },
  { usageFr: "reunion", usageEn: "meeting", fr: "planifier une réunion", en: "schedule a meeting" },
  {
    usageFr: "reunion deplacer 17/12/2026 18/12/2026 14h30 | reunion annuler 17/12/2026",
    usageEn: "meeting move 17/12/2026 18/12/2026 14:30 | meeting cancel 17/12/2026",
    fr: "déplacer ou annuler une réunion (les destinataires par courriel reçoivent la mise à jour)",
    en: "move or cancel a meeting (e-mail recipients receive the update)",
  },
  {
    usageFr: "digest",
    usageEn: "digest",
    fr: "afficher le prochain point hebdomadaire",
    en: "preview the next weekly digest",
  },
  {
    usageFr: "export [partie] [statut]",
    usageEn: "export [party] [status]",
    fr: "recevoir les engagements en fichier CSV (tableur)",
    en: "get the commitments as a CSV file (spreadsheet)",
  },
  {
    usageFr: "import",
    usageEn: "import",
    fr: "ajouter ou mettre à jour des engagements depuis un tableur (le fichier de l'export, modifié)",
    en: "add or update commitments from a spreadsheet (the export's file, edited)",
  },
  {
    usageFr: "journal [REF|role|reunions|imports]",
    usageEn: "audit [REF|role|meetings|imports]",
    fr: "qui a fait quoi et quand : modifications, décisions, rôles, réunions, imports (les plus récents d'abord)",
    en: "who did what and when: changes, decisions, roles, meetings, imports (newest first)",
  },
  {
    usageFr: "destinataires [ajouter Nom adresse, organisation, envois | modifier N champ valeur | retirer adresse]",
    usageEn: "recipients [add Name address, organisation, what | edit N field value | remove address]",
    fr: "les destinataires hors Slack du point hebdomadaire, du rapport et des invitations, par courriel",
    en: "recipients outside Slack of the digest, the report and invitations, by e-mail",
  },
  {
    usageFr: "contrat reglages",
    usageEn: "contract settings",
    fr: "les réglages du contrat : jour et heure du point hebdomadaire, heure des rappels, heures calmes, canaux, fuseau horaire",
    en: "the contract's settings: weekly digest day and time, reminder time, quiet hours, channels, time zone",
  },
  {
    usageFr: "contrat nouveau | contrat renouveler",
    usageEn: "contract new | contract renew",
    fr: "créer un autre contrat, ou renouveler celui qui prend fin : les engagements en cours choisis passent au suivant, l'ancien est clos (lecture seule) avec son rapport final",
    en: "start another contract, or renew the ending one: the open commitments chosen carry over, the old one is closed (read-only) with its final report",
  },
  {
    usageFr: "role @personne coordonnateur|membre|lecteur",
    usageEn: "role @user coordinator|member|reader",
    fr: "attribuer un rôle",
    en: "grant a role",
  },
];

const lines = (items: HelpLine[], locale: Locale) =>
  items.map((l) => `• \`${COMMAND} ${tr(locale, l.usageFr, l.usageEn)}\` — ${tr(locale, l.fr, l.en)}`).join("\n");

interface HelpOptions {
  /** Shown above the help when the user typed something Vigie did not understand. */
  notice?: string;
  /** Near-miss corrections, whole command lines without `/csi` (e.g. `status`, `voir ETAT-08`). */
  suggestions?: string[];
}

const EXAMPLES_FR = ["etat", "liste ville en-retard", "voir ETAT-08", "echeances 60", "cherche vidéo"];
const EXAMPLES_EN = ["status", "list city late", "show ETAT-08", "due 60", "search video"];

/** The answer to `/csi aide` and to anything not understood. */
export function helpReply(locale: Locale, options: HelpOptions = {}): Reply {
  const blocks: KnownBlock[] = [];
  if (options.notice) blocks.push({ type: "section", text: { type: "mrkdwn", text: options.notice } });
  const suggestions = (options.suggestions ?? []).slice(0, 3);
  if (suggestions.length) {
    const list = suggestions.map((x) => `\`${COMMAND} ${x}\``).join(tr(locale, " ou ", " or "));
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: tr(locale, `:bulb: Vouliez-vous dire ${list} ?`, `:bulb: Did you mean ${list}?`) },
    });
  }
  blocks.push(
    {
      type: "header",
      text: {
        type: "plain_text",
        text: tr(
          locale,
          "Vigie — suivi du Contrat de Sécurité Intégrée",
          "Vigie — Integrated Security Contract tracker",
        ),
      },
    },
    {
      type: "section",
      text: { type: "mrkdwn", text: `*${tr(locale, "Consulter", "Read")}*\n${lines(READ_LINES, locale)}` },
    },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${tr(locale, "Coordination", "Coordinators")}*\n${lines(COORDINATOR_LINES, locale)}`,
      },
    },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${tr(locale, "Exemples", "Examples")}*\n${(locale === "en" ? EXAMPLES_EN : EXAMPLES_FR).map((e) => `\`${COMMAND} ${e}\``).join(" · ")}`,
      },
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: tr(
            locale,
            "Les réponses ne sont visibles que par vous ; le bouton *Partager* les publie dans le canal. Les commandes anglaises (`/csi status`) répondent en anglais.",
            "Answers are visible to you only; the *Share* button posts them to the channel. French sub-commands (`/csi etat`) answer in French.",
          ),
        },
      ],
    },
  );
  return { text: tr(locale, "Aide de la commande /csi", "Help for the /csi command"), blocks };
}

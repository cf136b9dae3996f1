// The local console's own words (not Vigie's: those come from the app in the user's locale), in the language
// chosen with LOCAL_LOCALE (`fr-FR` by default, `en-GB` or any `en…` for English).
import { countOf } from "../domain/format.js";
import { tr } from "../domain/locale.js";
import type { Locale } from "../domain/types.js";

export function consoleLocale(setting: string | undefined): Locale {
  return setting?.toLowerCase().startsWith("en") ? "en" : "fr";
}

export function consoleWords(l: Locale) {
  const t = (fr: string, en: string) => tr(l, fr, en);
  return {
    preparingFirst: t(
      "Création de la base embarquée (première fois seulement : une dizaine de secondes)…",
      "Creating the embedded database (first time only: about ten seconds)…",
    ),
    preparing: t("Ouverture de la base embarquée…", "Opening the embedded database…"),
    title: t("Vigie — mode local", "Vigie — local mode"),
    banner: t(
      "(Slack simulé, base embarquée). Tapez :help pour l'aide.",
      "(simulated Slack, embedded database). Type :help for help.",
    ),
    youAre: (who: string) => t(`Vous êtes ${who}.`, `You are ${who}.`),
    youAreNow: (who: string) => t(`Vous êtes maintenant ${who}.`, `You are now ${who}.`),
    firstSteps: t(
      "Pour commencer : /csi etat, puis :as @marc (un pilote) et /csi mes, ou :home pour l'onglet Accueil.",
      "To begin: /csi etat, then :as @marc (an owner) and /csi mes, or :home for the Home tab.",
    ),
    help: t(
      `Commandes :
  /csi …            une commande Vigie (ex. /csi aide, /csi etat, /csi voir ETAT-08, /csi maj ETAT-08)
                    @prénom désigne une personne (ex. /csi role @pierre coordonnateur)
  <numéro>          appuie sur le bouton portant ce numéro
  :as @prénom       parler en tant qu'un autre utilisateur (:users pour la liste)
  :home             afficher l'onglet Accueil de l'utilisateur courant
  :tick AAAA-MM-JJTHH:MM   avancer l'horloge du planificateur (heure de Paris) et voir ce qui part
  :quit             quitter
Dans un formulaire : Entrée garde la valeur proposée, :vide efface le champ, :annuler ferme le formulaire.`,
      `Commands:
  /csi …            a Vigie command (e.g. /csi help, /csi status, /csi show ETAT-08, /csi update ETAT-08)
                    @name designates a person (e.g. /csi role @pierre coordinator)
  <number>          presses the button with that number
  :as @name         act as another user (:users lists them)
  :home             show the current user's Home tab
  :tick YYYY-MM-DDTHH:MM   move the scheduler's clock (Paris time) and see what is sent
  :quit             quit
In a form: Enter keeps the value offered, :clear empties the field, :cancel closes the form.`,
    ),
    roleCoordinator: t("coordonnateur", "coordinator"),
    roleMember: t("membre du COPIL", "steering committee member"),
    unknownUser: t("Utilisateur inconnu. :users donne la liste.", "Unknown user. :users lists them."),
    tickUsage: t(
      "Date attendue : :tick 2026-12-07T08:30 (heure de Paris).",
      "Expected: :tick 2026-12-07T08:30 (Paris time).",
    ),
    tickClock: (when: string) => t(`Horloge du planificateur : ${when}`, `Scheduler clock: ${when}`),
    tickDateFormat: t("cccc d LLLL yyyy 'à' HH:mm", "cccc d LLLL yyyy 'at' HH:mm"),
    tickProgress: (n: number) =>
      t(
        `  … ${countOf(n, "fr", "message envoyé", "messages envoyés")} jusqu'ici`,
        `  … ${countOf(n, "en", "message", "messages")} sent so far`,
      ),
    tickSent: (n: number) =>
      t(
        `${countOf(n, "fr", "message envoyé", "messages envoyés")} :`,
        `${countOf(n, "en", "message", "messages")} sent:`,
      ),
    nothingToSend: t("Rien à envoyer à cet instant.", "Nothing to send at this time."),
    noButton: (n: string) => t(`Pas de bouton n° ${n} à l'écran.`, `No button number ${n} on screen.`),
    link: t("Lien", "Link"),
    typeSomething: t(
      "Tapez une commande /csi, un numéro de bouton, ou :help.",
      "Type a /csi command, a button number, or :help.",
    ),
    error: t("Erreur", "Error"),
    httpError: (status: number, body: string) =>
      t(
        `Slack aurait reçu une erreur HTTP ${status} : ${body}`,
        `Slack would have received HTTP error ${status}: ${body}`,
      ),
    replyPrivate: t("Réponse (visible par vous seul)", "Reply (only visible to you)"),
    replyPrivateUpdated: t("Réponse mise à jour (visible par vous seul)", "Reply updated (only visible to you)"),
    replyShared: (channel: string) =>
      t(`Message dans #${channel} (visible par tous)`, `Message in #${channel} (visible to all)`),
    replySharedUpdated: (channel: string) =>
      t(`Message mis à jour dans #${channel} (visible par tous)`, `Message updated in #${channel} (visible to all)`),
    directMessage: (who: string) => t(`Message direct à @${who}`, `Direct message to @${who}`),
    channelMessage: (channel: string) => t(`Message dans #${channel}`, `Message in #${channel}`),
    home: t("Accueil", "Home"),
    fileSent: (who: string) =>
      t(`Fichier envoyé en message direct à @${who}`, `File sent as a direct message to @${who}`),
    fileSaved: (name: string, size: string, where: string) =>
      t(`${name} — ${size}, enregistré dans ${where}`, `${name} — ${size}, saved in ${where}`),
    lines: (n: number) => countOf(n, l, t("ligne", "line"), t("lignes", "lines")),
    kilobytes: (n: number) => t(`${n} Ko`, `${n} KB`),
    fileNotFound: (file: string) => t(`Fichier introuvable : ${file}`, `File not found: ${file}`),
    confirm: (action: string) => t(`  ${action} ? [o/n] : `, `  ${action}? [y/n] : `),
    yes: /^(o|oui|y|yes)$/i,
    form: t("Formulaire", "Form"),
    formHowTo: t(
      "(Entrée garde la valeur proposée ; :vide efface le champ ; :annuler ferme le formulaire)",
      "(Enter keeps the value offered; :clear empties the field; :cancel closes the form)",
    ),
    formClosed: t("Formulaire fermé, rien n'a été envoyé.", "Form closed, nothing was sent."),
    formRefused: t(
      "Le formulaire n'a pas été accepté (vos saisies sont gardées) :",
      "The form was not accepted (what you typed is kept):",
    ),
    formReopen: t("Formulaire fermé : rouvrez-le pour recommencer.", "Form closed: open it again to start over."),
    formSent: t("Formulaire envoyé.", "Form sent."),
    moreLines: t("  … (ligne vide pour terminer) ", "  … (empty line to finish) "),
    keptText: t(
      "    Texte actuel ci-dessous : Entrée le garde, :vide l'efface, ou tapez le nouveau texte.",
      "    Current text below: Enter keeps it, :clear empties it, or type the new text.",
    ),
    clearWords: [":vide", ":clear", ":effacer"],
    cancelWords: [":annuler", ":cancel"],
    optional: t("facultatif", "optional"),
    goodbye: t("Au revoir.", "Goodbye."),
    kinds: {
      datepicker: t("AAAA-MM-JJ", "YYYY-MM-DD"),
      timepicker: t("HH:MM", "HH:MM"),
      number_input: t("nombre", "number"),
      url_text_input: "https://…",
      users_select: t("@prénom", "@name"),
      multi_users_select: t("@prénom, @prénom…", "@name, @name…"),
      conversations_select: t("#canal", "#channel"),
      channels_select: t("#canal", "#channel"),
      file_input: t("chemin d'un fichier, ex. data/fichiers/….csv", "a file's path, e.g. data/fichiers/….csv"),
    } as Record<string, string>,
    chooseNumber: (n: number) => t(`Choisissez un numéro entre 1 et ${n}.`, `Choose a number between 1 and ${n}.`),
    dateFormat: t("Date au format AAAA-MM-JJ.", "Date as YYYY-MM-DD."),
    timeFormat: t("Heure au format HH:MM.", "Time as HH:MM."),
    unknownPerson: (a: string) => t(`Utilisateur inconnu : ${a}`, `Unknown user: ${a}`),
    unknownPeople: (a: string) => t(`Utilisateurs inconnus : ${a}`, `Unknown users: ${a}`),
    unknownChannel: (a: string) => t(`Canal inconnu : ${a}`, `Unknown channel: ${a}`),
    peopleAre: (list: string) => t(`    Personnes : ${list}`, `    People: ${list}`),
    channelsAre: (list: string) => t(`    Canaux : ${list}`, `    Channels: ${list}`),
  };
}
export type ConsoleWords = ReturnType<typeof consoleWords>;

// The words of what `/csi import` refuses (src/domain/import-problems.ts): each problem after the column it
// concerns (« Partie — … »), a row's problems joined, the whole shown under the paste. Pure.
import { INDICATOR_HEADERS } from "../../domain/export-csv.js";
import { columnLabel } from "../../domain/import-columns.js";
import type { OwnerProblem } from "../../domain/import-owners.js";
import type { ImportIssue, ImportPlace, ImportProblem } from "../../domain/import-problems.js";
import { truncate } from "../../domain/text.js";
import type { Locale } from "../../domain/types.js";
import type { ImportRefusal } from "../../use-cases/import-commitments.js";
import { tr } from "./locale.js";
import { problemText } from "./problem-words.js";

/** Lines listed in the error shown on the form; the others are counted. */
const MAX_LISTED_PROBLEMS = 8;

const quoted = (locale: Locale, s: string) => tr(locale, `« ${truncate(s, 40)} »`, `"${truncate(s, 40)}"`);

const orList = (items: readonly string[], locale: Locale): string =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${tr(locale, "ou", "or")} ${items.at(-1) ?? ""}`;

const ownerText = (p: OwnerProblem, locale: Locale): string =>
  "email" in p
    ? tr(
        locale,
        `aucun compte Slack de l'espace de travail n'a l'adresse ${p.email}`,
        `no Slack account of the workspace has the address ${p.email}`,
      )
    : tr(
        locale,
        `${quoted(locale, p.unknown)} : écrivez une mention Slack (<@U…>), un identifiant (U…) ou une adresse e-mail`,
        `${quoted(locale, p.unknown)}: write a Slack mention (<@U…>), a user id (U…) or an e-mail address`,
      );

function issueText(p: ImportIssue, locale: Locale): string {
  switch (p.code) {
    case "paste-too-long":
      return tr(
        locale,
        `Le texte collé dépasse ${p.max} caractères : importez en plusieurs fois, ou joignez le fichier.`,
        `The pasted text is longer than ${p.max} characters: import in several goes, or attach the file.`,
      );
    case "quote-not-closed":
      return tr(locale, 'guillemet ouvert (") sans guillemet fermant.', 'a quote (") is opened and never closed.');
    case "nothing-pasted":
      return tr(
        locale,
        "Collez au moins une ligne : une ligne par engagement.",
        "Paste at least one line: one line per commitment.",
      );
    case "header-without-key-columns":
      return tr(
        locale,
        "la ligne d'en-tête doit comporter la colonne Référence, ou les colonnes Partie et Intitulé.",
        "the header line must have the Ref column, or the Party and Title columns.",
      );
    case "nothing-below-header":
      return tr(
        locale,
        "Aucune ligne d'engagement sous la ligne d'en-tête.",
        "No commitment line below the header line.",
      );
    case "too-many-rows":
      return tr(
        locale,
        `${p.rows} lignes : ${p.max} engagements au plus par import. Importez en plusieurs fois.`,
        `${p.rows} lines: at most ${p.max} commitments per import. Import in several goes.`,
      );
    case "cells-over-columns": {
      const names = p.columns.map((c) => (c ? columnLabel(c, locale) : "—")).join(" ; ");
      return tr(
        locale,
        `${p.cells} cellules pour ${p.columns.length} colonnes (${names})`,
        `${p.cells} cells for ${p.columns.length} columns (${names})`,
      );
    }
    case "ref-same-as-line":
      return tr(locale, `${p.ref} est déjà celle de la ligne ${p.line}.`, `${p.ref} is already line ${p.line}'s.`);
    case "party-cell-empty":
      return tr(locale, `manquante : ${orList(p.codes, locale)}.`, `missing: ${orList(p.codes, locale)}.`);
    case "party-unknown":
      return tr(
        locale,
        `${quoted(locale, p.typed)} inconnue : ${orList(p.codes, locale)}.`,
        `${quoted(locale, p.typed)} unknown: ${orList(p.codes, locale)}.`,
      );
    case "party-fixed":
      return tr(
        locale,
        `${p.ref} est un engagement ${p.party} : sa partie ne change pas par un import.`,
        `${p.ref} is a ${p.party} commitment: an import does not change its party.`,
      );
    case "due-not-a-day":
      return tr(
        locale,
        `${quoted(locale, p.typed)} n'existe pas au calendrier.`,
        `${quoted(locale, p.typed)} is not a calendar day.`,
      );
    case "due-format":
      return tr(
        locale,
        `${quoted(locale, p.typed)} : date attendue sous la forme jj/mm/aaaa (ou aaaa-mm-jj).`,
        `${quoted(locale, p.typed)}: a date looks like dd/mm/yyyy (or yyyy-mm-dd).`,
      );
    case "owners-unknown":
      return p.problems.map((o) => ownerText(o, locale)).join(" ; ");
    case "indicator-label-missing":
      return tr(locale, "le libellé manque.", "the label is missing.");
    case "indicator-label-taken":
      return tr(
        locale,
        `${quoted(locale, p.typed)} est déjà le libellé d'un autre indicateur.`,
        `${quoted(locale, p.typed)} is already another indicator's label.`,
      );
    case "cell-not-a-number":
      return tr(
        locale,
        `${quoted(locale, p.typed)} n'est pas un nombre.`,
        `${quoted(locale, p.typed)} is not a number.`,
      );
    default:
      return problemText(p, locale);
  }
}

const placeText = (place: ImportPlace, locale: Locale): string | null =>
  place === null
    ? null
    : "field" in place
      ? columnLabel(place.field, locale)
      : `${INDICATOR_HEADERS[locale][place.part]} ${place.indicator}`;

/** Each line's problems in words: « Partie — manquante : ETAT, VILLE ou PARQUET. ; Échéance — … ». */
export function importProblemMessages(
  problems: readonly ImportProblem[],
  locale: Locale,
): { line: number | null; message: string }[] {
  return problems.map((p) => ({
    line: p.line,
    message: p.issues
      .map(({ place, problem }) => {
        const where = placeText(place, locale);
        return where === null ? issueText(problem, locale) : `${where} — ${issueText(problem, locale)}`;
      })
      .join(" ; "),
  }));
}

/** The error shown under the paste: nothing is stored, then the first problems by line, the rest counted. */
export function importProblemsText(problems: readonly ImportProblem[], locale: Locale): string {
  const worded = importProblemMessages(problems, locale);
  // A bullet per problem: read one per line, and still apart if a client shows the text on one line.
  const shown = worded
    .slice(0, MAX_LISTED_PROBLEMS)
    .map(
      (p) =>
        `• ${truncate(p.line === null ? p.message : tr(locale, `Ligne ${p.line} : ${p.message}`, `Line ${p.line}: ${p.message}`), 220)}`,
    );
  const more = worded.length - shown.length;
  const lines = [
    tr(
      locale,
      "Rien n'a été importé : corrigez ces lignes puis validez à nouveau.",
      "Nothing was imported: correct these lines and submit again.",
    ),
    ...shown,
    ...(more > 0 ? [tr(locale, `… et ${more} autre${more > 1 ? "s" : ""}.`, `… and ${more} more.`)] : []),
  ];
  return truncate(lines.join("\n"), 2000);
}

/** Why an import was not previewed or not applied (use-cases/import-commitments.ts), in words. */
export function importRefusalText(r: ImportRefusal, locale: Locale): string {
  switch (r.why) {
    case "too_many_emails":
      return tr(
        locale,
        `${r.count} adresses e-mail dans la colonne Pilotes : ${r.max} au plus par import (écrivez les autres en mentions <@U…>).`,
        `${r.count} e-mail addresses in the Owners column: ${r.max} at most per import (write the others as <@U…> mentions).`,
      );
    case "preview_gone":
      return tr(
        locale,
        "Cet aperçu d'import n'existe plus : relancez `/csi import`.",
        "This import preview no longer exists: run `/csi import` again.",
      );
    case "changed_since":
      return tr(
        locale,
        `Rien n'a été importé : ${r.refs.join(", ")} ${r.refs.length > 1 ? "ont été modifiés" : "a été modifié"} depuis l'aperçu. Relancez \`/csi import\` avec le même fichier pour voir l'aperçu à jour.`,
        `Nothing was imported: ${r.refs.join(", ")} changed since the preview. Run \`/csi import\` again with the same file to see an up-to-date preview.`,
      );
    case "ref_taken":
      return tr(
        locale,
        `Rien n'a été importé : ${r.ref} vient d'être attribuée à un autre engagement. Relancez \`/csi import\` : les références laissées vides prendront les numéros libres suivants.`,
        `Nothing was imported: ${r.ref} was just given to another commitment. Run \`/csi import\` again: the refs left empty will take the next free numbers.`,
      );
  }
}

/** The import form sent with neither a file nor pasted lines. */
export const importSourceMissingText = (locale: Locale): string =>
  tr(locale, "Joignez un fichier, ou collez des lignes ci-dessous.", "Attach a file, or paste lines below.");

/** Why the attached file could not be read (slack/import-file.ts). */
export function importFileProblemText(problem: "too_big" | "unreadable" | "not_found", locale: Locale): string {
  switch (problem) {
    case "too_big":
      return tr(locale, "Fichier trop lourd : 2 Mo au plus.", "File too large: 2 MB at most.");
    case "unreadable":
      return tr(
        locale,
        "Ce classeur ne se lit pas : enregistrez-le en .xlsx ou en CSV, puis joignez-le à nouveau.",
        "This workbook cannot be read: save it as .xlsx or CSV, then attach it again.",
      );
    case "not_found":
      return tr(
        locale,
        "Slack n'a pas transmis le fichier : joignez-le à nouveau.",
        "Slack did not pass the file on: attach it again.",
      );
  }
}

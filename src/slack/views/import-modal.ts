// The coordinators' modal of `/csi import`: a spreadsheet file (what `/csi export` sent, edited in Excel or
// LibreOffice) or lines copied from a spreadsheet. Submitting it shows the preview (import-preview.ts).
import type { KnownBlock, ModalView } from "@slack/types";
import { columnLabel, DEFAULT_COLUMNS, IMPORT_COLUMNS, type ImportColumn } from "../../domain/import-columns.js";
import { MAX_FILE_ROWS, MAX_IMPORT_CHARS, MAX_IMPORT_ROWS } from "../../domain/import-csv.js";
import type { Locale, Party } from "../../domain/types.js";
import { BLOCKS, CALLBACKS, INPUT_ACTION } from "../ids.js";
import { section } from "./blocks.js";
import { tr } from "./locale.js";
import { confidentialityNotice, esc, formModal, textInput } from "./modal-parts.js";

interface ImportModalInput {
  locale: Locale;
  parties: readonly Party[];
  /** Next free ref per party code: what the first line of each party will get when its ref is left empty. */
  nextRefs: Record<string, string>;
  /** Opaque string the submission listener reads back (locale, contract). */
  privateMetadata: string;
}

export function importModal(m: ImportModalInput): ModalView {
  const { locale } = m;
  const names = (columns: readonly ImportColumn[], separator: string) =>
    columns.map((c) => columnLabel(c, locale)).join(separator);
  const parties = m.parties.map((p) => `${esc(p.code)} (${esc(p.label)})`).join(", ");
  const next = m.parties
    .map((p) => m.nextRefs[p.code])
    .filter(Boolean)
    .join(", ");
  const blocks: KnownBlock[] = [
    section(
      tr(
        locale,
        `*Joignez le fichier* de \`/csi export\` modifié dans Excel ou LibreOffice (CSV ou .xlsx, ${MAX_FILE_ROWS} lignes au plus) : une ligne dont la *Référence* existe met à jour cet engagement, les autres en ajoutent. Ou *collez des lignes* copiées d'un tableur (${MAX_IMPORT_ROWS} au plus), une par engagement.\n*Sans ligne d'en-tête, colonnes dans cet ordre* : ${names(DEFAULT_COLUMNS, " · ")}. Une ligne d'en-tête peut nommer les colonnes (${names(IMPORT_COLUMNS, ", ")}, Indicateur 1, Unité 1, Départ 1, Cible 1, Valeur actuelle 1…).`,
        `*Attach the file* of \`/csi export\` edited in Excel or LibreOffice (CSV or .xlsx, ${MAX_FILE_ROWS} lines at most): a line whose *Ref* exists updates that commitment, the others add new ones. Or *paste lines* copied from a spreadsheet (${MAX_IMPORT_ROWS} at most), one per commitment.\n*Without a header line, columns in this order*: ${names(DEFAULT_COLUMNS, " · ")}. A header line may name the columns (${names(IMPORT_COLUMNS, ", ")}, Indicator 1, Unit 1, Baseline 1, Target 1, Current value 1…).`,
      ),
    ),
    section(
      tr(
        locale,
        `*Partie* : ${parties}. *Échéance* : jj/mm/aaaa. *Pilotes* : mention Slack, identifiant (U…) ou adresse e-mail, séparés par des virgules.\n*Références* attribuées automatiquement quand la colonne Référence est vide ou absente (prochaines : ${next}).\nRien n'est enregistré avant l'aperçu et votre confirmation ; tout ou rien : si une ligne est à corriger, aucune n'est enregistrée.`,
        `*Party*: ${parties}. *Due date*: dd/mm/yyyy. *Owners*: Slack mention, user id (U…) or e-mail address, separated by commas.\n*Refs* are assigned automatically when the Ref column is empty or absent (next: ${next}).\nNothing is stored before the preview and your confirmation; all or nothing: if one line needs correcting, none is stored.`,
      ),
    ),
    confidentialityNotice(locale),
    {
      type: "input",
      block_id: BLOCKS.importFile,
      optional: true,
      label: { type: "plain_text", text: tr(locale, "Fichier", "File") },
      element: { type: "file_input", action_id: INPUT_ACTION, filetypes: ["csv", "txt", "xlsx"], max_files: 1 },
    },
    textInput(BLOCKS.importLines, tr(locale, "Ou lignes à importer", "Or lines to import"), {
      optional: true,
      multiline: true,
      maxLength: MAX_IMPORT_CHARS,
      placeholder: tr(
        locale,
        "VILLE ; Étendre la vidéoprotection au quartier de la gare ; 30/06/2027 ; Police municipale",
        "VILLE ; Extend CCTV to the station district ; 30/06/2027 ; Municipal police",
      ),
      hint: tr(
        locale,
        "Séparateur : tabulation (copie depuis Excel ou LibreOffice), point-virgule ou virgule. Une cellule entre guillemets peut contenir un séparateur ou un retour à la ligne.",
        "Separator: tab (a copy from Excel or LibreOffice), semicolon or comma. A cell in quotes may hold a separator or a line break.",
      ),
    }),
  ];
  return formModal(
    {
      callbackId: CALLBACKS.importCommitments,
      title: tr(locale, "Importer des engagements", "Import commitments"),
      submit: tr(locale, "Voir l'aperçu", "Preview"),
      privateMetadata: m.privateMetadata,
      blocks,
    },
    locale,
  );
}

// The coordinators' modal to add commitments by pasting lines copied from a spreadsheet (`/csi import`).
import type { KnownBlock, ModalView } from "@slack/types";
import {
  columnLabel,
  DEFAULT_COLUMNS,
  IMPORT_COLUMNS,
  type ImportColumn,
  MAX_IMPORT_CHARS,
  MAX_IMPORT_ROWS,
} from "../../domain/import-csv.js";
import type { Locale, Party } from "../../domain/types.js";
import { BLOCKS, CALLBACKS } from "../ids.js";
import { section } from "./blocks.js";
import { tr } from "./locale.js";
import { confidentialityNotice, esc, formModal, textInput } from "./modal-parts.js";

export interface ImportModalInput {
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
        `Collez des lignes copiées depuis un tableur, *une ligne par engagement* (${MAX_IMPORT_ROWS} au plus).\n*Colonnes, dans cet ordre* : ${names(DEFAULT_COLUMNS, " · ")}.\nOu une première ligne d'en-tête nommant les colonnes (${names(IMPORT_COLUMNS, ", ")}), comme celle de \`/csi export\` : ses autres colonnes sont ignorées.`,
        `Paste lines copied from a spreadsheet, *one line per commitment* (${MAX_IMPORT_ROWS} at most).\n*Columns, in this order*: ${names(DEFAULT_COLUMNS, " · ")}.\nOr a first header line naming the columns (${names(IMPORT_COLUMNS, ", ")}), like the one of \`/csi export\`: its other columns are ignored.`,
      ),
    ),
    section(
      tr(
        locale,
        `*Partie* : ${parties}. *Échéance* : jj/mm/aaaa.\n*Références* attribuées automatiquement quand la colonne Référence est vide ou absente (prochaines : ${next}).\n*Pilotes* : ajoutez-les ensuite avec « Modifier » sur la fiche (\`/csi voir REF\`).\nTout ou rien : si une ligne est à corriger, aucune n'est enregistrée.`,
        `*Party*: ${parties}. *Due date*: dd/mm/yyyy.\n*Refs* are assigned automatically when the Ref column is empty or absent (next: ${next}).\n*Owners*: add them afterwards with "Edit" on the sheet (\`/csi show REF\`).\nAll or nothing: if one line needs correcting, none is stored.`,
      ),
    ),
    confidentialityNotice(locale),
    textInput(BLOCKS.importLines, tr(locale, "Lignes à importer", "Lines to import"), {
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
      submit: tr(locale, "Importer", "Import"),
      privateMetadata: m.privateMetadata,
      blocks,
    },
    locale,
  );
}

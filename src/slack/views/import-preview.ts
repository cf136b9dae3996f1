// What an import will do, shown before anything is written: « 12 modifiés, 3 ajoutés, 0 supprimés », then each
// changed commitment field by field and each new one. « Confirmer » applies it all; « Annuler » leaves everything.
import type { KnownBlock, ModalView } from "@slack/types";
import { INDICATOR_HEADERS } from "../../domain/export-csv.js";
import { countOf, formatDateLong, formatNumber } from "../../domain/format.js";
import { columnLabel } from "../../domain/import-columns.js";
import type { FieldChange, ImportRowPlan } from "../../domain/import-plan.js";
import type { Locale } from "../../domain/types.js";
import { CALLBACKS } from "../ids.js";
import { context, esc, mention, plain, section } from "./blocks.js";
import { tr } from "./locale.js";

/** Commitments shown one by one (a modal holds 100 blocks); the others are counted. */
const MAX_PREVIEWED = 40;

const plural = (n: number, fr: string, frs: string) => (n > 1 ? frs : fr);

export function importCountsText(
  counts: { added: number; modified: number; unchanged: number },
  locale: Locale,
): string {
  const { added, modified, unchanged } = counts;
  const same = unchanged
    ? tr(locale, ` (${unchanged} inchangé${plural(unchanged, "", "s")})`, ` (${unchanged} unchanged)`)
    : "";
  return tr(
    locale,
    `${modified} modifié${plural(modified, "", "s")}, ${added} ajouté${plural(added, "", "s")}, 0 supprimé${same}`,
    `${modified} modified, ${added} added, 0 deleted${same}`,
  );
}

const quote = (locale: Locale, s: string | null) =>
  s === null || s === ""
    ? tr(locale, "_(vide)_", "_(empty)_")
    : tr(locale, `« ${plain(s, 120)} »`, `“${plain(s, 120)}”`);
const day = (locale: Locale, d: string | null) =>
  d ? formatDateLong(d, locale) : tr(locale, "_(aucune)_", "_(none)_");
const value = (locale: Locale, v: string | number | null) =>
  v === null ? "—" : typeof v === "number" ? formatNumber(v, locale) : plain(v, 60);
const mentions = (ids: readonly string[]) => ids.map(mention).join(", ");

function changeLine(change: FieldChange, locale: Locale): string {
  switch (change.field) {
    case "title":
    case "description":
    case "leadService":
      return `${columnLabel(change.field, locale)} : ${quote(locale, change.before)} → ${quote(locale, change.after)}`;
    case "dueOn":
      return `${columnLabel("dueOn", locale)} : ${day(locale, change.before)} → ${day(locale, change.after)}`;
    case "owners": {
      const parts = [
        ...(change.added.length ? [`+ ${mentions(change.added)}`] : []),
        ...(change.removed.length ? [`− ${mentions(change.removed)}`] : []),
      ];
      return `${columnLabel("owners", locale)} : ${parts.join(" ; ")}`;
    }
    case "indicator": {
      const what = {
        added: tr(locale, "ajouté", "added"),
        removed: tr(locale, "retiré (gardé s'il a déjà des mesures)", "removed (kept if it already has measures)"),
        changed: "",
      }[change.change];
      const parts = change.parts.map(
        (p) =>
          `${INDICATOR_HEADERS[locale][p.part].toLowerCase()} ${value(locale, p.before)} → ${value(locale, p.after)}`,
      );
      const name = tr(locale, `Indicateur « ${plain(change.label, 80)} »`, `Indicator “${plain(change.label, 80)}”`);
      return [name, what, parts.join(", ")].filter(Boolean).join(" : ");
    }
  }
}

function rowText(row: ImportRowPlan, locale: Locale): string {
  const head = `*${esc(row.input.ref)}* — ${plain(row.input.title, 150)}`;
  if (row.kind === "add") {
    const details = [
      row.input.dueOn ? `${columnLabel("dueOn", locale)} : ${day(locale, row.input.dueOn)}` : null,
      row.input.owners.length ? `${columnLabel("owners", locale)} : ${mentions(row.input.owners)}` : null,
      row.input.indicators.length
        ? countOf(
            row.input.indicators.length,
            locale,
            tr(locale, "indicateur", "indicator"),
            tr(locale, "indicateurs", "indicators"),
          )
        : null,
    ].filter(Boolean);
    return `:new: ${head}${details.length ? `\n${details.join(" · ")}` : ""}`;
  }
  if (row.kind === "same") return head;
  return `:pencil2: ${head}\n${row.changes.map((c) => `• ${changeLine(c, locale)}`).join("\n")}`;
}

interface ImportPreviewInput {
  locale: Locale;
  contractTitle: string;
  rows: readonly ImportRowPlan[];
  counts: { added: number; modified: number; unchanged: number };
  ignoredColumns: readonly string[];
  /** Opaque string the confirmation reads back (locale, draft id); null when there is nothing to confirm. */
  privateMetadata: string | null;
}

export function importPreviewModal(m: ImportPreviewInput): ModalView {
  const { locale } = m;
  const shown = m.rows.filter((r) => r.kind !== "same");
  const blocks: KnownBlock[] = [
    section(`*${importCountsText(m.counts, locale)}* — ${plain(m.contractTitle, 150)}`),
    context(
      m.privateMetadata
        ? tr(
            locale,
            "Rien n'est encore enregistré. *Confirmer* applique tout, ou rien si une fiche a changé entre-temps. Un engagement absent du fichier reste tel quel.",
            "Nothing is stored yet. *Confirm* applies it all, or nothing if a sheet changed in between. A commitment absent from the file stays as it is.",
          )
        : tr(
            locale,
            "Le fichier ne change rien : chaque ligne est identique à sa fiche.",
            "The file changes nothing: every line is the same as its sheet.",
          ),
    ),
  ];
  for (const row of shown.slice(0, MAX_PREVIEWED)) blocks.push(section(rowText(row, locale).slice(0, 3000)));
  const more = shown.length - MAX_PREVIEWED;
  if (more > 0) blocks.push(context(tr(locale, `… et ${more} autre${plural(more, "", "s")}.`, `… and ${more} more.`)));
  if (m.ignoredColumns.length) {
    const names = m.ignoredColumns
      .slice(0, 15)
      .map((c) => tr(locale, `« ${plain(c, 40)} »`, `“${plain(c, 40)}”`))
      .join(", ");
    blocks.push(
      context(
        tr(
          locale,
          `Colonnes non importées : ${names} (le statut et l'avancement viennent des mises à jour des pilotes).`,
          `Columns not imported: ${names} (status and progress come from the owners' updates).`,
        ),
      ),
    );
  }
  return {
    type: "modal",
    callback_id: CALLBACKS.confirmImport,
    title: { type: "plain_text", text: tr(locale, "Aperçu de l'import", "Import preview") },
    ...(m.privateMetadata
      ? {
          submit: { type: "plain_text", text: tr(locale, "Confirmer", "Confirm") },
          private_metadata: m.privateMetadata,
        }
      : {}),
    close: {
      type: "plain_text",
      text: m.privateMetadata ? tr(locale, "Annuler", "Cancel") : tr(locale, "Fermer", "Close"),
    },
    blocks,
  };
}

/** What replaces the preview when the confirmation cannot be applied (changed in between, preview gone). */
export function importNotAppliedModal(locale: Locale, message: string): ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: tr(locale, "Import non appliqué", "Import not applied") },
    close: { type: "plain_text", text: tr(locale, "Fermer", "Close") },
    blocks: [section(`:warning: ${plain(message, 2900)}`)],
  };
}

/** The confirmation failed on a technical incident: nothing was stored. */
export const importFailedText = (locale: Locale): string =>
  tr(
    locale,
    "L'import a échoué (incident technique) : rien n'a été enregistré. Relancez `/csi import` dans un instant.",
    "The import failed (technical incident): nothing was stored. Run `/csi import` again in a moment.",
  );

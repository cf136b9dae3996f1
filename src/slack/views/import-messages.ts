// What a coordinator reads after `/csi import`: the commitments created, the columns left aside, what to do next.

import type { KnownBlock } from "@slack/types";
import { countOf } from "../../domain/format.js";
import { truncate } from "../../domain/text.js";
import type { Locale } from "../../domain/types.js";
import { COMMAND } from "../ids.js";
import { context, esc, plain, section } from "./blocks.js";
import { tr } from "./locale.js";
import type { Reply } from "./reply.js";

/** Commitments listed by ref and title; beyond, they are counted (`/csi liste` shows them all). */
const MAX_LISTED_IMPORTS = 30;
const LINES_PER_SECTION = 10;

type Listed = { ref: string; title: string; owners?: readonly string[] };

export function commitmentsImported(
  locale: Locale,
  added: readonly Listed[],
  ignoredColumns: readonly string[],
  modified: readonly Listed[] = [],
): Reply {
  const commitments = [...added, ...modified];
  const n = commitments.length;
  const m = modified.length;
  const head = m
    ? tr(
        locale,
        `:white_check_mark: *Import appliqué : ${m} engagement${m > 1 ? "s" : ""} modifié${m > 1 ? "s" : ""}, ${added.length} ajouté${added.length > 1 ? "s" : ""}.*`,
        `:white_check_mark: *Import applied: ${m} commitment${m > 1 ? "s" : ""} modified, ${added.length} added.*`,
      )
    : tr(
        locale,
        `:white_check_mark: *${n} engagement${n > 1 ? "s" : ""} importé${n > 1 ? "s" : ""}.*`,
        `:white_check_mark: *${n} commitment${n > 1 ? "s" : ""} imported.*`,
      );
  const changed = tr(locale, " _(modifié)_", " _(modified)_");
  const lines = commitments
    .slice(0, MAX_LISTED_IMPORTS)
    .map((c) => `• *${esc(c.ref)}* — ${plain(c.title, 150)}${modified.includes(c) ? changed : ""}`);
  const more = n - lines.length;
  if (more > 0)
    lines.push(
      tr(
        locale,
        `_… et ${more} autre${more > 1 ? "s" : ""} : \`${COMMAND} liste\` les montre tous._`,
        `_… and ${more} more: \`${COMMAND} list\` shows them all._`,
      ),
    );
  const blocks: KnownBlock[] = [section(head)];
  for (let i = 0; i < lines.length; i += LINES_PER_SECTION)
    blocks.push(section(lines.slice(i, i + LINES_PER_SECTION).join("\n")));
  if (ignoredColumns.length) {
    const names = ignoredColumns
      .slice(0, 15)
      .map((c) => tr(locale, `« ${plain(c, 40)} »`, `“${plain(c, 40)}”`))
      .join(", ");
    blocks.push(context(tr(locale, `Colonnes non importées : ${names}.`, `Columns not imported: ${names}.`)));
  }
  const ownerless = added.find((c) => !c.owners?.length);
  const example = esc(ownerless?.ref ?? "REF");
  if (ownerless)
    blocks.push(
      section(
        tr(
          locale,
          `:bust_in_silhouette: Aucun pilote n'est encore désigné : ajoutez-les engagement par engagement avec \`${COMMAND} voir ${example}\` → *Modifier*, pour qu'ils reçoivent les rappels et déclarent l'avancement.`,
          `:bust_in_silhouette: No owner is named yet: add them commitment by commitment with \`${COMMAND} show ${example}\` → *Edit*, so that they get the reminders and report progress.`,
        ),
      ),
    );
  const text = tr(
    locale,
    `${countOf(n, "fr", "engagement importé", "engagements importés")} : ${commitments
      .slice(0, 10)
      .map((c) => c.ref)
      .join(", ")}`,
    `${countOf(n, "en", "commitment", "commitments")} imported: ${commitments
      .slice(0, 10)
      .map((c) => c.ref)
      .join(", ")}`,
  );
  return { text: truncate(text + (n > 10 ? "…" : ""), 3000), blocks };
}

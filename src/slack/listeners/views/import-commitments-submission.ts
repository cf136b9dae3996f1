import type { AppDeps } from "../../../app/deps.js";
import type { ImportSource } from "../../../domain/import-csv.js";
import { previewImport } from "../../../use-cases/import-commitments.js";
import { BLOCKS, INPUT_ACTION } from "../../ids.js";
import { readImportFile } from "../../import-file.js";
import { refusalErrors } from "../../submission-answers.js";
import { writeMetadata } from "../../view-state.js";
import { importPreviewModal } from "../../views/import-preview.js";
import {
  importFileProblemText,
  importProblemsText,
  importRefusalText,
  importSourceMissingText,
} from "../../views/import-problem-words.js";
import { viewListener } from "./view-listener.js";

/**
 * « Importer des engagements » submitted: the file (or the pasted lines) checked row by row; errors inline, by line,
 * nothing stored; otherwise the modal turns into the preview, and nothing is written before its « Confirmer ».
 */
export function importCommitmentsSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, meta, form, attempt, errorOn }) => {
    const { locale } = meta;
    const fileId = view.state.values[BLOCKS.importFile]?.[INPUT_ACTION]?.files?.[0]?.id;
    const pasted = form.text(BLOCKS.importLines);
    if (!fileId && !pasted) return void (await errorOn(BLOCKS.importFile, importSourceMissingText(locale)));
    const block = fileId ? BLOCKS.importFile : BLOCKS.importLines;
    const result = await attempt("commitment.import_failed", block, async () => {
      let source: ImportSource = { paste: pasted };
      if (fileId) {
        const read = await readImportFile(client, fileId, deps.config.slack.apiUrl);
        if ("problem" in read) return read;
        source = read.source;
      }
      return previewImport(deps, {
        actorId: userId,
        source,
        ...(meta.contract ? { contractRef: meta.contract } : {}),
        resolveEmail: async (email) => {
          const found = await client.users.lookupByEmail({ email }).catch(() => null);
          return found?.user?.id ?? null;
        },
      });
    });
    if (!result) return;
    if ("problem" in result)
      return void (await errorOn(BLOCKS.importFile, importFileProblemText(result.problem, locale)));
    if (result.kind === "refused")
      return void (await ack(refusalErrors(block, locale, result.coordinators, result.closed)));
    if (result.kind === "invalid") return void (await errorOn(block, importRefusalText(result.refusal, locale)));
    if (result.kind === "unreadable") return void (await errorOn(block, importProblemsText(result.problems, locale)));
    deps.log.info("commitment.import_previewed", { userId, ...result.counts });
    await ack({
      response_action: "update",
      view: importPreviewModal({
        locale,
        contractTitle: result.contract.title,
        rows: result.rows,
        counts: result.counts,
        ignoredColumns: result.ignoredColumns,
        privateMetadata: result.draftId
          ? writeMetadata({ locale, contract: result.contract.ref, id: result.draftId })
          : null,
      }),
    });
  });
}

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import type { ImportSource } from "../../../domain/import-csv.js";
import { type PreviewImportResult, previewImport } from "../../../use-cases/import-commitments.js";
import { BLOCKS, INPUT_ACTION } from "../../ids.js";
import { readImportFile } from "../../import-file.js";
import { failureErrors, refusalErrors } from "../../submission-answers.js";
import { formReader, readMetadata, writeMetadata } from "../../view-state.js";
import { importPreviewModal } from "../../views/import-preview.js";
import { importProblemsText } from "../../views/import-problem-words.js";
import { tr } from "../../views/locale.js";

/**
 * « Importer des engagements » submitted: the file (or the pasted lines) checked row by row; errors inline, by line,
 * nothing stored; otherwise the modal turns into the preview, and nothing is written before its « Confirmer ».
 */
export function importCommitmentsSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = readMetadata(view.private_metadata);
    const { locale } = meta;
    const fileId = view.state.values[BLOCKS.importFile]?.[INPUT_ACTION]?.files?.[0]?.id;
    const pasted = formReader(view).text(BLOCKS.importLines);
    const errorOn = (block: string, message: string) =>
      ack({ response_action: "errors", errors: { [block]: message } });
    if (!fileId && !pasted)
      return void (await errorOn(
        BLOCKS.importFile,
        tr(locale, "Joignez un fichier, ou collez des lignes ci-dessous.", "Attach a file, or paste lines below."),
      ));
    let result: PreviewImportResult;
    try {
      let source: ImportSource = { paste: pasted };
      if (fileId) {
        const read = await readImportFile(client, fileId, deps.config.slack.apiUrl);
        if ("problem" in read)
          return void (await errorOn(
            BLOCKS.importFile,
            {
              too_big: tr(locale, "Fichier trop lourd : 2 Mo au plus.", "File too large: 2 MB at most."),
              unreadable: tr(
                locale,
                "Ce classeur ne se lit pas : enregistrez-le en .xlsx ou en CSV, puis joignez-le à nouveau.",
                "This workbook cannot be read: save it as .xlsx or CSV, then attach it again.",
              ),
              not_found: tr(
                locale,
                "Slack n'a pas transmis le fichier : joignez-le à nouveau.",
                "Slack did not pass the file on: attach it again.",
              ),
            }[read.problem],
          ));
        source = read.source;
      }
      result = await previewImport(deps, {
        actorId: body.user.id,
        source,
        locale,
        ...(meta.contract ? { contractRef: meta.contract } : {}),
        resolveEmail: async (email) => {
          const found = await client.users.lookupByEmail({ email }).catch(() => null);
          return found?.user?.id ?? null;
        },
      });
    } catch (error) {
      deps.log.error("commitment.import_failed", { viewId: view.id, error });
      await ack(failureErrors(fileId ? BLOCKS.importFile : BLOCKS.importLines, locale));
      return;
    }
    const block = fileId ? BLOCKS.importFile : BLOCKS.importLines;
    if (result.kind === "refused")
      return void (await ack(refusalErrors(block, locale, result.coordinators, result.closed)));
    if (result.kind === "invalid") return void (await errorOn(block, result.error));
    if (result.kind === "unreadable") return void (await errorOn(block, importProblemsText(result.problems, locale)));
    deps.log.info("commitment.import_previewed", { userId: body.user.id, ...result.counts });
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
  };
}

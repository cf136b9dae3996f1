import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import { type ConfirmImportResult, confirmImport } from "../../../use-cases/import-commitments.js";
import { notifyCommitmentsImported } from "../../notify-commitment.js";
import { readMetadata } from "../../view-state.js";
import { coordinatorsOnlyText } from "../../views/admin-messages.js";
import { importNotAppliedModal } from "../../views/import-preview.js";
import { tr } from "../../views/locale.js";

/** « Confirmer » on an import's preview: the draft applied at once, all or nothing; the modal closes or says why not. */
export function confirmImportSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = readMetadata(view.private_metadata);
    const { locale } = meta;
    const notApplied = (message: string) =>
      ack({ response_action: "update", view: importNotAppliedModal(locale, message) });
    let result: ConfirmImportResult;
    try {
      result = await confirmImport(deps, { actorId: body.user.id, draftId: meta.id ?? "", locale });
    } catch (error) {
      deps.log.error("commitment.import_failed", { viewId: view.id, error });
      return void (await notApplied(
        tr(
          locale,
          "L'import a échoué (incident technique) : rien n'a été enregistré. Relancez `/csi import` dans un instant.",
          "The import failed (technical incident): nothing was stored. Run `/csi import` again in a moment.",
        ),
      ));
    }
    if (result.kind === "refused")
      return void (await notApplied(
        coordinatorsOnlyText(locale, result.coordinators, result.closed).replace(/:lock: /, ""),
      ));
    if (result.kind === "invalid") return void (await notApplied(result.error));
    await ack();
    deps.log.info("commitment.imported", {
      userId: body.user.id,
      added: result.added.map((c) => c.ref),
      modified: result.modified.map((c) => c.ref),
      duplicate: result.duplicate,
    });
    if (result.duplicate) return;
    await notifyCommitmentsImported(deps, client, body.user.id, locale, result);
  };
}

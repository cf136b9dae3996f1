import type { AppDeps } from "../../../app/deps.js";
import { confirmImport } from "../../../use-cases/import-commitments.js";
import { notifyCommitmentsImported } from "../../notify-commitment.js";
import { coordinatorsOnlyText } from "../../views/admin-messages.js";
import { importFailedText, importNotAppliedModal } from "../../views/import-preview.js";
import { importRefusalText } from "../../views/import-problem-words.js";
import { viewListener } from "./view-listener.js";

/** « Confirmer » on an import's preview: the draft applied at once, all or nothing; the modal closes or says why not. */
export function confirmImportSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, meta }) => {
    const { locale } = meta;
    const notApplied = (message: string) =>
      ack({ response_action: "update", view: importNotAppliedModal(locale, message) });
    let result: Awaited<ReturnType<typeof confirmImport>>;
    try {
      result = await confirmImport(deps, { actorId: userId, draftId: meta.id ?? "" });
    } catch (error) {
      deps.log.error("commitment.import_failed", { viewId: view.id, error });
      return void (await notApplied(importFailedText(locale)));
    }
    if (result.kind === "refused")
      return void (await notApplied(
        coordinatorsOnlyText(locale, result.coordinators, result.closed).replace(/:lock: /, ""),
      ));
    if (result.kind === "invalid") return void (await notApplied(importRefusalText(result.refusal, locale)));
    await ack();
    deps.log.info("commitment.imported", {
      userId,
      added: result.added.map((c) => c.ref),
      modified: result.modified.map((c) => c.ref),
      duplicate: result.duplicate,
    });
    if (result.duplicate) return;
    await notifyCommitmentsImported(deps, client, userId, locale, result);
  });
}

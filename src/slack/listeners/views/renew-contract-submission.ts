import type { AllMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import {
  applyRenewal,
  prepareRenewal,
  type ReadyRenewal,
  type RenewalField,
  type RenewContractResult,
} from "../../../use-cases/renew-contract.js";
import { BLOCKS } from "../../ids.js";
import { sendFileToUser } from "../../send-file.js";
import { asPlainError, problemErrors } from "../../submission-answers.js";
import { contractIdentityValues } from "../../view-state.js";
import { problemTexts } from "../../views/problem-words.js";
import {
  contractRenewedMessage,
  finalReportComment,
  finalReportFailedText,
  finalReportTitle,
  renewalNotMadeText,
  renewalRefusedText,
} from "../../views/renewal-blocks.js";
import { viewListener } from "./view-listener.js";

const RENEWAL_BLOCKS: Record<RenewalField, string> = {
  contract_ref: BLOCKS.contractRef,
  title: BLOCKS.title,
  signed_on: BLOCKS.signedOn,
  ends_on: BLOCKS.endsOn,
};

/**
 * « Renouveler le contrat » submitted: checked (inline errors, nothing lost), then the next contract is made and the
 * ending one closed; the coordinator gets what was done and the closed contract's final report. The same form
 * submitted twice makes one contract.
 */
export function renewContractSubmission(deps: AppDeps) {
  return viewListener(deps, async ({ userId, view, client, ack, meta, form: f, attempt, errorOn, tell }) => {
    const { locale } = meta;
    let result: RenewContractResult | ReadyRenewal | undefined = await attempt(
      "contract.renew_failed",
      BLOCKS.title,
      () =>
        prepareRenewal(deps, {
          actorId: userId,
          contractId: meta.contract ?? "",
          locale,
          submissionKey: view.id,
          values: { ...contractIdentityValues(f), carried: f.checkedUnder(BLOCKS.carry) },
        }),
    );
    if (!result) return;
    if (result.kind === "refused")
      return void (await errorOn(BLOCKS.title, asPlainError(renewalRefusedText(result.refusal, locale))));
    if (result.kind === "invalid") return void (await ack(problemErrors(result.errors, locale, RENEWAL_BLOCKS)));
    await ack();
    if (result.kind === "ready") {
      // The form is answered; the writing (the new contract and its commitments) may take longer than Slack waits.
      try {
        result = await applyRenewal(deps, result);
      } catch (error) {
        deps.log.error("contract.renew_failed", { viewId: view.id, error });
        result = { kind: "invalid", errors: {} };
      }
    }
    if (result.kind !== "renewed") {
      const why =
        result.kind === "refused"
          ? renewalRefusedText(result.refusal, locale)
          : Object.values(problemTexts(result.errors, locale)).join(" ");
      return void (await tell({ text: renewalNotMadeText(why, locale) }, "contract.notify_failed"));
    }
    if (result.duplicate) return;
    deps.log.info("contract.renewed", { userId, from: result.old.ref, to: result.next.ref });
    await tell(contractRenewedMessage(result, locale), "contract.notify_failed");
    await sendFinalReport(deps, client, userId, result.old, locale);
  });
}

/** The closed contract's final report (the `/csi rapport` PDF, as it stood when it closed), to the coordinator. */
async function sendFinalReport(
  deps: AppDeps,
  client: AllMiddlewareArgs["client"],
  userId: string,
  old: Extract<RenewContractResult, { kind: "renewed" }>["old"],
  locale: "fr" | "en",
): Promise<void> {
  try {
    // pdfkit and vega are loaded on the first report, not at start.
    const { buildFinalReport } = await import("../../../use-cases/final-report.js");
    const report = await buildFinalReport(deps, old, userId);
    await sendFileToUser(client, {
      userId,
      filename: report.filename,
      title: finalReportTitle(old),
      content: report.pdf,
      comment: finalReportComment(old, locale),
    });
  } catch (error) {
    deps.log.warn("contract.final_report_failed", { ref: old.ref, error });
    await client.chat
      .postMessage({ channel: userId, text: finalReportFailedText(old, locale) })
      .catch((e: unknown) => deps.log.warn("contract.notify_failed", { error: e }));
  }
}

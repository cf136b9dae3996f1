import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
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
import { asPlainError, failureErrors, problemErrors } from "../../submission-answers.js";
import { tellSubmitter } from "../../tell-submitter.js";
import { formReader, readMetadata } from "../../view-state.js";
import { problemTexts } from "../../views/problem-words.js";
import {
  alreadyRenewedText,
  contractRenewedMessage,
  finalReportComment,
  finalReportFailedText,
  renewalNotCoordinatorText,
  renewalNotMadeText,
} from "../../views/renewal-blocks.js";

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
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const { locale, contract } = readMetadata(view.private_metadata);
    const f = formReader(view);
    let result: RenewContractResult | ReadyRenewal;
    try {
      result = await prepareRenewal(deps, {
        actorId: body.user.id,
        contractId: contract ?? "",
        locale,
        submissionKey: view.id,
        values: {
          ref: f.text(BLOCKS.contractRef),
          title: f.text(BLOCKS.title),
          signedOn: f.date(BLOCKS.signedOn),
          endsOn: f.date(BLOCKS.endsOn),
          carried: f.checkedUnder(BLOCKS.carry),
        },
      });
    } catch (error) {
      deps.log.error("contract.renew_failed", { viewId: view.id, error });
      return void (await ack(failureErrors(BLOCKS.title, locale)));
    }
    if (result.kind === "refused")
      return void (await ack({
        response_action: "errors",
        errors: {
          [BLOCKS.title]: asPlainError(
            result.refusal.why === "already_renewed"
              ? alreadyRenewedText(result.refusal.closed, locale)
              : renewalNotCoordinatorText(locale),
          ),
        },
      }));
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
          ? result.refusal.why === "already_renewed"
            ? alreadyRenewedText(result.refusal.closed, locale)
            : renewalNotCoordinatorText(locale)
          : Object.values(problemTexts(result.errors, locale)).join(" ");
      await tellSubmitter(
        deps,
        client,
        body.user.id,
        { text: renewalNotMadeText(why, locale) },
        "contract.notify_failed",
      );
      return;
    }
    if (result.duplicate) return;
    deps.log.info("contract.renewed", { userId: body.user.id, from: result.old.ref, to: result.next.ref });
    const sent = contractRenewedMessage(result, locale);
    await tellSubmitter(deps, client, body.user.id, sent, "contract.notify_failed");
    await sendFinalReport(deps, client, body.user.id, result.old, locale);
  };
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
      title: `Rapport final — ${old.title}`,
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

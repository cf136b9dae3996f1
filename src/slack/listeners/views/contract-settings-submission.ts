import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { AppDeps } from "../../../app/deps.js";
import type { SettingsField } from "../../../domain/contract-settings.js";
import { type SaveSettingsResult, saveSettings } from "../../../use-cases/contract-settings.js";
import { BLOCKS } from "../../ids.js";
import { failureErrors, problemErrors, refusalErrors } from "../../submission-answers.js";
import { tellSubmitter } from "../../tell-submitter.js";
import { formReader, readMetadata } from "../../view-state.js";
import { contractSettingsSaved } from "../../views/contract-settings-blocks.js";

const SETTINGS_BLOCKS: Record<SettingsField, string> = {
  digest_weekday: BLOCKS.digestWeekday,
  digest_time: BLOCKS.digestTime,
  reminder_hour: BLOCKS.reminderHour,
  quiet_hours: BLOCKS.quietHours,
  timezone: BLOCKS.timezone,
  channel: BLOCKS.channel,
  digest_channel: BLOCKS.digestChannel,
};

/** « Réglages du contrat » submitted: checked field by field (inline errors in French, nothing lost), saved, audited. */
export function contractSettingsSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const { locale, contract } = readMetadata(view.private_metadata);
    const f = formReader(view);
    let result: SaveSettingsResult;
    try {
      result = await saveSettings(deps, {
        actorId: body.user.id,
        contractId: contract ?? "",
        values: {
          digestWeekday: f.option(BLOCKS.digestWeekday),
          digestTime: f.time(BLOCKS.digestTime),
          reminderHour: f.time(BLOCKS.reminderHour),
          quietHours: f.text(BLOCKS.quietHours),
          timezone: f.text(BLOCKS.timezone),
          channelId: f.conversation(BLOCKS.channel),
          digestChannelId: f.conversation(BLOCKS.digestChannel),
        },
      });
    } catch (error) {
      deps.log.error("contract.settings_failed", { viewId: view.id, error });
      return void (await ack(failureErrors(BLOCKS.digestWeekday, locale)));
    }
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.digestWeekday, locale, result.coordinators, result.closed)));
    if (result.kind === "invalid") return void (await ack(problemErrors(result.errors, locale, SETTINGS_BLOCKS)));
    await ack();
    deps.log.info("contract.settings_saved", { userId: body.user.id, ref: result.contract.ref });
    const sent = contractSettingsSaved(result.contract, result.settings, locale);
    await tellSubmitter(deps, client, body.user.id, sent, "contract.notify_failed");
  };
}

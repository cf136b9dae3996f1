import type { AppDeps } from "../../../app/deps.js";
import type { SettingsField } from "../../../domain/contract-settings.js";
import { saveSettings } from "../../../use-cases/contract-settings.js";
import { BLOCKS } from "../../ids.js";
import { problemErrors, refusalErrors } from "../../submission-answers.js";
import { contractPlaceValues } from "../../view-state.js";
import { contractSettingsSaved } from "../../views/contract-settings-blocks.js";
import { viewListener } from "./view-listener.js";

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
  return viewListener(deps, async ({ userId, ack, meta: { locale, contract }, form: f, attempt, tell }) => {
    const result = await attempt("contract.settings_failed", BLOCKS.digestWeekday, () =>
      saveSettings(deps, {
        actorId: userId,
        contractId: contract ?? "",
        values: {
          digestWeekday: f.option(BLOCKS.digestWeekday),
          digestTime: f.time(BLOCKS.digestTime),
          reminderHour: f.time(BLOCKS.reminderHour),
          quietHours: f.text(BLOCKS.quietHours),
          ...contractPlaceValues(f),
        },
      }),
    );
    if (!result) return;
    if (result.kind === "refused")
      return void (await ack(refusalErrors(BLOCKS.digestWeekday, locale, result.coordinators, result.closed)));
    if (result.kind === "invalid") return void (await ack(problemErrors(result.errors, locale, SETTINGS_BLOCKS)));
    await ack();
    deps.log.info("contract.settings_saved", { userId, ref: result.contract.ref });
    await tell(contractSettingsSaved(result.contract, result.settings, locale), "contract.notify_failed");
  });
}

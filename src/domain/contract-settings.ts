// A contract's own settings (`/csi contrat reglages`): the day and hour of its weekly digest, the hour of its
// reminders, its quiet hours, its channel and digest channel, its time zone. Pure: problems as codes per field.
import { IANAZone } from "luxon";
import { DEFAULT_TIMEZONE } from "./contract-input.js";
import { type FieldProblems, problem } from "./problems.js";
import type { Contract } from "./types.js";

const SETTINGS_FIELDS = [
  "digest_weekday",
  "digest_time",
  "reminder_hour",
  "quiet_hours",
  "timezone",
  "channel",
  "digest_channel",
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export interface SettingsFormValues {
  digestWeekday: string | null;
  digestTime: string | null;
  reminderHour: string | null;
  quietHours: string | null;
  timezone: string | null;
  channelId: string | null;
  digestChannelId: string | null;
}

export type ContractSettings = Required<
  Pick<
    Contract,
    "digestWeekday" | "digestTime" | "reminderHour" | "quietHours" | "timezone" | "channelId" | "digestChannelId"
  >
> & { digestWeekday: number; digestTime: string; reminderHour: string; quietHours: string; timezone: string };

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** « 19h-9h », « 19:00 - 09:00 » → « 19:00-09:00 »; null when it is not two times of day. */
export function normalizeQuietHours(typed: string): string | null {
  const m = /^\s*(\d{1,2})\s*[:hH]?\s*(\d{2})?\s*[-–àa]+\s*(\d{1,2})\s*[:hH]?\s*(\d{2})?\s*$/.exec(typed);
  if (!m) return null;
  const at = (h: string | undefined, min: string | undefined) => `${(h ?? "").padStart(2, "0")}:${min ?? "00"}`;
  const from = at(m[1], m[2]);
  const to = at(m[3], m[4]);
  return HH_MM.test(from) && HH_MM.test(to) ? `${from}-${to}` : null;
}

/** Checks every field; the form shows each problem beside its field and keeps what was typed. */
export function validateSettingsForm(
  raw: SettingsFormValues,
): { ok: true; value: ContractSettings } | { ok: false; errors: FieldProblems<SettingsField> } {
  const errors: FieldProblems<SettingsField> = {};
  const weekday = Number(raw.digestWeekday);
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) errors.digest_weekday = problem("digest-day-invalid");
  if (!raw.digestTime || !HH_MM.test(raw.digestTime)) errors.digest_time = problem("time-not-hh-mm");
  if (!raw.reminderHour || !HH_MM.test(raw.reminderHour)) errors.reminder_hour = problem("time-not-hh-mm");
  const quietHours = normalizeQuietHours(raw.quietHours ?? "");
  if (!quietHours) errors.quiet_hours = problem("quiet-hours-malformed");
  else if (quietHours.slice(0, 5) === quietHours.slice(6)) errors.quiet_hours = problem("quiet-hours-empty");
  const timezone = (raw.timezone ?? "").trim() || DEFAULT_TIMEZONE;
  if (!IANAZone.isValidZone(timezone)) errors.timezone = { code: "not-a-timezone", typed: timezone };
  if (Object.keys(errors).length || !quietHours || !raw.digestTime || !raw.reminderHour) return { ok: false, errors };
  return {
    ok: true,
    value: {
      digestWeekday: weekday,
      digestTime: raw.digestTime,
      reminderHour: raw.reminderHour,
      quietHours,
      timezone,
      channelId: raw.channelId,
      digestChannelId: raw.digestChannelId,
    },
  };
}

// Each contract's own schedule: the configuration's settings (CSI_REMINDER_HOUR, CSI_DIGEST_TIME, quiet
// hours, reminder days) in the contract's time zone, with the digest day, hours and quiet hours the contract sets
// itself (`/csi contrat reglages`).
import { makeScheduleSettings, type ScheduleSettings } from "./due-instants.js";
import type { Contract } from "./types.js";

type ContractTimes = Pick<Contract, "timezone" | "digestWeekday" | "digestTime" | "reminderHour" | "quietHours">;

/** The settings a contract's reminders and digest are planned and shown with; throws on a malformed value. */
export function contractSchedule(base: ScheduleSettings, c: ContractTimes): ScheduleSettings {
  return makeScheduleSettings({
    ...base,
    timezone: c.timezone || base.timezone,
    ...(c.digestWeekday ? { digestWeekday: c.digestWeekday } : {}),
    ...(c.digestTime ? { digestTime: c.digestTime } : {}),
    ...(c.reminderHour ? { reminderHour: c.reminderHour } : {}),
    ...(c.quietHours ? { quietHours: c.quietHours } : {}),
  });
}

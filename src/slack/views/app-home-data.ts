// What the App Home is built from, and how many items of each list it shows.
import { DASHBOARD_LIMITS, type Dashboard } from "../../domain/dashboard.js";
import type { Locale } from "../../domain/types.js";

// What the dashboard reads is what the Home shows; of meetings it reads one more, to say that more follow.
export const HOME_LIMITS = {
  mine: DASHBOARD_LIMITS.mine,
  parties: 10,
  overdue: DASHBOARD_LIMITS.overdue,
  meetings: DASHBOARD_LIMITS.meetings - 1,
  editOptions: DASHBOARD_LIMITS.editable,
} as const;

export interface HomeData extends Dashboard {
  locale: Locale;
  timezone: string;
}

/** Items of each coordinator queue shown on the Home (Slack allows 100 blocks in a Home tab). */
export const HOME_QUEUE = 5;

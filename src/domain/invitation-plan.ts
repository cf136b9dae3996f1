// Which meeting invitations are due to Slack attendees (issue 12): the invitation when a meeting is scheduled,
// its update each time it moves (one key per calendar revision), its cancellation. Pure: the caller passes
// `now` and the meetings not started yet, cancelled ones included; it drops the keys already recorded.
// Only changes of the last CATCH_UP_LOOKBACK_DAYS are announced (meetings scheduled before this feature, or long
// ago, are not all sent at once), and a change caught up after a stop waits for a decent hour, like any message.
import { mayGoOutAt, type ScheduleSettings } from "./due-instants.js";
import { CATCH_UP_LOOKBACK_DAYS } from "./obsolete-reminders.js";
import { type PlannedDelivery, planned } from "./reminder-keys.js";

export interface MeetingForInvitation {
  id: string;
  contractId: string;
  startsAt: Date;
  createdAt: Date;
  attendees: readonly string[];
  sequence: number;
  changedAt: Date | null;
  cancelledAt: Date | null;
}

/** A Slack person (a DM can reach them), not a channel or a name typed by hand. */
const isSlackUser = (id: string): boolean => /^[UW][A-Z0-9]+$/.test(id);

export function planInvitations(
  meetings: readonly MeetingForInvitation[],
  now: Date,
  settingsOf: (contractId: string) => ScheduleSettings,
): PlannedDelivery[] {
  const out: PlannedDelivery[] = [];
  const since = new Date(now.getTime() - CATCH_UP_LOOKBACK_DAYS * 86_400_000);
  for (const m of meetings) {
    const changed = m.cancelledAt ?? m.changedAt ?? m.createdAt;
    if (m.startsAt <= now || changed > now || changed < since) continue;
    if (!mayGoOutAt(changed, now, settingsOf(m.contractId))) continue;
    for (const attendeeId of m.attendees.filter(isSlackUser)) {
      const ref = m.cancelledAt
        ? { kind: "invite-cancel" as const, meetingId: m.id, attendeeId }
        : { kind: "invite" as const, meetingId: m.id, sequence: m.sequence, attendeeId };
      out.push({ ...planned({ ref, snoozedUntil: [] }, changed), contractId: m.contractId });
    }
  }
  return out;
}

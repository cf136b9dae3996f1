// `/csi reunion deplacer …` and `/csi reunion annuler …` (coordinators): the meeting named by its date (and kind
// when several fall that day) is moved or cancelled, audited; e-mail recipients then receive the update or the
// cancellation of their invitation (jobs/send-mail.ts).
import type { AppDeps } from "../app/deps.js";
import { localDateOf } from "../domain/due-instants.js";
import { type MeetingChangeProblem, parseMeetingChange } from "../domain/meeting-change-input.js";
import type { Contract, IsoDate, Meeting } from "../domain/types.js";

type MeetingChangeResult =
  | { kind: "invalid"; problem: MeetingChangeProblem }
  | { kind: "not_found"; on: IsoDate }
  | { kind: "ambiguous"; on: IsoDate; meetings: Meeting[] }
  | { kind: "moved"; before: Meeting; after: Meeting; recipients: number }
  | { kind: "cancelled"; meeting: Meeting; recipients: number };

export async function changeMeeting(
  deps: Pick<AppDeps, "store" | "config" | "now">,
  actorId: string,
  contract: Contract,
  action: "move" | "cancel",
  args: readonly string[],
): Promise<MeetingChangeResult> {
  const now = deps.now();
  const { timezone } = contract;
  const parsed = parseMeetingChange(action, args, { now, timezone });
  if (!parsed.ok) return { kind: "invalid", problem: parsed.problem };
  const { on, meetingKind, startsAt } = parsed.value;
  const candidates = (await deps.store.meetings.listUpcoming(contract.id, now, 500)).filter(
    (m) => localDateOf(m.startsAt, timezone) === on && (!meetingKind || m.kind === meetingKind),
  );
  const [meeting, ...others] = candidates;
  if (!meeting) return { kind: "not_found", on };
  if (others.length) return { kind: "ambiguous", on, meetings: candidates };
  const recipients = (await deps.store.mailRecipients.list(contract.id)).filter((r) => r.receives.meetings).length;
  if (action === "cancel") {
    const cancelled = await deps.store.meetings.cancel(meeting.id, actorId, now);
    return cancelled ? { kind: "cancelled", meeting: cancelled, recipients } : { kind: "not_found", on };
  }
  const after = startsAt && (await deps.store.meetings.reschedule(meeting.id, { startsAt }, actorId, now));
  return after ? { kind: "moved", before: meeting, after, recipients } : { kind: "not_found", on };
}

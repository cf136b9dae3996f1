import { contractDateWindow } from "../domain/bounds.js";
import type { FieldErrors } from "../domain/commitment-input.js";
import { type MeetingField, type MeetingFormValues, validateMeetingForm } from "../domain/meeting-input.js";
import type { ClosedContract } from "../domain/renewal.js";
import type { Locale, Meeting } from "../domain/types.js";
import { contractFor, coordinatorGate, type UseCaseDeps } from "./coordinators.js";

export type ScheduleMeetingResult =
  | { kind: "refused"; coordinators: string[]; closed?: ClosedContract }
  | { kind: "invalid"; errors: FieldErrors<MeetingField> }
  | { kind: "scheduled"; meeting: Meeting; duplicate: boolean };

interface ScheduleMeetingRequest {
  actorId: string;
  values: MeetingFormValues;
  locale: Locale;
  contractRef?: string;
  submissionKey?: string;
}

/** A coordinator schedules a GLTD, COPIL or CLSPD: date and time read in the contract's zone, stored in UTC. */
export async function scheduleMeeting(deps: UseCaseDeps, req: ScheduleMeetingRequest): Promise<ScheduleMeetingResult> {
  const contract = await contractFor(deps, req.contractRef);
  if (!contract) throw new Error("No contract to schedule a meeting for");
  const gate = await coordinatorGate(deps, req.actorId, contract.id);
  if (!gate.allowed) return { kind: "refused", coordinators: gate.coordinators, closed: gate.closed };
  const checked = validateMeetingForm(req.values, {
    now: deps.now(),
    timezone: contract.timezone,
    dateWindow: contractDateWindow(contract),
  });
  if (!checked.ok) return { kind: "invalid", errors: checked.errors };
  const { meeting, created } = await deps.store.meetings.create(
    contract.id,
    checked.value,
    req.actorId,
    req.submissionKey,
  );
  return { kind: "scheduled", meeting, duplicate: !created };
}

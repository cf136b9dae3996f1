import { contractDateWindow } from "../domain/bounds.js";
import { parseDecisions } from "../domain/decisions-input.js";
import type { Problem } from "../domain/problems.js";
import type { ClosedContract } from "../domain/renewal.js";
import type { IsoDate, Locale, Meeting } from "../domain/types.js";
import { coordinatorGate, type UseCaseDeps } from "./coordinators.js";

export type RecordDecisionsResult =
  | { kind: "refused"; coordinators: string[]; closed?: ClosedContract }
  | { kind: "invalid"; error: Problem }
  | {
      kind: "recorded";
      meeting: Meeting;
      count: number;
      duplicate: boolean;
      milestones: { ref: string; title: string; dueOn: IsoDate | null }[];
      commitments: { ref: string; title: string }[];
    };

interface RecordDecisionsRequest {
  actorId: string;
  meetingId: string;
  text: string | null;
  locale: Locale;
  submissionKey?: string;
}

/** After a meeting, a coordinator records its decisions; some become milestones or new commitments. */
export async function recordDecisions(deps: UseCaseDeps, req: RecordDecisionsRequest): Promise<RecordDecisionsResult> {
  const meeting = await deps.store.meetings.findById(req.meetingId);
  const gate = await coordinatorGate(deps, req.actorId, meeting?.contractId);
  if (!gate.allowed) return { kind: "refused", coordinators: gate.coordinators, closed: gate.closed };
  if (!meeting)
    return {
      kind: "invalid",
      error: { code: "meeting-gone" },
    };
  const contract = (await deps.store.contracts.list()).find((c) => c.id === meeting.contractId);
  const parsed = parseDecisions(req.text, {
    refs: await deps.store.commitments.listRefs(meeting.contractId),
    parties: contract?.parties.map((p) => p.code) ?? [],
    dateWindow: contract ? contractDateWindow(contract) : undefined,
  });
  if (!parsed.ok) return { kind: "invalid", error: parsed.error };
  const r = await deps.store.meetings.addDecisions(meeting.id, parsed.decisions, req.actorId, req.submissionKey);
  return {
    kind: "recorded",
    meeting: r.meeting,
    count: parsed.decisions.length,
    duplicate: !r.created,
    milestones: r.milestones,
    commitments: r.commitments,
  };
}

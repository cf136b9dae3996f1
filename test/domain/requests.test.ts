import { describe, expect, it } from "vitest";
import {
  type CommitmentRequest,
  correctsHead,
  decidersFor,
  headUpdate,
  replayState,
  stepForUpdate,
  type UpdateRecord,
  whyCannotDecide,
} from "../../src/domain/requests.js";

const at = (min: number) => new Date(Date.UTC(2026, 10, 23, 9, min));
const upd = (
  id: string,
  min: number,
  status: UpdateRecord["status"],
  progress: number,
  supersedesId: string | null = null,
  version = 1,
): UpdateRecord => ({
  id,
  createdAt: at(min),
  status,
  progress,
  supersedesId,
  version,
});
const doneRequest = (updateId: string, over: Partial<CommitmentRequest> = {}): CommitmentRequest => ({
  id: `r-${updateId}`,
  commitmentId: "c",
  kind: "DONE",
  requestedBy: "U0OWNER",
  requestedAt: at(10),
  updateId,
  evidenceUrl: null,
  evidence: "Bilan signé",
  reason: null,
  proposedDueOn: null,
  statusBefore: "ON_TRACK",
  progressBefore: 80,
  dueOnBefore: null,
  decision: null,
  decidedBy: null,
  decidedAt: null,
  refusalReason: null,
  ...over,
});
const initial = { status: "NOT_STARTED" as const, progress: 0 };

describe("who decides a request", () => {
  it("a coordinator other than the requester", () => {
    expect(whyCannotDecide({ requestedBy: "U0A" }, "U0B", true)).toBeNull();
    expect(whyCannotDecide({ requestedBy: "U0A" }, "U0A", true)).toBe("own_request");
    expect(whyCannotDecide({ requestedBy: "U0A" }, "U0B", false)).toBe("not_coordinator");
    expect(decidersFor(["U0A", "U0B"], "U0A")).toEqual(["U0B"]);
  });
});

describe("the state recomputed from history", () => {
  const updates = [upd("u1", 1, "ON_TRACK", 80), upd("u2", 10, "DONE", 100)];

  it("is the creation state with no update, the head's otherwise", () => {
    expect(replayState(initial, [], [])).toEqual(initial);
    expect(replayState(initial, [updates[0] as UpdateRecord], [])).toEqual({ status: "ON_TRACK", progress: 80 });
  });

  it("a pending « Réalisé » keeps the status and shows 100 %; confirmed is DONE; refused puts back the state before", () => {
    expect(replayState(initial, updates, [doneRequest("u2")])).toEqual({ status: "ON_TRACK", progress: 100 });
    expect(replayState(initial, updates, [doneRequest("u2", { decision: "CONFIRMED", decidedAt: at(20) })])).toEqual({
      status: "DONE",
      progress: 100,
    });
    expect(replayState(initial, updates, [doneRequest("u2", { decision: "REFUSED", decidedAt: at(20) })])).toEqual({
      status: "ON_TRACK",
      progress: 80,
    });
  });

  it("as it stood at an instant: a later decision is still pending then", () => {
    const refused = [doneRequest("u2", { decision: "REFUSED", decidedAt: at(20) })];
    expect(replayState(initial, updates, refused, at(5))).toEqual({ status: "ON_TRACK", progress: 80 });
    expect(replayState(initial, updates, refused, at(15))).toEqual({ status: "ON_TRACK", progress: 100 });
    expect(replayState(initial, updates, refused, at(25))).toEqual({ status: "ON_TRACK", progress: 80 });
  });

  it("a correction takes the place of the update it corrects: correcting an older one changes nothing now", () => {
    const history = [upd("u1", 1, "ON_TRACK", 30), upd("u2", 5, "AT_RISK", 40), upd("u1b", 9, "LATE", 10, "u1", 2)];
    expect(headUpdate(history)?.id).toBe("u2");
    expect(correctsHead(history, "u1")).toBe(false);
    expect(correctsHead(history, "u2")).toBe(true);
    const corrected = [...history, upd("u2b", 12, "ON_TRACK", 60, "u2", 2)];
    expect(replayState(initial, corrected, [])).toEqual({ status: "ON_TRACK", progress: 60 });
  });
});

describe("the step an update makes", () => {
  const current = { status: "ON_TRACK" as const, progress: 80 };
  it("DONE opens a request from the settled state", () => {
    expect(stepForUpdate(current, null, { status: "DONE", progress: 100 })).toEqual({
      state: { status: "ON_TRACK", progress: 100 },
      withdrawPending: false,
      openRequest: current,
    });
  });
  it("a newer update withdraws a pending request; a second DONE keeps the state from before the first", () => {
    const pending = { statusBefore: "AT_RISK" as const, progressBefore: 60 };
    expect(stepForUpdate({ status: "AT_RISK", progress: 100 }, pending, { status: "ON_TRACK", progress: 90 })).toEqual({
      state: { status: "ON_TRACK", progress: 90 },
      withdrawPending: true,
      openRequest: null,
    });
    expect(
      stepForUpdate({ status: "AT_RISK", progress: 100 }, pending, { status: "DONE", progress: 100 }).openRequest,
    ).toEqual({
      status: "AT_RISK",
      progress: 60,
    });
  });
  it("DONE on a commitment already done is a plain update", () => {
    expect(
      stepForUpdate({ status: "DONE", progress: 100 }, null, { status: "DONE", progress: 100 }).openRequest,
    ).toBeNull();
  });
});

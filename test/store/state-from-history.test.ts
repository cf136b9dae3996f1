// Property: for random sequences of updates, « Réalisé » requests, refusals, confirmations and corrections
// written through the store, the state the sheet shows (the commitment's row) equals the one recomputed from
// the history, and a digest window's changes are exactly the recorded ones (true before → after).
import { expect, it } from "vitest";
import { commitmentWeeks, DIGEST_ACTIONS } from "../../src/domain/digest-events.js";
import { replayState } from "../../src/domain/requests.js";
import { STATUSES, type Status } from "../../src/domain/types.js";
import { useTestStore } from "../support/use-test-store.js";

const t = useTestStore();

/** A small deterministic generator: the same seed, the same sequence (a failure can be replayed). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

it("state shown = state recomputed from history; digest changes = recorded changes", async () => {
  const { store, prisma } = t;
  const commitments = await prisma.commitment.findMany({ take: 6, orderBy: { ref: "asc" } });
  const OWNER = "U0OWNER01";
  const COORD = "U0COORD01";
  let clock = new Date("2026-11-02T08:00:00Z").getTime();
  for (const [n, c] of commitments.entries()) {
    const random = rng(1000 + n);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const initial = { status: c.status, progress: c.progress };
    const windowStart = 12;
    let snapshot: { status: Status; progress: number } | null = null;
    let since = new Date(0);
    for (let step = 0; step < 25; step++) {
      clock += 60_000;
      const at = new Date(clock);
      if (step === windowStart) {
        const row = await prisma.commitment.findUniqueOrThrow({ where: { id: c.id } });
        snapshot = { status: row.status, progress: row.progress };
        since = new Date(clock - 30_000);
      }
      const action = random();
      const pending = await prisma.commitmentRequest.findFirst({
        where: { commitmentId: c.id, kind: "DONE", decision: null },
      });
      if (pending && action < 0.4) {
        await store.requests.decide({
          requestId: pending.id,
          deciderId: COORD,
          decision: random() < 0.5 ? "CONFIRMED" : "REFUSED",
          refusalReason: "Preuve insuffisante",
          at,
          mayDecide: () => true,
        });
        continue;
      }
      const latest = await store.updates.findLastByAuthor(c.id, OWNER);
      const correct = latest !== null && action > 0.85;
      const status = random() < 0.35 ? "DONE" : pick(STATUSES.filter((s) => s !== "DONE"));
      await store.updates.append({
        commitmentId: c.id,
        authorId: OWNER,
        submissionKey: `prop-${c.id}-${step}`,
        supersedesId: correct ? latest.id : null,
        draft: {
          status,
          progress: status === "DONE" ? 100 : Math.floor(random() * 100),
          indicatorValues: [],
          comment: null,
          nextStep: null,
          nextStepOn: null,
          blockers: null,
          evidenceUrl: null,
          evidence: status === "DONE" ? "Bilan" : null,
        },
        at,
        today: "2026-11-02",
      });
    }
    const row = await prisma.commitment.findUniqueOrThrow({ where: { id: c.id } });
    const history = await store.updates.listHistory(c.id);
    const requests = await store.requests.listFor(c.id);
    expect(replayState(initial, history, requests)).toEqual({ status: row.status, progress: row.progress });
    // At the window's start too: the state then, replayed, is the one the row had.
    expect(replayState(initial, history, requests, since)).toEqual(snapshot);

    const [week] = commitmentWeeks(
      (await store.audit.listBetween(since, new Date(clock), DIGEST_ACTIONS)).filter((e) => e.entityId === c.id),
    );
    const updatesInWindow = history.filter((u) => u.createdAt > since).length;
    expect(week?.updates).toBe(updatesInWindow);
    if (week?.after) {
      expect(week.before).toEqual(snapshot);
      expect(week.after).toEqual({ status: row.status, progress: row.progress });
    }
    const refusals = requests.filter((r) => r.decision === "REFUSED" && r.decidedAt && r.decidedAt > since).length;
    expect(week?.events.filter((e) => e.kind === "done_refused").length ?? 0).toBe(refusals);
  }
}, 240_000);

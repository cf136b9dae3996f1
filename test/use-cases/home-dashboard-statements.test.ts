// The App Home reads a fixed number of statements whatever the size of the contract: a coordinator's queues
// (« À attribuer », « À compléter », requests waiting), the overdue list and a pilot's own commitments are
// each one read cut to what the Home shows, never one read per commitment nor every open commitment in full.
// Counted, not timed (speed is `npm run bench`'s): the same Home for a few commitments in each list and for
// thirty more in each sends the same statements, and no statement reads the relations of more commitments than
// the Home shows in full.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DASHBOARD_LIMITS } from "../../src/domain/dashboard.js";
import { createStore } from "../../src/store/store.js";
import { inWorkspace } from "../../src/store/workspace-scope.js";
import type { UseCaseDeps } from "../../src/use-cases/coordinators.js";
import { homeDashboard } from "../../src/use-cases/home-dashboard.js";
import { defaultContractId, generateCommitmentSpecs, insertCommitments, insertMeeting } from "../support/fixtures.js";
import { type StatementLog, statementLog } from "../support/sql-statements.js";
import { useTestStore } from "../support/use-test-store.js";

const COORDINATOR = "U0COORDST";
const PILOT = "U0PILOTST";
const NOW = new Date("2026-11-23T09:00:00Z");

const t = useTestStore("seeded");
let sql: StatementLog;
let deps: UseCaseDeps;
let contractId: string;
let meetingId: string;

/** `n` more commitments of every kind a Home lists: owned by the pilot (a third), ownerless, overdue, waiting for a decision, decided in a meeting. */
async function grow(n: number, start: number): Promise<void> {
  const specs = generateCommitmentSpecs(n, { start, owner: PILOT, today: "2026-11-23" });
  const ids = await insertCommitments(t.prisma, specs, contractId);
  for (const [i, id] of ids.entries()) {
    if (i % 2 === 0)
      await t.prisma.commitmentRequest.create({
        data: {
          commitmentId: id,
          kind: "DONE",
          requestedBy: PILOT,
          requestedAt: new Date(NOW.getTime() - (i + 1) * 3_600_000),
          statusBefore: "ON_TRACK",
          progressBefore: 50,
        },
      });
    if (i % 3 === 1)
      await t.prisma.decision.create({
        data: {
          meetingId,
          text: `Décision ${start + i}`,
          outcome: "COMMITMENT",
          commitmentId: id,
          createdBy: COORDINATOR,
        },
      });
  }
}

/** The statements one Home sends, read as the app_home_opened listener reads it (within the request's workspace). */
const homeStatements = (userId: string) =>
  sql.during(() =>
    inWorkspace(
      () => true,
      () => homeDashboard(deps, userId),
    ),
  );

beforeAll(async () => {
  sql = statementLog(t.tdb);
  const store = createStore(sql.prisma);
  deps = { store, config: loadConfig({ NODE_ENV: "test" }, { requireSlack: false }), now: () => NOW };
  contractId = await defaultContractId(t.prisma);
  await store.roles.ensureCoordinators([COORDINATOR], contractId);
  meetingId = await insertMeeting(t.prisma, { kind: "COPIL", startsAt: new Date("2026-11-20T09:00:00Z") }, contractId);
  await insertMeeting(t.prisma, { kind: "GLTD", startsAt: new Date("2026-12-08T13:00:00Z") }, contractId);
  await grow(6, 300);
});
afterAll(() => sql.close());

describe("App Home statements do not grow with the contract", () => {
  it("a coordinator's Home: the same statements for 6 commitments in each list and for 36", async () => {
    await homeStatements(COORDINATOR); // the contract read once per store (findDefault) is not counted
    const few = await homeStatements(COORDINATOR);
    const home = await homeDashboard(deps, COORDINATOR);
    expect(home?.pendingRequests?.length).toBeGreaterThan(0);
    expect(home?.ownerless?.length).toBeGreaterThan(0);
    expect(home?.toComplete?.length).toBeGreaterThan(0);
    expect(home?.overdue.length).toBeGreaterThan(0);

    await grow(30, 400);
    const many = await homeStatements(COORDINATOR);
    const grown = await homeDashboard(deps, COORDINATOR);
    expect(grown?.pendingRequests?.length).toBeGreaterThan(home?.pendingRequests?.length ?? 0);
    expect(grown?.ownerless?.length).toBeGreaterThan(home?.ownerless?.length ?? 0);
    expect(grown?.toComplete?.length).toBeGreaterThan(home?.toComplete?.length ?? 0);
    expect(many.shapes).toEqual(few.shapes);
    // Relations are read only for the commitments shown in full (mine, overdue), never for every open one.
    expect(many.largestInList).toBeLessThanOrEqual(Math.max(DASHBOARD_LIMITS.mine, DASHBOARD_LIMITS.overdue));
  });

  it("a pilot's Home: the same statements for 12 commitments owned and for 22", async () => {
    await homeStatements(PILOT);
    const before = await homeStatements(PILOT);
    expect((await homeDashboard(deps, PILOT))?.mineTotal).toBeGreaterThan(0);
    await grow(30, 500);
    const after = await homeStatements(PILOT);
    expect((await homeDashboard(deps, PILOT))?.mineTotal).toBeGreaterThan(10);
    expect(after.shapes).toEqual(before.shapes);
    expect(after.largestInList).toBeLessThanOrEqual(DASHBOARD_LIMITS.mine);
  });
});

// The progress form is answered (Slack's 3-second ack) only once the update is stored: what is read and written
// before that does not grow with the commitment's history. Counted, not timed: an owner's submission on a
// commitment with one earlier update and on one with thirty sends the same statements.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../../src/app/deps.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createStore } from "../../src/store/store.js";
import { inWorkspace } from "../../src/store/workspace-scope.js";
import { recordProgressUpdate } from "../../src/use-cases/record-progress-update.js";
import { defaultContractId, generateCommitmentSpecs, insertCommitments, insertUpdate } from "../support/fixtures.js";
import { type StatementLog, statementLog } from "../support/sql-statements.js";
import { useTestStore } from "../support/use-test-store.js";

const OWNER = "U0OWNERST";
const NOW = new Date("2026-11-23T09:00:00Z");

const t = useTestStore("seeded");
let sql: StatementLog;
let deps: AppDeps;
let ids: string[];

/** One submission of the form by the owner, as the view_submission listener makes it (within its workspace). */
const submit = (commitmentId: string, key: string) =>
  sql.during(() =>
    inWorkspace(
      () => true,
      async () => {
        const outcome = await recordProgressUpdate(deps, {
          commitmentId,
          userId: OWNER,
          submissionKey: key,
          supersedesId: null,
          form: { status: "ON_TRACK", progress: "45", comment: "Réunion partenariale tenue avec les bailleurs." },
          locale: "fr",
        });
        expect(outcome.kind).toBe("recorded");
      },
    ),
  );

beforeAll(async () => {
  sql = statementLog(t.tdb);
  deps = {
    config: loadConfig({ NODE_ENV: "test" }, { requireSlack: false }),
    db: t.tdb.db,
    store: createStore(sql.prisma),
    log: createLogger({ level: "error", json: false }),
    now: () => NOW,
  };
  // Three commitments owned by OWNER only (every third spec has an owner), open and without indicators.
  const specs = generateCommitmentSpecs(9, { start: 700, owner: OWNER })
    .filter((s) => s.owners?.length)
    .map((s) => ({ ...s, status: "ON_TRACK" as const }));
  ids = await insertCommitments(t.prisma, specs, await defaultContractId(t.prisma));
  const [, short, long] = ids;
  await insertUpdate(t.prisma, short!, { authorId: OWNER, createdAt: new Date("2026-10-01T09:00:00Z") });
  for (let i = 0; i < 30; i++)
    await insertUpdate(t.prisma, long!, { authorId: OWNER, createdAt: new Date(Date.UTC(2026, 5, 1 + i, 9)) });
});
afterAll(() => sql.close());

describe("progress form statements before the ack", () => {
  it("are the same for a commitment with one earlier update and one with thirty", async () => {
    const [first, short, long] = ids;
    await submit(first!, "VSTWARM"); // modules and per-store reads warmed up, not counted
    const few = await submit(short!, "VSTSHORT");
    const many = await submit(long!, "VSTLONG");
    expect(many.shapes).toEqual(few.shapes);
    expect(many.largestInList).toBeLessThanOrEqual(1);
    // The contracts (2), then one read of the commitment with what the checks and the write's rules need, then one
    // write; on PostgreSQL inside a transaction: the lock, the write, COMMIT (BEGIN is not logged). It was 16 when
    // each relation was a statement and the write read every earlier update.
    expect(few.shapes.length).toBeLessThanOrEqual(t.tdb.url ? 6 : 4);
  });
});

// A contract's digest reads « today » in that contract's zone: in Cayenne (UTC−3) it is still Tuesday when Paris
// has reached Wednesday, so an owner away until Tuesday is still away in Cayenne's digest.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Contract } from "../../src/domain/types.js";
import { contractDigest } from "../../src/use-cases/build-digest.js";
import { insertContract, insertStateCommitment } from "../support/fixtures.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

// Wednesday 2 December 2026, 01:00 UTC: 02:00 on Wednesday in Paris, 22:00 on Tuesday 1 December in Cayenne.
const NOW = new Date("2026-12-02T01:00:00Z");
const OWNER = "U0GUYAWAY";
let t: TestApp;
let cayenne: Contract;

beforeAll(async () => {
  t = await startTestApp({ now: () => NOW });
  const row = await insertContract(t.db.prisma, {
    ref: "CSI-GUY-DIGEST",
    title: "CSI de Cayenne",
    timezone: "America/Cayenne",
  });
  await insertStateCommitment(t.db.prisma, row.id, "ETAT-GUY", "Médiation au marché de Cayenne", [OWNER], {
    dueOn: new Date("2026-11-20T00:00:00Z"),
  });
  // Away from 25 November to Tuesday 1 December, nobody standing in.
  await t.vigie.deps.store.absences.declare(
    { userId: OWNER, startsOn: "2026-11-25", endsOn: "2026-12-01", standInId: null, by: OWNER },
    "2026-11-24",
    new Date("2026-11-24T12:00:00Z"),
  );
  t.vigie.deps.store.contracts.forget();
  const found = (await t.vigie.deps.store.contracts.list()).find((c) => c.id === row.id);
  if (!found) throw new Error("contract not found");
  cayenne = found;
});
afterAll(() => t.stop());

it("an owner away until Tuesday is still awaited in the Cayenne digest on Tuesday evening there", async () => {
  const built = await contractDigest(t.vigie.deps, cayenne);
  expect(built?.timezone).toBe("America/Cayenne");
  const awaited = built?.digest.awaitingReturn ?? [];
  expect(awaited.map((a) => [a.userId, a.endsOn, a.commitments.map((c) => c.ref)])).toEqual([
    [OWNER, "2026-12-01", ["ETAT-GUY"]],
  ]);
});

// A stop (SIGTERM) lets the answers already under way finish before the database closes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInFlight } from "../../src/slack/in-flight.js";
import { blocksText, COORDINATOR, slowDownContractLookup, startTestApp, type TestApp } from "../support/test-app.js";

describe("createInFlight", () => {
  it("counts runs until their listeners end, and says when nothing is left", async () => {
    const inFlight = createInFlight();
    const run = (release: Promise<void>) =>
      inFlight.middleware({ next: () => release } as unknown as Parameters<typeof inFlight.middleware>[0]);
    expect(await inFlight.drained(10)).toBe(true);
    let finish!: () => void;
    const running = run(new Promise<void>((r) => (finish = r)));
    expect(inFlight.count()).toBe(1);
    expect(await inFlight.drained(20)).toBe(false); // still running after the grace period
    const drained = inFlight.drained(5_000);
    finish();
    await running;
    expect(await drained).toBe(true);
    expect(inFlight.count()).toBe(0);
  });

  it("counts a run that failed as ended", async () => {
    const inFlight = createInFlight();
    const failing = inFlight.middleware({ next: () => Promise.reject(new Error("boom")) } as unknown as Parameters<
      typeof inFlight.middleware
    >[0]);
    await expect(failing).rejects.toThrow("boom");
    expect(inFlight.count()).toBe(0);
  });
});

describe("stopping with an answer under way", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("sends the answer already acknowledged, then closes the database", async () => {
    slowDownContractLookup(t, 1500); // this app is stopped by the test itself
    const { status, responseId } = await t.command("etat", { userId: COORDINATOR });
    expect(status).toBe(200);
    expect(t.slack.responsesTo(responseId)).toHaveLength(0);
    let closedAt = 0;
    const close = t.db.close.bind(t.db);
    t.db.close = () => {
      closedAt ||= Date.now();
      return close();
    };
    const stopping = t.vigie.stop();
    const reply = await t.slack.waitForResponse(responseId, 10_000);
    await stopping;
    expect(blocksText(reply.params)).toContain("Contrat de Sécurité Intégrée de Chambéry");
    expect(closedAt).toBeGreaterThan(0);
    expect(closedAt).toBeGreaterThanOrEqual(reply.at); // the database closed only once the answer was out
  });
});

import type { View } from "@slack/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_ID, LOCAL_TEAM, LocalSession, type Shown } from "../../src/local/session.js";
import { COORDINATOR, slowDown, slowDownContractLookup, startTestApp, type TestApp } from "../support/test-app.js";

// The local console shows what Vigie did in answer to a request. It must wait for Vigie to finish, not
// for a quiet moment: on a busy machine the form of a modal came after a pause and was lost.
describe("local session", () => {
  let t: TestApp;
  let session: LocalSession;
  beforeAll(async () => {
    // The session plays the local workspace: Vigie is told it is installed there.
    t = await startTestApp({ env: { SLACK_TEAM_ID: LOCAL_TEAM.id, SLACK_APP_ID: LOCAL_APP_ID } });
    session = new LocalSession(t.baseUrl, t.config.slack.signingSecret, t.slack, (ms) => t.vigie.requestsSettled(ms));
  });
  afterAll(() => t.stop());

  const inputsOf = (view: View) => (view.blocks ?? []).filter((b) => b.type === "input").length;

  it("shows the filled-in form when the database is slow between the loading view and the form", async () => {
    const undo = slowDown(t.vigie.deps.store.updates, "listLatest", 1200); // far beyond the old 250 ms quiet time
    try {
      const shown = await session.command(COORDINATOR, "maj ETAT-08");
      const modals = shown.filter((s): s is Extract<Shown, { kind: "modal" }> => s.kind === "modal");
      expect(modals).toHaveLength(1);
      expect(JSON.stringify(modals[0]!.view)).not.toContain("Chargement");
      expect(inputsOf(modals[0]!.view)).toBeGreaterThan(5);
      expect(t.slack.calls.filter((c) => c.method.startsWith("views.")).map((c) => c.method)).toEqual([
        "views.open",
        "views.update",
      ]);
    } finally {
      undo();
    }
  });

  it("waits for an answer that comes late through the response_url", async () => {
    const undo = slowDownContractLookup(t, 2000); // beyond the old 250 ms quiet time after the ack
    try {
      const shown = await session.command(COORDINATOR, "etat");
      expect(shown.map((s) => s.kind)).toEqual(["reply"]);
      expect(JSON.stringify(shown[0])).toContain("Contrat de Sécurité Intégrée");
    } finally {
      undo();
    }
  });
});

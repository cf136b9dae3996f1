// `/csi reunion deplacer|annuler` (coordinators): the meeting named by its date moves or is cancelled, audited;
// its calendar revision goes up so e-mail recipients get the update; bad input is said in French with the
// command as typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertMeeting } from "../../support/fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
let copil: string;
beforeAll(async () => {
  t = await startTestApp();
  // Thursday 17 December 2026, 10:00 Paris; a GLTD the same day at 15:00.
  copil = await insertMeeting(t.db.prisma, { kind: "COPIL", startsAt: new Date("2026-12-17T09:00:00Z") });
  await insertMeeting(t.db.prisma, { kind: "GLTD", startsAt: new Date("2026-12-17T14:00:00Z") });
});
afterAll(() => t.stop());

const say = async (text: string, userId = COORDINATOR) => blocksText((await t.commandReply(text, { userId })).params);

describe("/csi reunion deplacer | annuler", () => {
  it("asks which one when two meetings fall that day", async () => {
    const r = await say("reunion deplacer 17/12/2026 18/12/2026 14h30");
    expect(r).toContain("Plusieurs réunions ce jour-là");
    expect(r).toContain("```/csi reunion deplacer 17/12/2026 18/12/2026 14h30```");
  });

  it("moves the COPIL, audited, its revision up by one", async () => {
    expect(await say("reunion deplacer COPIL 17/12/2026 18/12/2026 14h30")).toBe(
      ":calendar: Réunion déplacée : COPIL du jeudi 17 décembre 2026 à 10 h → *vendredi 18 décembre 2026 à 14 h 30*.",
    );
    const row = await t.db.prisma.meeting.findUniqueOrThrow({ where: { id: copil } });
    expect(row.startsAt.toISOString()).toBe("2026-12-18T13:30:00.000Z");
    expect(row.sequence).toBe(1);
    expect(await t.vigie.deps.store.audit.listFor("meeting", copil)).toMatchObject([
      {
        action: "meeting.reschedule",
        actorId: COORDINATOR,
        details: { from: "2026-12-17T09:00:00.000Z", to: "2026-12-18T13:30:00.000Z" },
      },
    ]);
  });

  it("says what is wrong in French, with the command as typed", async () => {
    expect(await say("reunion deplacer 32/12/2026 18/12/2026 14h")).toContain("« 32/12/2026 » n'est pas une date");
    expect(await say("reunion deplacer 18/12/2026 19/12/2026 midi")).toContain("« midi » n'est pas une heure");
    expect(await say("reunion deplacer 18/12/2026 28/03/2027 2h30")).toContain("n'existe pas à Paris");
    expect(await say("reunion deplacer 18/12/2026 01/01/2020 10h")).toContain("Cette date est passée");
    expect(await say("reunion annuler 24/12/2026")).toContain("Aucune réunion à venir le jeudi 24 décembre 2026.");
  });

  it("cancels: gone from /csi reunions, audited; only coordinators may", async () => {
    expect(await say("reunion annuler 18/12/2026", "U0PIERRE1")).toContain("réservée aux coordonnateurs");
    expect(await say("reunion annuler 18/12/2026")).toBe(
      ":x: Réunion annulée : COPIL du vendredi 18 décembre 2026 à 14 h 30.",
    );
    const row = await t.db.prisma.meeting.findUniqueOrThrow({ where: { id: copil } });
    expect(row.cancelledAt).not.toBeNull();
    expect(row.sequence).toBe(2);
    const list = await say("reunions");
    expect(list).not.toContain("COPIL");
    expect(list).toContain("GLTD");
    expect(await say("reunion annuler 18/12/2026")).toContain("Aucune réunion à venir");
  });
});

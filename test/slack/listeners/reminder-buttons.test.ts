import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import { addCommitment, clearScheduling, keyOf, postsOf } from "../../jobs/fixtures.js";
import { insertContract, insertStateCommitment } from "../../support/fixtures.js";
import { buttonPayload } from "../../support/progress-fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

// The clock of listeners: Tuesday 8 December 2026, 15:00 Paris.
const NOW = new Date("2026-12-08T14:00:00Z");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: () => NOW });
});
afterAll(() => t.stop());
beforeEach(async () => {
  await clearScheduling(t.db.prisma);
  t.slack.reset();
});

const click = async (actionId: string, value: string, userId: string) => {
  const responseId = randomUUID();
  const res = await t.interact(
    buttonPayload({ actionId, value, userId, responseUrl: t.slack.responseUrl(responseId) }),
  );
  expect(res.status).toBe(200);
  return t.slack.waitForResponse(responseId);
};

describe("snooze buttons", () => {
  it("« Rappeler demain » moves that one reminder to the next working day at 09:00; it is re-sent once", async () => {
    const id = await addCommitment(t.db.prisma, { dueOn: "2026-12-15", owners: ["U0OWNER1", "U0OWNER2"] });
    await t.vigie.scheduler.runPass(new Date("2026-12-08T08:00:00Z"));
    const key = `deadline-j7:${id}:U0OWNER1:2026-12-15`;
    expect(postsOf(t.slack.calls, "deadline-j7").map(keyOf).sort()).toEqual([
      key,
      `deadline-j7:${id}:U0OWNER2:2026-12-15`,
    ]);

    const reply = await click(ACTIONS.snoozeDay, key, "U0OWNER1");
    expect(String(reply.params.text)).toContain("mercredi 9 décembre 2026 à 9 h");
    const snooze = await t.db.prisma.snooze.findUniqueOrThrow({ where: { key } });
    expect(snooze.until.toISOString()).toBe("2026-12-09T08:00:00.000Z");
    expect((await t.vigie.deps.store.audit.listFor("delivery", key)).map((a) => a.action)).toEqual(["reminder.snooze"]);

    t.slack.reset();
    await t.vigie.scheduler.runPass(new Date("2026-12-09T07:59:00Z"));
    expect(postsOf(t.slack.calls, "deadline")).toHaveLength(0);
    await t.vigie.scheduler.runPass(new Date("2026-12-09T08:00:00Z"));
    await t.vigie.scheduler.runPass(new Date("2026-12-09T08:05:00Z"));
    const resent = postsOf(t.slack.calls, "deadline");
    expect(resent.map(keyOf)).toEqual([`${key}:snoozed-20261209T0800Z`]);
    expect(resent[0]!.params.channel).toBe("U0OWNER1");
    expect(blocksText(resent[0]!.params)).toContain("Rappel reporté à votre demande");
  });

  it("« dans une semaine » moves it seven days (to a working day)", async () => {
    const key = "overdue:00000000-0000-0000-0000-000000000001:U0OWNER1:2";
    const reply = await click(ACTIONS.snoozeWeek, key, "U0OWNER1");
    expect(String(reply.params.text)).toContain("mardi 15 décembre 2026");
    expect((await t.db.prisma.snooze.findUniqueOrThrow({ where: { key } })).until.toISOString()).toBe(
      "2026-12-15T08:00:00.000Z",
    );
  });

  it("refuses a reminder addressed to someone else, and changes nothing", async () => {
    const key = "deadline-j7:00000000-0000-0000-0000-000000000001:U0OWNER1:2026-12-15";
    const reply = await click(ACTIONS.snoozeDay, key, "U0INTRUDER");
    expect(String(reply.params.text)).toContain("ne vous est pas adressé");
    expect(await t.db.prisma.snooze.count()).toBe(0);
  });
});

describe("snoozing a reminder of another contract", () => {
  const OWNER = "U0SNZOWNER";
  const contractWith = async (ref: string, over: { timezone?: string; closedAt?: Date }) => {
    const contract = await insertContract(t.db.prisma, { ref, title: `CSI ${ref}`, ...over });
    // Written behind the store's back: what a request keeps of the workspace's contracts is read again.
    t.vigie.deps.store.contracts.forget();
    const commitmentId = await insertStateCommitment(t.db.prisma, contract.id, `Z-${ref}`, `Engagement ${ref}`, [
      OWNER,
    ]);
    return `deadline-j7:${commitmentId}:${OWNER}:2026-12-15`;
  };

  it("on a contract closed by its renewal: refused in French like any other change, nothing moves", async () => {
    const key = await contractWith("CSI-CLOS-SNZ", { closedAt: new Date("2026-11-30T10:00:00Z") });
    const reply = await click(ACTIONS.snoozeDay, key, OWNER);
    expect(String(reply.params.text)).toContain("est clos depuis son renouvellement : il ne se modifie plus");
    expect(String(reply.params.text)).toContain("CSI-CLOS-SNZ");
    expect(await t.db.prisma.snooze.count()).toBe(0);
    expect(await t.vigie.deps.store.audit.listFor("delivery", key)).toEqual([]);
  });

  it("of the Cayenne contract: « demain » is 9 h in Cayenne (12:00 UTC), not 9 h in Paris, and said so", async () => {
    const key = await contractWith("CSI-GUY-SNZ", { timezone: "America/Cayenne" });
    const reply = await click(ACTIONS.snoozeDay, key, OWNER);
    expect(String(reply.params.text)).toContain("mercredi 9 décembre 2026 à 9 h");
    const snooze = await t.db.prisma.snooze.findUniqueOrThrow({ where: { key } });
    expect(snooze.until.toISOString()).toBe("2026-12-09T12:00:00.000Z");
  });
});

describe("folded reminders' buttons", () => {
  it("« Rappeler demain » on a section standing for two reminders moves both, and only for their recipient", async () => {
    const keys = [
      "overdue:00000000-0000-0000-0000-000000000001:U0OWNER1:1",
      "checkin:00000000-0000-0000-0000-000000000002:U0OWNER1",
    ];
    const refused = await click(ACTIONS.snoozeDay, `${keys[0]} overdue:x:U0OTHER:1`, "U0OWNER1");
    expect(String(refused.params.text)).toContain("ne vous est pas adressé");
    expect(await t.db.prisma.snooze.count()).toBe(0);
    await click(ACTIONS.snoozeDay, keys.join(" "), "U0OWNER1");
    const rows = await t.db.prisma.snooze.findMany({ orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.until.toISOString()])).toEqual(
      [...keys].sort().map((k) => [k, "2026-12-09T08:00:00.000Z"]),
    );
  });

  it("« Toujours en cours » records an update with the same status and progress, once per click, and counts as news", async () => {
    const id = await addCommitment(t.db.prisma, {
      dueOn: "2027-06-30",
      owners: ["U0OWNER1"],
      status: "AT_RISK",
      lastUpdateAt: new Date("2026-09-01T10:00:00Z"),
    });
    await t.db.prisma.commitment.update({ where: { id }, data: { progress: 40 } });
    const reply = await click(ACTIONS.stillOnTrack, id, "U0OWNER1");
    expect(String(reply.params.text)).toContain("reste « point de vigilance »");
    const again = await click(ACTIONS.stillOnTrack, id, "U0OWNER1");
    expect(String(again.params.text)).toContain("déjà noté");
    const updates = await t.db.prisma.progressUpdate.findMany({ where: { commitmentId: id } });
    expect(updates.map((u) => [u.status, u.progress, u.authorId])).toEqual([["AT_RISK", 40, "U0OWNER1"]]);
    const after = await t.db.prisma.commitment.findUniqueOrThrow({ where: { id } });
    expect([after.status, after.progress, after.lastUpdateAt?.toISOString()]).toEqual([
      "AT_RISK",
      40,
      NOW.toISOString(),
    ]);

    const intruder = await click(ACTIONS.stillOnTrack, id, "U0INTRUDER");
    expect(String(intruder.params.text)).toContain("ni pilote");
    expect(await t.db.prisma.progressUpdate.count({ where: { commitmentId: id } })).toBe(1);
  });
});

describe("/csi digest", () => {
  it("shows a coordinator the next digest now, marked as a preview", async () => {
    await addCommitment(t.db.prisma, { dueOn: "2026-11-30", owners: ["U0OWNER1"], title: "Brigade de nuit" });
    const reply = await t.commandReply("digest", { userId: COORDINATOR });
    const text = blocksText(reply.params);
    expect(text).toContain("Point hebdomadaire");
    expect(text).toContain("aperçu du prochain point hebdomadaire");
    expect(text).toContain("Brigade de nuit");
    expect(postsOf(t.slack.calls)).toHaveLength(0);
  });

  it("politely refuses anyone else", async () => {
    const reply = await t.commandReply("digest", { userId: "U0MEMBER1" });
    const text = blocksText(reply.params);
    // The router's shared coordinator refusal answers first; the handler has its own as a second guard.
    expect(text).toMatch(/réservée aux coordonnateurs/);
    expect(text).not.toContain("Point hebdomadaire");
  });

  it("« Détails » opens the full list of a section in a modal", async () => {
    for (let i = 0; i < 7; i++)
      await addCommitment(t.db.prisma, { dueOn: "2026-11-30", owners: ["U0OWNER1"], title: `Retard numéro ${i}` });
    const details = buttonPayload({
      actionId: `${ACTIONS.digestDetails}_overdue`,
      value: "overdue",
      userId: COORDINATOR,
      responseUrl: t.slack.responseUrl(randomUUID()),
    });
    const res = await t.interact(details);
    expect(res.status).toBe(200);
    const open = await t.slack.waitFor((c) => c.method === "views.open");
    expect(open.params.trigger_id).toBe(details.trigger_id);
    const text = blocksText((open.params.view as Record<string, unknown>) ?? {});
    for (let i = 0; i < 7; i++) expect(text).toContain(`Retard numéro ${i}`);
  });

  it("« Détails » answers in the clicker's language, its refusal too", async () => {
    t.slack.on("users.info", (p) => ({ body: { ok: true, user: { id: p.user, locale: "en-GB" } } }));
    const responseId = randomUUID();
    const forged = buttonPayload({
      actionId: `${ACTIONS.digestDetails}_overdue`,
      value: "not-a-section",
      userId: "U0ENGLISH1",
      responseUrl: t.slack.responseUrl(responseId),
    });
    expect((await t.interact(forged)).status).toBe(200);
    expect((await t.slack.waitForResponse(responseId)).params.text).toBe(
      ":no_entry: This detail is not available to you.",
    );
  });
});

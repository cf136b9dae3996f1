// `/csi contrat reglages` over signed HTTP on the real database: a coordinator changes the contract's digest day
// and hour, reminder hour, quiet hours, channels and time zone in a form prefilled with the values in force;
// errors in French beside their fields; saved and audited; the scheduler's next pass follows them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDeliveries } from "../../../src/jobs/plan-deliveries.js";
import { BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import {
  auditEntries,
  commandForm,
  defaultContractWithMember,
  directMessageTo,
  submitForm,
} from "../../support/coordinator-payloads.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp, warmUp } from "../../support/test-app.js";

const MEMBER = "U0SETMEMB1";
let t: TestApp;
let contractId = "";

beforeAll(async () => {
  t = await startTestApp();
  await warmUp(t);
  contractId = await defaultContractWithMember(t, MEMBER);
});
afterAll(() => t.stop());

const form = (over: Record<string, unknown> = {}) => ({
  [BLOCKS.digestWeekday]: { option: "2" },
  [BLOCKS.digestTime]: { time: "07:30" },
  [BLOCKS.reminderHour]: { time: "08:00" },
  [BLOCKS.quietHours]: { text: "20h-8h" },
  [BLOCKS.timezone]: { text: "Indian/Reunion" },
  [BLOCKS.channel]: { conversation: "C0CSI" },
  [BLOCKS.digestChannel]: { conversation: "C0POINT" },
  ...over,
});
const submit = (userId: string, fields: Record<string, unknown>) =>
  submitForm(t, { callbackId: CALLBACKS.contractSettings, about: { contract: contractId }, userId, fields });

describe("/csi contrat reglages", () => {
  it("is for the contract's coordinators; the form shows the values in force", async () => {
    expect(blocksText((await t.commandReply("contrat reglages", { userId: MEMBER })).params)).toContain(
      "réservée aux coordonnateurs du contrat",
    );
    const view = await commandForm(t, "contrat reglages", COORDINATOR, CALLBACKS.contractSettings);
    const blocks = (view as { blocks: { block_id?: string; element?: Record<string, unknown> }[] }).blocks;
    const el = (id: string) => blocks.find((b) => b.block_id === id)?.element ?? {};
    expect((el(BLOCKS.digestWeekday).initial_option as { value: string }).value).toBe("1");
    expect(el(BLOCKS.digestTime).initial_time).toBe("08:30");
    expect(el(BLOCKS.reminderHour).initial_time).toBe("09:00");
    expect(el(BLOCKS.quietHours).initial_value).toBe("19:00-09:00");
    expect(el(BLOCKS.timezone).initial_value).toBe("Europe/Paris");
  });

  it("says in French, beside each field, what is wrong, and saves nothing", async () => {
    const before = await t.db.prisma.contract.findUniqueOrThrow({ where: { id: contractId } });
    const wrong = await submit(
      COORDINATOR,
      form({
        [BLOCKS.quietHours]: { text: "le soir" },
        [BLOCKS.timezone]: { text: "Paris" },
        [BLOCKS.reminderHour]: { time: null },
      }),
    );
    expect(wrong?.errors).toEqual({
      [BLOCKS.quietHours]: "Heures calmes attendues sous la forme 19:00-09:00 (début-fin, de 00:00 à 23:59).",
      [BLOCKS.timezone]:
        "« Paris » n'est pas un fuseau horaire : par ex. Europe/Paris, America/Cayenne, Indian/Reunion.",
      [BLOCKS.reminderHour]: "Choisissez une heure (HH:mm).",
    });
    expect(await submit(MEMBER, form())).toMatchObject({ response_action: "errors" });
    expect(await t.db.prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).toEqual(before);
  });

  it("saves the settings, audited, tells the coordinator; the next pass plans the digest at the new day and hour", async () => {
    expect(await submit(COORDINATOR, form())).toBeNull();
    expect(await t.db.prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({
      digestWeekday: 2,
      digestTime: "07:30",
      reminderHour: "08:00",
      quietHours: "20:00-08:00",
      timezone: "Indian/Reunion",
      channelId: "C0CSI",
      digestChannelId: "C0POINT",
    });
    // The kept default contract is read again: its zone is the new one.
    expect((await t.vigie.deps.store.contracts.findDefault())?.timezone).toBe("Indian/Reunion");
    const [audit] = await auditEntries(t, "contract.settings");
    expect(audit).toMatchObject({ actorId: COORDINATOR, entityId: contractId });
    expect(audit?.details).toMatchObject({
      before: { digestWeekday: null, timezone: "Europe/Paris", quietHours: null },
      after: { digestWeekday: 2, timezone: "Indian/Reunion", quietHours: "20:00-08:00" },
    });
    const told = await directMessageTo(t, COORDINATOR, "Réglages de");
    expect(blocksText(told.params)).toContain("Point hebdomadaire : le mardi à 7 h 30, dans <#C0POINT>");
    expect(blocksText(told.params)).toContain("heures calmes 20:00 – 08:00");
    // Tuesday 8 December 2026, 07:30 in La Réunion (UTC+4) is 03:30 UTC: the digest is due; not on Monday morning.
    const monday = await planDeliveries(t.vigie.deps, new Date("2026-12-07T07:30:00Z"));
    expect(monday.some((d) => d.ref.kind === "digest")).toBe(false);
    const tuesday = await planDeliveries(t.vigie.deps, new Date("2026-12-08T03:30:00Z"));
    const digests = tuesday.filter((d) => d.ref.kind === "digest");
    expect(digests.length).toBeGreaterThan(0);
    expect(digests.map((d) => d.target)).toContain("C0POINT");
    expect(blocksText((await t.commandReply("journal", { userId: COORDINATOR })).params)).toContain(
      "a changé les réglages du contrat",
    );
  });
});

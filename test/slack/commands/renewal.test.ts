// `/csi contrat renouveler` over signed HTTP on the real database: Chambéry's contract ends on 31 December 2026; its
// coordinator makes the next one from it. The unfinished commitments ticked carry over (new refs, owners and
// indicators kept, linked both ways), the old contract is closed (every change refused, naming the new one), its
// final report is sent, its digest and reminders stop; a double submit makes one contract.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDeliveries } from "../../../src/jobs/plan-deliveries.js";
import { ACTIONS, BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import {
  appHomeOpened,
  auditEntries,
  commandForm,
  defaultContractWithMember,
  sendEvent,
  storedContract,
  submitForm,
  submitView,
  viewSubmission,
} from "../../support/coordinator-payloads.js";
import { buttonPayload } from "../../support/progress-fixtures.js";
import { blocksText, buttonsOf, COORDINATOR, startTestApp, type TestApp, warmUp } from "../../support/test-app.js";

const MEMBER = "U0RENMEMB1";
const OWNER = "U0RENOWNR1";
let t: TestApp;
let oldId = "";
let candidates: { value: string; text: { text: string } }[] = [];
let milestoneId = "";
let requestId = "";
const CHANNEL = "C0CHAMBERY";

beforeAll(async () => {
  t = await startTestApp();
  await warmUp(t);
  oldId = await defaultContractWithMember(t, MEMBER);
  await t.db.prisma.commitment.update({
    where: { contractId_ref: { contractId: oldId, ref: "ETAT-02" } },
    data: { status: "DONE", progress: 100 },
  });
  await t.db.prisma.commitment.update({
    where: { contractId_ref: { contractId: oldId, ref: "ETAT-08" } },
    data: { status: "ON_TRACK", progress: 40, owners: { create: [{ userId: OWNER }] } },
  });
  await t.db.prisma.contract.update({ where: { id: oldId }, data: { channelId: CHANNEL } });
  const etat08 = await t.db.prisma.commitment.findUniqueOrThrow({
    where: { contractId_ref: { contractId: oldId, ref: "ETAT-08" } },
  });
  milestoneId = (await t.db.prisma.milestone.create({ data: { commitmentId: etat08.id, title: "Bilan d'étape" } })).id;
  requestId = (
    await t.db.prisma.commitmentRequest.create({
      data: {
        commitmentId: etat08.id,
        kind: "DONE",
        requestedBy: OWNER,
        requestedAt: new Date("2026-11-20T10:00:00Z"),
        statusBefore: "ON_TRACK",
        progressBefore: 40,
      },
    })
  ).id;
});
afterAll(() => t.stop());

const say = async (text: string, userId = COORDINATOR) => blocksText((await t.commandReply(text, { userId })).params);
const form = (carried: string[], over: Record<string, unknown> = {}) => ({
  [BLOCKS.title]: { text: "Contrat de Sécurité Intégrée de Chambéry 2027-2032" },
  [BLOCKS.contractRef]: { text: "CSI-CHAMBERY-2027" },
  [BLOCKS.signedOn]: { date: "2027-01-01" },
  [BLOCKS.endsOn]: { date: "2032-04-10" },
  [`${BLOCKS.carry}0`]: { checked: carried.slice(0, 10) },
  [`${BLOCKS.carry}1`]: { checked: carried.slice(10) },
  ...over,
});
const submit = (userId: string, fields: Record<string, unknown>, viewId?: string) =>
  submitForm(t, { callbackId: CALLBACKS.renewContract, about: { contract: oldId }, userId, fields, viewId });

describe("/csi contrat renouveler", () => {
  it("is refused to someone who does not coordinate the contract", async () => {
    expect(await say("contrat renouveler", MEMBER)).toContain("Seul un coordonnateur de ce contrat peut le renouveler");
  });

  it("opens the form prefilled: the day after the end, the same length, every unfinished commitment ticked", async () => {
    const view = (await commandForm(t, "contrat renouveler", COORDINATOR, CALLBACKS.renewContract)) as {
      blocks: Record<string, unknown>[];
    };
    const byId = (id: string) => view.blocks.find((b) => b.block_id === id) as { element: Record<string, unknown> };
    expect(byId(BLOCKS.contractRef).element.initial_value).toBe("CSI-CHAMBERY-2027");
    expect(byId(BLOCKS.signedOn).element.initial_date).toBe("2027-01-01");
    // 22 September 2021 → 31 December 2026 is 5 years, 3 months and 10 days: the same from 1 January 2027.
    expect(byId(BLOCKS.endsOn).element.initial_date).toBe("2032-04-10");
    const groups = view.blocks.filter((b) => String(b.block_id).startsWith(BLOCKS.carry)) as {
      element: { options: typeof candidates; initial_options: typeof candidates };
    }[];
    expect(groups).toHaveLength(2);
    candidates = groups.flatMap((g) => g.element.options);
    for (const g of groups) expect(g.element.initial_options).toEqual(g.element.options);
    // 16 commitments, ETAT-02 is done: 15 may carry over.
    expect(candidates.map((o) => o.text.text.split(" — ")[0])).toEqual([
      "ETAT-01",
      "ETAT-03",
      "ETAT-04",
      "ETAT-05",
      "ETAT-06",
      "ETAT-07",
      "ETAT-08",
      "PARQUET-01",
      "PARQUET-02",
      "VILLE-01",
      "VILLE-02",
      "VILLE-03",
      "VILLE-04",
      "VILLE-05",
      "VILLE-06",
    ]);
  });

  it("says on the form what is wrong, and refuses a non-coordinator's submission", async () => {
    const all = candidates.map((o) => o.value);
    const wrong = await submit(COORDINATOR, form(all, { [BLOCKS.endsOn]: { date: "2026-06-01" } }));
    expect(wrong?.errors[BLOCKS.endsOn]).toBe("La fin vient après la signature.");
    const taken = await submit(COORDINATOR, form(all, { [BLOCKS.contractRef]: { text: "csi chambery" } }));
    expect(taken?.errors[BLOCKS.contractRef]).toBe("CSI-CHAMBERY existe déjà.");
    const refused = await submit(MEMBER, form(all));
    expect(refused?.errors[BLOCKS.title]).toContain("Seul un coordonnateur de ce contrat");
    expect(await t.db.prisma.contract.count()).toBe(1);
  });

  it("makes the next contract with the commitments ticked, closes the old one, sends its final report; twice submitted, once made", async () => {
    const carried = candidates.filter((o) => !o.text.text.startsWith("ETAT-01 ")).map((o) => o.value);
    const from = t.slack.calls.length;
    const viewId = "VRENEW0001";
    expect(await submit(COORDINATOR, form(carried), viewId)).toBeNull();
    // The same form again (a double click, Slack's retry): the modal closes, nothing more is made or sent.
    expect(await submit(COORDINATOR, form(carried), viewId)).toBeNull();
    await t.settled();
    expect(await t.db.prisma.contract.count()).toBe(2);

    const next = await storedContract(t, "CSI-CHAMBERY-2027");
    expect(next).toMatchObject({
      title: "Contrat de Sécurité Intégrée de Chambéry 2027-2032",
      timezone: "Europe/Paris",
      parties: [{ code: "ETAT" }, { code: "VILLE" }, { code: "PARQUET" }],
    });
    expect(next.signedOn.toISOString().slice(0, 10)).toBe("2027-01-01");
    expect(next.roles.map((r) => [r.userId, r.role]).sort()).toEqual(
      [
        [COORDINATOR, "COORDINATOR"],
        [MEMBER, "MEMBER"],
      ].sort(),
    );
    const old = await t.db.prisma.contract.findUniqueOrThrow({ where: { id: oldId } });
    expect(old.successorId).toBe(next.id);
    // The workspace's default contract is now the open one.
    expect((await t.vigie.deps.store.contracts.findDefault())?.ref).toBe("CSI-CHAMBERY-2027");
    expect(old.closedAt).not.toBeNull();
    expect(old.closedBy).toBe(COORDINATOR);

    const made = await t.db.prisma.commitment.findMany({
      where: { contractId: next.id },
      include: { owners: true, indicators: true },
      orderBy: { ref: "asc" },
    });
    expect(made).toHaveLength(14);
    // New refs: each party numbered from 01 in the old refs' order (ETAT-03 → ETAT-01 … ETAT-08 → ETAT-06).
    const etat08 = await t.db.prisma.commitment.findUniqueOrThrow({
      where: { contractId_ref: { contractId: oldId, ref: "ETAT-08" } },
      include: { indicators: true },
    });
    const carried08 = made.find((c) => c.carriedFromId === etat08.id);
    expect(carried08).toMatchObject({ ref: "ETAT-06", status: "ON_TRACK", progress: 40, title: etat08.title });
    expect(carried08?.owners.map((o) => o.userId)).toEqual([OWNER]);
    expect(carried08?.indicators.map((i) => i.label).sort()).toEqual(etat08.indicators.map((i) => i.label).sort());
    expect(made.map((c) => c.ref).filter((r) => r.startsWith("ETAT"))).toEqual([
      "ETAT-01",
      "ETAT-02",
      "ETAT-03",
      "ETAT-04",
      "ETAT-05",
      "ETAT-06",
    ]);

    // Audited: the renewal on the old contract, the new contract, each carried commitment.
    const renew = await auditEntries(t, "contract.renew");
    expect(renew).toHaveLength(1);
    expect(renew[0]).toMatchObject({ actorId: COORDINATOR, entityId: oldId });
    expect(renew[0]?.details).toMatchObject({ successor: "CSI-CHAMBERY-2027" });
    expect(
      (await auditEntries(t, "commitment.create")).filter((e) => (e.details as { carriedFrom?: unknown }).carriedFrom),
    ).toHaveLength(14);

    // Told once, with the final report of the closed contract (a PDF), once.
    const sent = t.slack.calls.slice(from);
    const told = sent.filter(
      (c) => c.method === "chat.postMessage" && blocksText(c.params).includes("est désormais clos (lecture seule)"),
    );
    expect(told).toHaveLength(1);
    expect(blocksText(told[0]?.params ?? {})).toContain("ETAT-08 → ETAT-06");
    const uploads = sent.filter((c) => c.method === "file_upload");
    expect(uploads).toHaveLength(1);
    expect(String(uploads[0]?.params.content).slice(0, 5)).toBe("%PDF-");
    const completed = sent.find((c) => c.method === "files.completeUploadExternal");
    expect(JSON.stringify(completed?.params)).toContain("Rapport final");
  });

  it("refuses a second renewal with a clear message naming the contract that follows", async () => {
    const again = await submit(COORDINATOR, form([], { [BLOCKS.contractRef]: { text: "CSI-CHAMBERY-2028" } }));
    expect(again?.errors[BLOCKS.title]).toContain("a déjà été renouvelé");
    expect(again?.errors[BLOCKS.title]).toContain("CSI-CHAMBERY-2027");
    await say("contrat csi-chambery");
    expect(await say("contrat renouveler")).toContain("a déjà été renouvelé ; il est suivi par");
    expect(await t.db.prisma.contract.count()).toBe(2);
  });

  it("the closed contract refuses every change, naming the new one", async () => {
    await say("contrat csi-chambery");
    for (const cmd of [
      "maj ETAT-08",
      "nouveau",
      "reunion",
      "import",
      "role <@U0NEWROLE> membre",
      "destinataires ajouter Marie Durand marie.durand@savoie.gouv.fr, Préfecture de la Savoie",
    ]) {
      const reply = await say(cmd);
      expect(reply, cmd).toContain("est clos depuis son renouvellement");
      expect(reply, cmd).toContain("CSI-CHAMBERY-2027");
    }
    expect(await t.db.prisma.roleAssignment.count({ where: { userId: "U0NEWROLE" } })).toBe(0);
    expect(await t.db.prisma.mailRecipient.count()).toBe(0);
    // Reading stays open: the list of recipients is shown.
    expect(await say("destinataires")).not.toContain("est clos");
    // « Mettre à jour » on an old reminder, and a progress form left open before the renewal.
    const etat08 = await t.db.prisma.commitment.findUniqueOrThrow({
      where: { contractId_ref: { contractId: oldId, ref: "ETAT-08" } },
    });
    const updatesBefore = await t.db.prisma.progressUpdate.count({ where: { commitmentId: etat08.id } });
    const from = t.slack.calls.length;
    await t.interact(buttonPayload({ actionId: ACTIONS.openUpdate, value: etat08.id, userId: OWNER }));
    await t.settled();
    const answered = t.slack.calls.slice(from).map((c) => blocksText(c.params));
    expect(answered.join("\n")).toContain("est clos depuis son renouvellement");
    expect(t.slack.calls.slice(from).some((c) => c.method === "views.open")).toBe(false);
    const progress = await submitView(
      t,
      viewSubmission({
        userId: OWNER,
        callbackId: CALLBACKS.progressUpdate,
        privateMetadata: JSON.stringify({ c: etat08.id, l: "fr" }),
        fields: {
          [BLOCKS.status]: { option: "ON_TRACK" },
          [BLOCKS.progress]: { text: "60" },
          [BLOCKS.comment]: { text: "Point d'étape" },
        },
      }),
    );
    expect(JSON.stringify(progress)).toContain("est clos depuis son renouvellement");
    expect(await t.db.prisma.progressUpdate.count({ where: { commitmentId: etat08.id } })).toBe(updatesBefore);
    // A commitment edit form left open: refused too.
    const edit = await submitForm(t, {
      callbackId: CALLBACKS.editCommitment,
      about: { id: etat08.id },
      userId: COORDINATOR,
      fields: {
        [BLOCKS.party]: { option: "ETAT" },
        [BLOCKS.ref]: { text: "ETAT-08" },
        [BLOCKS.title]: { text: "Titre changé après la clôture" },
        [BLOCKS.owners]: { users: [OWNER] },
      },
    });
    expect(JSON.stringify(edit)).toContain("est clos depuis son renouvellement");
    expect((await t.db.prisma.commitment.findUniqueOrThrow({ where: { id: etat08.id } })).title).toBe(etat08.title);
    // Ticking a milestone, proposing a new due date, deciding a pending « Réalisé »: refused, nothing written.
    const clicks = t.slack.calls.length;
    await t.interact(buttonPayload({ actionId: ACTIONS.tickMilestone, value: milestoneId, userId: OWNER }));
    await t.interact(buttonPayload({ actionId: ACTIONS.proposeDueDate, value: etat08.id, userId: OWNER }));
    await t.interact(buttonPayload({ actionId: ACTIONS.confirmDone, value: requestId, userId: COORDINATOR }));
    await t.settled();
    const refusals = t.slack.calls
      .slice(clicks)
      .map((c) => blocksText(c.params))
      .filter((x) => x.includes("est clos depuis son renouvellement"));
    expect(refusals).toHaveLength(3);
    expect(t.slack.calls.slice(clicks).some((c) => c.method === "views.open")).toBe(false);
    expect((await t.db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).doneOn).toBeNull();
    expect((await t.db.prisma.commitmentRequest.findUniqueOrThrow({ where: { id: requestId } })).decision).toBeNull();
  });

  it("outside /csi contrat REF, the open contract answers: in the shared channel and for people with a role in both", async () => {
    const inChannel = (await t.commandReply("voir ETAT-06", { userId: MEMBER, channelId: CHANNEL })).params;
    expect(blocksText(inChannel)).toContain("Reprend l'engagement ETAT-08");
    expect(await say("etat", MEMBER)).toContain("Chambéry 2027-2032");
    const list = await say("contrat", MEMBER);
    expect(list).toContain("`CSI-CHAMBERY` Contrat de Sécurité Intégrée de Chambéry — membre du comité — :lock: clos");
    expect(list).toContain("`CSI-CHAMBERY-2027`");
  });

  it("the App Home shows the open contract; the closed one, chosen, is read-only with no write button", async () => {
    const home = async () => {
      const earlier = new Set(t.slack.calls);
      expect((await sendEvent(t, appHomeOpened(COORDINATOR))).status).toBe(200);
      const published = await t.slack.waitFor((c) => c.method === "views.publish" && !earlier.has(c));
      return published.params.view as { blocks: unknown[] };
    };
    // Without a choice of their own (earlier tests may have made one).
    await t.db.prisma.contractChoice.deleteMany({ where: { userId: COORDINATOR } });
    const open = await home();
    expect(blocksText(open)).toContain("Chambéry 2027-2032");
    expect(blocksText(open)).not.toContain("est clos");
    expect(JSON.stringify(open.blocks)).toContain(ACTIONS.openCreateCommitment);
    await t.vigie.deps.store.contracts.choose(COORDINATOR, oldId);
    try {
      const closed = await home();
      expect(blocksText(closed)).toContain("Ce contrat est clos (lecture seule)");
      const json = JSON.stringify(closed.blocks);
      for (const write of [ACTIONS.openUpdate, ACTIONS.openCreateCommitment, ACTIONS.openEditCommitment])
        expect(json).not.toContain(`"action_id":"${write}"`);
    } finally {
      await t.db.prisma.contractChoice.deleteMany({ where: { userId: COORDINATOR } });
    }
  });

  it("the sheets link both ways: « Reprend l'engagement … » and « Reconduit dans … »", async () => {
    await say("contrat csi-chambery-2027");
    const fresh = (await t.commandReply("voir ETAT-06", { userId: COORDINATOR })).params;
    expect(blocksText(fresh)).toContain("Reprend l'engagement ETAT-08 du contrat précédent (`CSI-CHAMBERY`)");
    const see = buttonsOf(fresh).find((b) => b.action_id === ACTIONS.showCommitment);
    expect(JSON.parse(see?.value ?? "{}").t).toBe("voir CSI-CHAMBERY ETAT-08");
    const oldSheet = (await t.commandReply("voir CSI-CHAMBERY ETAT-08", { userId: COORDINATOR })).params;
    expect(blocksText(oldSheet)).toContain("Reconduit dans le contrat `CSI-CHAMBERY-2027` sous la référence ETAT-06");
    // Read-only: no button that would change it; its history is the old commitment's.
    const actions = buttonsOf(oldSheet).map((b) => b.action_id);
    expect(actions).not.toContain(ACTIONS.openUpdate);
    expect(actions).not.toContain(ACTIONS.openEditCommitment);
    const history = buttonsOf(oldSheet).find((b) => b.action_id === ACTIONS.showHistory);
    expect(JSON.parse(history?.value ?? "{}").t).toBe("historique CSI-CHAMBERY ETAT-08");
    // A commitment not carried over has no link.
    expect(
      blocksText((await t.commandReply("voir CSI-CHAMBERY ETAT-01", { userId: COORDINATOR })).params),
    ).not.toContain("Reconduit");
  });

  it("the closed contract's digest and reminders stop; the new one's go on", async () => {
    const planned = await planDeliveries(t.vigie.deps, new Date("2027-01-04T08:30:00Z"));
    const next = await t.db.prisma.contract.findFirstOrThrow({ where: { ref: "CSI-CHAMBERY-2027" } });
    expect(planned.filter((d) => d.contractId === oldId)).toEqual([]);
    expect(planned.some((d) => d.contractId === next.id && d.key.includes("digest"))).toBe(true);
  });
});

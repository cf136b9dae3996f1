import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import {
  auditEntries,
  commitmentFields,
  directMessageTo,
  type FieldValue,
  formMetadata,
  homeAction,
  meetingFields,
  storedCommitment,
  submitView,
  viewSubmission,
} from "../../support/coordinator-payloads.js";
import { insertMeeting } from "../../support/fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp, warmUp } from "../../support/test-app.js";

const MEMBER = "U0MEMBER1";
const OWNER = "U0OWNER01";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await warmUp(t);
});
afterAll(() => t.stop());

type Json = Record<string, unknown>;
const createCommitment = (userId: string, fields: Record<string, FieldValue>, viewId?: string) =>
  submitView(
    t,
    viewSubmission({
      userId,
      callbackId: CALLBACKS.createCommitment,
      privateMetadata: formMetadata({ contract: "CSI-CHAMBERY" }),
      fields,
      ...(viewId ? { viewId } : {}),
    }),
  );

describe("opening the coordinators' modals", () => {
  it("Nouvel engagement opens the create modal for a coordinator", async () => {
    const click = homeAction(COORDINATOR, { actionId: ACTIONS.openCreateCommitment, value: "new" });
    expect((await t.interact(click)).status).toBe(200);
    const opened = await t.slack.waitFor((c) => c.method === "views.open" && c.params.trigger_id === click.trigger_id);
    const view = opened.params.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(CALLBACKS.createCommitment);
    expect(JSON.parse(view.private_metadata)).toEqual({ locale: "fr", contract: "CSI-CHAMBERY" });
    expect(blocksText(opened.params.view as Json)).toContain("(ETAT-09, VILLE-07, PARQUET-03)");
  });

  it("refuses a member who forges the click, naming the coordinators, and opens nothing", async () => {
    const click = homeAction(MEMBER, { actionId: ACTIONS.openScheduleMeeting, value: "meeting" });
    await t.interact(click);
    const dm = await directMessageTo(t, MEMBER, "réservée aux coordonnateurs");
    expect(blocksText(dm.params)).toContain(`<@${COORDINATOR}>`);
    expect(t.slack.calls.some((c) => c.method === "views.open" && c.params.trigger_id === click.trigger_id)).toBe(
      false,
    );
  });

  it("the edit menu opens the edit modal prefilled, with a fingerprint of what it shows", async () => {
    const etat01 = (await storedCommitment(t, "ETAT-01"))!;
    const click = homeAction(COORDINATOR, { actionId: ACTIONS.openEditCommitment, value: etat01.id, select: true });
    await t.interact(click);
    const opened = await t.slack.waitFor((c) => c.method === "views.open" && c.params.trigger_id === click.trigger_id);
    const view = opened.params.view as { callback_id: string; private_metadata: string; blocks: Json[] };
    expect(view.callback_id).toBe(CALLBACKS.editCommitment);
    expect(JSON.parse(view.private_metadata)).toMatchObject({
      id: etat01.id,
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(JSON.stringify(view.blocks)).toContain(
      '"initial_value":"Postes de police nationale créés ; postes ; 0 ; 10"',
    );
  });

  it("/csi nouveau VILLE opens the modal with the party and its next ref; /csi reunion opens the meeting modal", async () => {
    const { status } = await t.command("nouveau VILLE", { userId: COORDINATOR });
    expect(status).toBe(200);
    const opened = await t.slack.waitFor(
      (c) => c.method === "views.open" && JSON.stringify(c.params.view).includes('"initial_value":"VILLE-07"'),
    );
    expect(JSON.stringify(opened.params.view)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Ville de Chambéry (VILLE)","emoji":true},"value":"VILLE"}',
    );
    await t.command("reunion", { userId: COORDINATOR });
    const meeting = await t.slack.waitFor(
      (c) => c.method === "views.open" && (c.params.view as Json).callback_id === CALLBACKS.scheduleMeeting,
    );
    expect(JSON.stringify(meeting.params.view)).toContain('"initial_date":"2026-11-24"');
  });

  it("/csi nouveau from a member is refused politely", async () => {
    const reply = await t.commandReply("nouveau", { userId: MEMBER });
    const text = blocksText(reply.params);
    expect(text).toContain("réservée aux coordonnateurs");
    expect(text).toContain(`<@${COORDINATOR}>`);
    expect(t.slack.callsTo("views.open").some((c) => JSON.stringify(c.params).includes(MEMBER))).toBe(false);
  });
});

describe("creating a commitment", () => {
  it("stores it with owners and indicators, audits it, confirms and tells the owner", async () => {
    expect(await createCommitment(COORDINATOR, commitmentFields(), "VCREATE1")).toBeNull();
    const c = (await storedCommitment(t, "VILLE-07"))!;
    expect(c).toMatchObject({
      party: "VILLE",
      owners: [OWNER],
      dueOn: "2027-06-30",
      leadService: "Police municipale",
      description: "Dix caméras supplémentaires",
    });
    expect(c.indicators.map((i) => [i.label, i.unit, i.baseline, i.target])).toEqual([
      ["Caméras installées", "caméras", 0, 10],
      ["Taux de disponibilité", "%", null, 95],
    ]);
    const [entry] = await t.vigie.deps.store.audit.listFor("commitment", c.id);
    expect(entry).toMatchObject({
      actorId: COORDINATOR,
      action: "commitment.create",
      details: { submissionKey: "VCREATE1", after: { ref: "VILLE-07", owners: [OWNER] } },
    });
    await directMessageTo(t, COORDINATOR, "Engagement *VILLE-07* créé");
    await directMessageTo(t, OWNER, "Vous êtes désormais pilote de l'engagement *VILLE-07*");
    await t.slack.waitFor((c2) => c2.method === "views.publish" && c2.params.user_id === COORDINATOR);
  });

  it("a second submission of the same view stores nothing more", async () => {
    expect(await createCommitment(COORDINATOR, commitmentFields(), "VCREATE1")).toBeNull();
    expect(await storedCommitment(t, "VILLE-08")).toBeNull();
    expect(await auditEntries(t, "commitment.create")).toHaveLength(1);
  });

  it("answers every validation error inline, next to its field, and stores nothing", async () => {
    const before = await t.db.prisma.commitment.count();
    const answer = await createCommitment(
      COORDINATOR,
      commitmentFields({
        [BLOCKS.party]: { option: null },
        [BLOCKS.title]: { text: "ab" },
        [BLOCKS.description]: { text: "Reçu le mineur né le 03/04/2010" },
        [BLOCKS.leadService]: { text: "x".repeat(201) },
        [BLOCKS.dueOn]: { date: "2027-02-30" },
        [BLOCKS.indicators]: { text: "Caméras ; u ; dix\n;" },
      }),
    );
    expect(answer?.response_action).toBe("errors");
    expect(answer?.errors).toEqual({
      [BLOCKS.party]: "Choisissez la partie signataire.",
      [BLOCKS.title]: "Le titre est obligatoire (3 caractères au moins).",
      [BLOCKS.description]: expect.stringContaining("GLTD"),
      [BLOCKS.leadService]: "200 caractères au plus.",
      [BLOCKS.dueOn]: "Date invalide.",
      [BLOCKS.indicators]: expect.stringMatching(
        /^ligne 1 : la valeur de départ « dix » n'est pas un nombre ; ligne 2 : le libellé est vide$/,
      ),
    });
    const refErrors = await createCommitment(COORDINATOR, commitmentFields({ [BLOCKS.ref]: { text: "ETAT-30" } }));
    expect(refErrors?.errors).toEqual({
      [BLOCKS.ref]: "La référence d'un engagement VILLE commence par VILLE- ; prochain numéro libre : VILLE-08.",
    });
    const taken = await createCommitment(COORDINATOR, commitmentFields({ [BLOCKS.ref]: { text: "ville-7" } }));
    expect(taken?.errors).toEqual({ [BLOCKS.ref]: "VILLE-07 existe déjà. Prochain numéro libre : VILLE-08." });
    expect(await t.db.prisma.commitment.count()).toBe(before);
  });

  it("refuses a member on submit too, on the form (nothing typed is lost)", async () => {
    const answer = await createCommitment(MEMBER, commitmentFields());
    expect(answer?.response_action).toBe("errors");
    expect(answer?.errors[BLOCKS.party]).toContain(
      `Cette action est réservée aux coordonnateurs du contrat. Vous pouvez vous adresser à @${COORDINATOR}.`,
    );
    expect(await storedCommitment(t, "VILLE-08")).toBeNull();
  });
});

describe("editing a commitment", () => {
  it("keeps an indicator that has values, renames by position, records before/after, tells new owners", async () => {
    const c = (await storedCommitment(t, "VILLE-07"))!;
    const [cameras] = c.indicators;
    await t.db.prisma.indicator.update({
      where: { id: cameras!.id },
      data: { current: 4, measuredOn: new Date("2026-11-20T00:00:00Z") },
    });
    const fingerprint = await (async () => {
      const click = homeAction(COORDINATOR, { actionId: ACTIONS.openEditCommitment, value: c.id });
      await t.interact(click);
      const opened = await t.slack.waitFor(
        (x) => x.method === "views.open" && x.params.trigger_id === click.trigger_id,
      );
      return (
        JSON.parse((opened.params.view as { private_metadata: string }).private_metadata) as { fingerprint: string }
      ).fingerprint;
    })();
    const answer = await submitView(
      t,
      viewSubmission({
        userId: COORDINATOR,
        callbackId: CALLBACKS.editCommitment,
        privateMetadata: formMetadata({ id: c.id, fingerprint }),
        fields: commitmentFields({
          [BLOCKS.ref]: { text: "VILLE-07" },
          [BLOCKS.title]: { text: "Vidéoprotection des Hauts-de-Chambéry" },
          [BLOCKS.owners]: { users: [OWNER, MEMBER] },
          [BLOCKS.indicators]: { text: "Disponibilité des caméras ; % ; ; 98" },
        }),
      }),
    );
    expect(answer).toBeNull();
    const after = (await storedCommitment(t, "VILLE-07"))!;
    expect(after.title).toBe("Vidéoprotection des Hauts-de-Chambéry");
    expect(after.owners).toEqual([MEMBER, OWNER].sort());
    // Line 1 was « Caméras installées » (measured): the single typed line matches it by position and renames it, keeping its id and value.
    expect(after.indicators).toHaveLength(1);
    expect(after.indicators[0]).toMatchObject({
      id: cameras!.id,
      label: "Disponibilité des caméras",
      current: 4,
      target: 98,
    });
    const entries = await t.vigie.deps.store.audit.listFor("commitment", c.id);
    expect(entries.at(-1)).toMatchObject({
      action: "commitment.edit",
      details: {
        before: {
          title: "Étendre la vidéoprotection au quartier des Hauts-de-Chambéry",
          indicators: [{ label: "Caméras installées" }, { label: "Taux de disponibilité" }],
        },
        after: { title: "Vidéoprotection des Hauts-de-Chambéry", owners: [MEMBER, OWNER].sort() },
      },
    });
    await directMessageTo(t, MEMBER, "Vous êtes désormais pilote de l'engagement *VILLE-07*");

    // Removing the measured indicator's line keeps it, and the coordinator is told.
    const again = await submitView(
      t,
      viewSubmission({
        userId: COORDINATOR,
        callbackId: CALLBACKS.editCommitment,
        privateMetadata: formMetadata({ id: c.id }),
        fields: commitmentFields({
          [BLOCKS.ref]: { text: "VILLE-07" },
          [BLOCKS.owners]: { users: [OWNER] },
          [BLOCKS.indicators]: { text: "" },
        }),
      }),
    );
    expect(again).toBeNull();
    expect((await storedCommitment(t, "VILLE-07"))!.indicators.map((i) => i.id)).toEqual([cameras!.id]);
    await directMessageTo(t, COORDINATOR, "Conservé car déjà mesuré : « Disponibilité des caméras »");
  });

  it("refuses an edit based on an outdated form, and a forged or unknown commitment", async () => {
    const c = (await storedCommitment(t, "VILLE-07"))!;
    const stale = await submitView(
      t,
      viewSubmission({
        userId: COORDINATOR,
        callbackId: CALLBACKS.editCommitment,
        privateMetadata: formMetadata({ id: c.id, fingerprint: "0000000000000000" }),
        fields: commitmentFields({ [BLOCKS.ref]: { text: "VILLE-07" } }),
      }),
    );
    expect(stale?.errors[BLOCKS.title]).toContain("modifié par quelqu'un d'autre");
    const unknown = await submitView(
      t,
      viewSubmission({
        userId: COORDINATOR,
        callbackId: CALLBACKS.editCommitment,
        privateMetadata: formMetadata({ id: "not-a-uuid" }),
        fields: commitmentFields(),
      }),
    );
    expect(unknown?.errors[BLOCKS.title]).toBe("Cet engagement n'existe plus.");
    const member = await submitView(
      t,
      viewSubmission({
        userId: MEMBER,
        callbackId: CALLBACKS.editCommitment,
        privateMetadata: formMetadata({ id: c.id }),
        fields: commitmentFields({ [BLOCKS.title]: { text: "Piraté" } }),
      }),
    );
    expect(member?.response_action).toBe("errors");
    expect((await storedCommitment(t, "VILLE-07"))!.title).toBe(
      "Étendre la vidéoprotection au quartier des Hauts-de-Chambéry",
    );
  });

  it("/csi historique shows the sheet's creation and each edit, field by field, newest first", async () => {
    const reply = await t.commandReply("historique VILLE-07", { userId: MEMBER });
    const text = blocksText(reply.params);
    expect(text).toContain("0 mise à jour, 3 modifications de la fiche");
    expect(text).toContain(`:new: Fiche créée par <@${COORDINATOR}>`);
    expect(text).toContain(
      "• Intitulé : « Étendre la vidéoprotection au quartier des Hauts-de-Chambéry » → « Vidéoprotection des Hauts-de-Chambéry »",
    );
    expect(text).toContain(`• Pilotes : <@${OWNER}> → <@${MEMBER}>, <@${OWNER}>`);
    expect(text).toContain("• Indicateurs conservés car déjà mesurés : « Disponibilité des caméras »");
    // Newest first: the second edit (indicator kept), the first, then the creation.
    const order = ["Indicateurs conservés", `• Pilotes : <@${OWNER}> → <@${MEMBER}>`, ":new: Fiche créée"].map((s) =>
      text.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(blocksText((await t.commandReply("history VILLE-07", { userId: MEMBER })).params)).toContain(
      `edited the sheet:`,
    );
  });
});

const schedule = (userId: string, fields: Record<string, FieldValue>, viewId?: string) =>
  submitView(
    t,
    viewSubmission({
      userId,
      callbackId: CALLBACKS.scheduleMeeting,
      privateMetadata: formMetadata({ contract: "CSI-CHAMBERY" }),
      fields,
      ...(viewId ? { viewId } : {}),
    }),
  );

describe("scheduling a meeting", () => {
  it("stores the Paris time as UTC with attendees, audits, confirms; a double submission stores once", async () => {
    expect(await schedule(COORDINATOR, meetingFields(), "VMEET1")).toBeNull();
    expect(await schedule(COORDINATOR, meetingFields(), "VMEET1")).toBeNull();
    const rows = await t.db.prisma.meeting.findMany({
      where: { title: "COPIL de fin d'année" },
      include: { attendees: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.startsAt.toISOString()).toBe("2026-12-07T13:30:00.000Z");
    expect(rows[0]!.attendees.map((a) => a.userId).sort()).toEqual([MEMBER, OWNER].sort());
    expect(await auditEntries(t, "meeting.create")).toHaveLength(1);
    await directMessageTo(t, COORDINATOR, "mardi 7 décembre 2026 à 14 h 30".replace("mardi", "lundi"));
  });

  it.each([
    [{ [BLOCKS.meetingDate]: { date: "2026-11-20" } }, BLOCKS.meetingDate, "Cette date est passée"],
    [
      { [BLOCKS.meetingDate]: { date: "2027-03-28" }, [BLOCKS.meetingTime]: { time: "02:30" } },
      BLOCKS.meetingTime,
      "Cette heure n'existe pas le 28/03/2027",
    ],
    [{ [BLOCKS.meetingKind]: { option: null } }, BLOCKS.meetingKind, "Choisissez le type de réunion."],
    [{ [BLOCKS.meetingTime]: { time: null } }, BLOCKS.meetingTime, "Choisissez l'heure."],
    [{ [BLOCKS.agenda]: { text: "Cas de la victime, tél. 06 12 34 56 78" } }, BLOCKS.agenda, "GLTD"],
  ] as const)("refuses %o inline", async (over, block, message) => {
    const before = await t.db.prisma.meeting.count();
    const answer = await schedule(COORDINATOR, meetingFields(over));
    expect(answer?.response_action).toBe("errors");
    expect(answer?.errors[block]).toContain(message);
    expect(await t.db.prisma.meeting.count()).toBe(before);
  });

  it("refuses a member", async () => {
    const answer = await schedule(MEMBER, meetingFields());
    expect(answer?.errors[BLOCKS.meetingKind]).toContain("réservée aux coordonnateurs");
  });
});

describe("recording a meeting's decisions", () => {
  let meetingId: string;
  beforeAll(async () => {
    meetingId = await insertMeeting(t.db.prisma, { kind: "GLTD", startsAt: new Date("2026-11-20T09:00:00Z") });
  });
  const decide = (userId: string, text: string, viewId?: string) =>
    submitView(
      t,
      viewSubmission({
        userId,
        callbackId: CALLBACKS.meetingDecisions,
        privateMetadata: formMetadata({ id: meetingId }),
        fields: { [BLOCKS.decisions]: { text } },
        ...(viewId ? { viewId } : {}),
      }),
    );

  it("opens from the Home button with the meeting named", async () => {
    const click = homeAction(COORDINATOR, { actionId: ACTIONS.openDecisions, value: meetingId });
    await t.interact(click);
    const opened = await t.slack.waitFor((c) => c.method === "views.open" && c.params.trigger_id === click.trigger_id);
    expect(blocksText(opened.params.view as Json)).toContain("vendredi 20 novembre 2026 à 10 h");
  });

  it("turns lines into notes, milestones and new commitments, each audited, once", async () => {
    const text =
      "Valider le bilan\nRenforcer les patrouilles → jalon ETAT-08 : patrouilles de soirée\n→ nouvel engagement PARQUET : stage de citoyenneté élargi";
    expect(await decide(COORDINATOR, text, "VDEC1")).toBeNull();
    expect(await decide(COORDINATOR, text, "VDEC1")).toBeNull();
    const decisions = await t.db.prisma.decision.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" } });
    expect(decisions.map((d) => d.outcome)).toEqual(["NOTE", "MILESTONE", "COMMITMENT"]);
    const etat08 = (await storedCommitment(t, "ETAT-08"))!;
    expect(etat08.milestones.map((m) => m.title)).toEqual(["patrouilles de soirée"]);
    const created = (await storedCommitment(t, "PARQUET-03"))!;
    expect(created.title).toBe("stage de citoyenneté élargi");
    expect(decisions[2]!.commitmentId).toBe(created.id);
    expect(await auditEntries(t, "meeting.decisions")).toHaveLength(1);
    expect((await auditEntries(t, "milestone.create")).map((a) => a.entityId)).toEqual([etat08.id]);
    await directMessageTo(t, COORDINATOR, "3 décisions enregistrées");
  });

  it("names the wrong lines inline and stores nothing; refuses a member", async () => {
    const answer = await decide(COORDINATOR, "Bien\n→ jalon ETAT-80 : x\nLe mineur sera suivi");
    expect(answer?.errors[BLOCKS.decisions]).toMatch(/^ligne 2 : l'engagement « ETAT-80 » n'existe pas.* ; ligne 3 : /);
    expect(await t.db.prisma.decision.count({ where: { meetingId } })).toBe(3);
    expect((await decide(MEMBER, "Bien"))?.errors[BLOCKS.decisions]).toContain("réservée aux coordonnateurs");
  });
});

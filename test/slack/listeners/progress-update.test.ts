import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import { type RecordedCall, slackError } from "../../support/fake-slack.js";
import {
  addFollower,
  buttonPayload,
  commitmentByRef,
  type ProgressFormInput,
  pendingRequestOf,
  progressMetadata,
  refusalPayload,
  submissionPayload,
  withOwners,
} from "../../support/progress-fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp, warmUp } from "../../support/test-app.js";

const OWNER = "U0OWNER01";
const OWNER2 = "U0OWNER02";
const STRANGER = "U0STRANGER";
const FOLLOWER = "U0FOLLOW1";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await warmUp(t); // the first submission loads every module: under load it can pass Slack's 3 s
});
afterAll(() => t.stop());

type Json = Record<string, unknown>;
const view = (call: RecordedCall) =>
  call.params.view as { blocks: Json[]; private_metadata?: string; callback_id?: string; title: { text: string } };
const blockIds = (v: { blocks: Json[] }) => v.blocks.map((b) => b.block_id).filter(Boolean);
const block = (v: { blocks: Json[] }, id: string) =>
  v.blocks.find((b) => b.block_id === id) as { element: Json; label: { text: string } } | undefined;

const countRows = (commitmentId: string) => t.db.prisma.progressUpdate.count({ where: { commitmentId } });
const submit = async (userId: string, metadata: string, form: ProgressFormInput, viewId?: string) => {
  const res = await t.interact(submissionPayload({ userId, privateMetadata: metadata, form, viewId }));
  expect(res.status).toBe(200);
  return res.body ? (JSON.parse(res.body) as { response_action: string; errors: Record<string, string> }) : null;
};
const dmTo = (userId: string, match: (text: string) => boolean = () => true) =>
  t.slack.waitFor((c) => c.method === "chat.postMessage" && c.params.channel === userId && match(blocksText(c.params)));

describe("opening the progress modal", () => {
  let etat08: Awaited<ReturnType<typeof withOwners>>;
  beforeAll(async () => {
    etat08 = await withOwners(t, "ETAT-08", OWNER);
    await t.db.prisma.indicator.update({ where: { id: etat08.indicators[0]!.id }, data: { current: 3.5 } });
    await t.db.prisma.indicator.update({
      where: { id: etat08.indicators[5]!.id },
      data: { current: null, measuredOn: null },
    });
  });

  it("an owner's Mettre à jour opens a loading view at once, then the form with every indicator prefilled", async () => {
    const click = buttonPayload({
      actionId: ACTIONS.openUpdate,
      value: etat08.id,
      userId: OWNER,
      responseUrl: t.slack.responseUrl("open-owner"),
    });
    const clickedAt = Date.now();
    const res = await t.interact(click);
    expect(res.status).toBe(200);
    const opened = await t.slack.waitFor((c) => c.method === "views.open" && c.params.trigger_id === click.trigger_id);
    // Slack's trigger_id expires 3 seconds after the click.
    expect(opened.at - clickedAt).toBeLessThan(3000);
    expect(blocksText(view(opened))).toContain("Chargement de *ETAT-08*");
    const updated = await t.slack.waitFor(
      (c) => c.method === "views.update" && blocksText(view(c)).includes("ETAT-08"),
    );
    expect(updated.params.view_id).toMatch(/^V/);
    expect(updated.at).toBeGreaterThanOrEqual(opened.at);
    const form = view(updated);
    expect(form.callback_id).toBe("csi_progress_update");
    expect(JSON.parse(form.private_metadata ?? "")).toEqual({ c: etat08.id, s: null, l: "fr" });
    expect(blockIds(form)).toEqual([
      "status",
      "progress",
      ...etat08.indicators.map((i) => `indicator_${i.id}`),
      "comment",
      "next_step",
      "next_step_on",
      "blockers",
      "evidence_url",
      "evidence",
      "proposed_due_on",
      "due_reason",
    ]);
    expect(etat08.indicators).toHaveLength(6);
    const status = block(form, "status")!.element as { options: Json[]; initial_option: { value: string } };
    expect(status.options).toHaveLength(7);
    expect(status.initial_option.value).toBe("DONE"); // where the sources say ETAT-08 stands (the seed)
    expect(block(form, `indicator_${etat08.indicators[0]!.id}`)!.element.initial_value).toBe("3.5");
    expect(block(form, `indicator_${etat08.indicators[1]!.id}`)!.element.initial_value).toBe("-20");
    expect(block(form, `indicator_${etat08.indicators[5]!.id}`)!.element.initial_value).toBeUndefined();
    expect(block(form, `indicator_${etat08.indicators[1]!.id}`)!.label.text).toBe(
      "Rapports d'incidents non résolus (% d'évolution par rapport à 2025)",
    );
    expect(t.slack.responsesTo("open-owner")).toHaveLength(0);
  });

  it("a coordinator may open any commitment", async () => {
    const click = buttonPayload({ actionId: ACTIONS.openUpdate, value: etat08.id, userId: COORDINATOR });
    await t.interact(click);
    await t.slack.waitFor((c) => c.method === "views.open" && c.params.trigger_id === click.trigger_id);
  });

  it("anyone else gets a polite ephemeral refusal naming the owners and coordinators, and no modal", async () => {
    const click = buttonPayload({
      actionId: ACTIONS.openUpdate,
      value: etat08.id,
      userId: STRANGER,
      responseUrl: t.slack.responseUrl("open-stranger"),
    });
    await t.interact(click);
    const reply = await t.slack.waitForResponse("open-stranger");
    expect(reply.params.response_type).toBe("ephemeral");
    expect(reply.params.replace_original).toBe(false);
    const text = blocksText(reply.params);
    expect(text).toContain("Seuls les pilotes de *ETAT-08* et la coordination");
    expect(text).toContain(`<@${OWNER}>`);
    expect(text).toContain(`<@${COORDINATOR}>`);
    await t.settled();
    expect(t.slack.callsTo("views.open").some((c) => c.params.trigger_id === click.trigger_id)).toBe(false);
  });

  it("from the App Home (no response_url) the refusal comes by DM", async () => {
    await t.interact(buttonPayload({ actionId: ACTIONS.openUpdate, value: etat08.id, userId: "U0HOMEVIS" }));
    const dm = await dmTo("U0HOMEVIS");
    expect(blocksText(dm.params)).toContain("Seuls les pilotes");
  });

  it("a forged or unknown commitment id is answered, not crashed on", async () => {
    await t.interact(
      buttonPayload({
        actionId: ACTIONS.openUpdate,
        value: "not-a-uuid",
        userId: OWNER,
        responseUrl: t.slack.responseUrl("open-bad"),
      }),
    );
    expect(blocksText((await t.slack.waitForResponse("open-bad")).params)).toContain("n'existe plus");
  });

  it("opens in the clicker's language: English for a Slack locale in English", async () => {
    const englishOwner = "U0OWNEREN";
    await withOwners(t, "ETAT-08", englishOwner);
    t.slack.on("users.info", (p) => ({
      body: { user: { id: p.user, locale: p.user === englishOwner ? "en-GB" : "fr-FR" } },
    }));
    const click = buttonPayload({ actionId: ACTIONS.openUpdate, value: etat08.id, userId: englishOwner });
    await t.interact(click);
    const opened = await t.slack.waitFor((c) => c.method === "views.open" && c.params.trigger_id === click.trigger_id);
    expect(blocksText(view(opened))).toContain("Loading *ETAT-08*");
    const updated = await t.slack.waitFor(
      (c) => c.method === "views.update" && c.at >= opened.at && view(c).title.text === "Progress update",
    );
    expect(JSON.parse(view(updated).private_metadata ?? "")).toEqual({ c: etat08.id, s: null, l: "en" });
    expect(block(view(updated), "comment")!.label.text).toBe("What was done");
  });

  it("/csi maj REF opens the modal with the command's trigger_id", async () => {
    const { status } = await t.command("maj etat-8", { userId: OWNER });
    expect(status).toBe(200);
    // t.command() sends trigger ids like « 1764…123.trigger ».
    const opened = await t.slack.waitFor(
      (c) => c.method === "views.open" && /^\d+\.trigger$/.test(String(c.params.trigger_id)),
    );
    expect(blocksText(view(opened))).toContain("ETAT-08");
    await t.slack.waitFor(
      (c) => c.method === "views.update" && c.at >= opened.at && blocksText(view(c)).includes("Ce qui a été fait"),
    );
  });

  it("/csi update REF opens it in English", async () => {
    await t.command("update ETAT-08", { userId: OWNER });
    const updated = await t.slack.waitFor(
      (c) => c.method === "views.update" && view(c).title.text === "Progress update",
    );
    expect(block(view(updated), "comment")!.label.text).toBe("What was done");
  });

  it("/csi maj with an unknown ref suggests close ones; a stranger is refused", async () => {
    expect(blocksText((await t.commandReply("maj ETAT-8O", { userId: OWNER })).params)).toContain("Je ne trouve pas");
    expect(blocksText((await t.commandReply("maj", { userId: OWNER })).params)).toContain("`ETAT-08`");
    const refused = await t.commandReply("maj ETAT-08", { userId: STRANGER });
    expect(refused.params.response_type).toBe("ephemeral");
    expect(blocksText(refused.params)).toContain(`<@${OWNER}>`);
  });
});

describe("submitting an update", () => {
  let c: Awaited<ReturnType<typeof withOwners>>;
  beforeAll(async () => {
    c = await withOwners(t, "ETAT-01", OWNER, OWNER2);
    await t.db.prisma.commitment.update({
      where: { id: c.id },
      data: { channelId: "C0ETAT01", threadTs: "1764000000.000500" },
    });
    await addFollower(t, c.id, FOLLOWER);
    await addFollower(t, c.id, OWNER);
  });

  it("stores one row, moves the commitment, audits, confirms, posts to the thread and tells followers", async () => {
    const ind = c.indicators[0]!;
    const answer = await submit(OWNER, progressMetadata(c.id), {
      status: "ON_TRACK",
      progress: "40",
      indicators: { [ind.id]: "4" },
      comment: "Quatre postes pourvus sur dix.",
      nextStep: "Affectation des agents",
      nextStepOn: "2027-01-15",
      evidenceUrl: "https://www.savoie.gouv.fr/recrutements",
    });
    expect(answer).toBeNull();

    const rows = await t.db.prisma.progressUpdate.findMany({ where: { commitmentId: c.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      authorId: OWNER,
      status: "ON_TRACK",
      progress: 40,
      version: 1,
      supersedesId: null,
      comment: "Quatre postes pourvus sur dix.",
    });
    expect(rows[0]!.indicatorValues).toEqual([{ indicatorId: ind.id, value: 4 }]);
    const after = await commitmentByRef(t, "ETAT-01");
    expect(after).toMatchObject({ status: "ON_TRACK", progress: 40 });
    expect(await pendingRequestOf(t, c.id)).toBeNull();
    expect(after.lastUpdateAt?.toISOString()).toBe("2026-11-23T09:00:00.000Z");
    expect(after.indicators[0]).toMatchObject({ current: 4 });
    expect(after.indicators[0]!.measuredOn?.toISOString().slice(0, 10)).toBe("2026-11-23");
    const audit = await t.vigie.deps.store.audit.listFor("commitment", c.id);
    expect(audit.at(-1)).toMatchObject({ actorId: OWNER, action: "progress.update" });
    expect(audit.at(-1)!.details).toMatchObject({
      updateId: rows[0]!.id,
      from: { status: "NOT_STARTED", progress: 0 },
      to: { status: "ON_TRACK", progress: 40 },
    });

    const confirmation = await dmTo(OWNER, (s) => s.includes("Votre mise à jour de *ETAT-01* est enregistrée"));
    const button = (confirmation.params.blocks as Json[])
      .flatMap((b) => (b.elements as Json[] | undefined) ?? [])
      .find((e) => e.action_id === ACTIONS.editLastUpdate);
    expect(button?.value).toBe(rows[0]!.id);
    const thread = await t.slack.waitFor((x) => x.method === "chat.postMessage" && x.params.channel === "C0ETAT01");
    expect(thread.params.thread_ts).toBe("1764000000.000500");
    expect(blocksText(thread.params)).toContain(`<@${OWNER}> a mis à jour *ETAT-01*`);
    expect(blocksText((await dmTo(FOLLOWER)).params)).toContain("Vous suivez ETAT-01");
    await t.settled();
    // The author follows too, but is not told twice.
    expect(
      t.slack
        .callsTo("chat.postMessage")
        .filter((x) => x.params.channel === OWNER && blocksText(x.params).includes("ETAT-01")),
    ).toHaveLength(1);
  });

  it("the same view submitted twice is stored once and confirmed once", async () => {
    const before = await countRows(c.id);
    const form = { status: "ON_TRACK", progress: "45" };
    await submit(OWNER2, progressMetadata(c.id), form, "VDOUBLE0001");
    await submit(OWNER2, progressMetadata(c.id), form, "VDOUBLE0001");
    const [a, b] = await Promise.all([
      submit(OWNER2, progressMetadata(c.id), form, "VDOUBLE0002"),
      submit(OWNER2, progressMetadata(c.id), form, "VDOUBLE0002"),
    ]);
    expect([a, b]).toEqual([null, null]);
    expect(await countRows(c.id)).toBe(before + 2);
    await t.settled();
    expect(t.slack.callsTo("chat.postMessage").filter((x) => x.params.channel === OWNER2)).toHaveLength(2);
  });

  it("Slack failing to deliver notifications loses nothing that was stored", async () => {
    t.slack.on("chat.postMessage", () => slackError("channel_not_found"));
    try {
      const before = await countRows(c.id);
      expect(await submit(OWNER, progressMetadata(c.id), { status: "ON_TRACK", progress: "50" })).toBeNull();
      expect(await countRows(c.id)).toBe(before + 1);
      expect((await commitmentByRef(t, "ETAT-01")).progress).toBe(50);
      await t.slack.waitFor(
        (x) => x.method === "chat.postMessage" && x.params.channel === FOLLOWER && blocksText(x.params).includes("50"),
      );
    } finally {
      t.slack.reset();
    }
  });
});

describe("inline validation errors: nothing is stored, Slack keeps what was typed", () => {
  let c: Awaited<ReturnType<typeof withOwners>>;
  beforeAll(async () => {
    c = await withOwners(t, "ETAT-02", OWNER);
  });
  const ind = () => c.indicators[0]!.id;

  it.each<[string, () => ProgressFormInput, string, string]>([
    ["no status", () => ({ progress: "10" }), "status", "Choisissez un statut"],
    ["progress above 100", () => ({ status: "ON_TRACK", progress: "150" }), "progress", "100"],
    ["progress not a number", () => ({ status: "ON_TRACK", progress: "beaucoup" }), "progress", "nombre entier"],
    [
      "indicator not a number",
      () => ({ status: "ON_TRACK", progress: "10", indicators: { [ind()]: "douze" } }),
      "indicator_",
      "Saisissez un nombre",
    ],
    [
      "at risk without what was done",
      () => ({ status: "AT_RISK", progress: "10" }),
      "comment",
      "décrivez ce qui a été fait",
    ],
    ["late without what was done", () => ({ status: "LATE", progress: "10" }), "comment", "décrivez ce qui a été fait"],
    [
      "next step in the past",
      () => ({ status: "ON_TRACK", progress: "10", nextStep: "Bilan", nextStepOn: "2026-11-01" }),
      "next_step_on",
      "passée",
    ],
    [
      "date without next step",
      () => ({ status: "ON_TRACK", progress: "10", nextStepOn: "2027-01-01" }),
      "next_step",
      "Décrivez l'étape",
    ],
    [
      "evidence that is not a link",
      () => ({ status: "ON_TRACK", progress: "10", evidenceUrl: "voir le classeur" }),
      "evidence_url",
      "https://",
    ],
    ["done without evidence", () => ({ status: "DONE", progress: "100" }), "evidence", "justificatif"],
    [
      "a phone number in what was done",
      () => ({ status: "ON_TRACK", progress: "10", comment: "Joindre le 06 12 34 56 78" }),
      "comment",
      "GLTD/CLSPD",
    ],
    [
      "a named minor in the next step",
      () => ({ status: "ON_TRACK", progress: "10", nextStep: "Recevoir le mineur et sa mère" }),
      "next_step",
      "GLTD/CLSPD",
    ],
    [
      "a case number in blockers",
      () => ({ status: "ON_TRACK", progress: "10", blockers: "Attente PV 2026/00123" }),
      "blockers",
      "n° de procédure",
    ],
    [
      "a private email in blockers",
      () => ({ status: "ON_TRACK", progress: "10", blockers: "Voir avec paul.martin@gmail.com" }),
      "blockers",
      "courriel",
    ],
    [
      "a first name with an age in what was done",
      () => ({ status: "ON_TRACK", progress: "10", comment: "Léo, 13 ans, reçu par l'éducatrice" }),
      "comment",
      "«\u00a0Léo, 13 ans\u00a0»",
    ],
    [
      "a phone number hidden by zero-width spaces in the next step",
      () => ({ status: "ON_TRACK", progress: "10", nextStep: "Rappeler le 06\u200b12\u200b34\u200b56\u200b78" }),
      "next_step",
      "téléphone",
    ],
    [
      "a vehicle plate in blockers",
      () => ({ status: "ON_TRACK", progress: "10", blockers: "Scooter AB-123-CD en rodéo" }),
      "blockers",
      "plaque",
    ],
  ])("%s", async (_name, form, blockId, message) => {
    const before = await countRows(c.id);
    const auditBefore = await t.vigie.deps.store.audit.count();
    const answer = await submit(OWNER, progressMetadata(c.id), form());
    expect(answer?.response_action).toBe("errors");
    const key = blockId === "indicator_" ? `indicator_${ind()}` : blockId;
    expect(answer?.errors[key]).toContain(message);
    expect(await countRows(c.id)).toBe(before);
    expect(await t.vigie.deps.store.audit.count()).toBe(auditBefore);
  });

  it("several problems come back together, each next to its field", async () => {
    const answer = await submit(OWNER, progressMetadata(c.id), {
      status: "LATE",
      progress: "101",
      blockers: "Né le 03/04/2010",
    });
    expect(Object.keys(answer?.errors ?? {}).sort()).toEqual(["blockers", "comment", "progress"]);
  });

  it("an English form gets English messages", async () => {
    const answer = await submit(OWNER, progressMetadata(c.id, null, "en"), { status: "AT_RISK", progress: "10" });
    expect(answer?.errors.comment).toContain("describe what was done");
  });

  it("a forged private_metadata pointing at someone else's commitment is refused inline", async () => {
    const answer = await submit(STRANGER, progressMetadata(c.id), { status: "ON_TRACK", progress: "90" });
    expect(answer?.errors.status).toContain("ni pilote de ETAT-02 ni coordonnateur");
    expect(await countRows(c.id)).toBe(0);
  });

  it("unreadable metadata is refused inline", async () => {
    const answer = await submit(OWNER, '{"c":"../../etc"}', { status: "ON_TRACK", progress: "90" });
    expect(answer?.response_action).toBe("errors");
    expect(answer?.errors.status).toContain("Formulaire illisible");
  });

  it("a coordinator's update is accepted on any commitment", async () => {
    expect(await submit(COORDINATOR, progressMetadata(c.id), { status: "ON_TRACK", progress: "20" })).toBeNull();
    expect(await countRows(c.id)).toBe(1);
  });
});

describe("correcting my last update", () => {
  let c: Awaited<ReturnType<typeof withOwners>>;
  let first: { id: string };
  beforeAll(async () => {
    c = await withOwners(t, "ETAT-03", OWNER);
    await submit(OWNER, progressMetadata(c.id), { status: "ON_TRACK", progress: "30", comment: "Première version" });
    first = await t.db.prisma.progressUpdate.findFirstOrThrow({ where: { commitmentId: c.id } });
  });

  it("the confirmation's button opens the form prefilled from the last update", async () => {
    const click = buttonPayload({
      actionId: ACTIONS.editLastUpdate,
      value: first.id,
      userId: OWNER,
      responseUrl: t.slack.responseUrl("edit-1"),
    });
    await t.interact(click);
    const opened = await t.slack.waitFor((x) => x.method === "views.open" && x.params.trigger_id === click.trigger_id);
    const updated = await t.slack.waitFor(
      (x) => x.method === "views.update" && x.at >= opened.at && blocksText(view(x)).includes("Vous corrigez"),
    );
    const form = view(updated);
    expect(JSON.parse(form.private_metadata ?? "")).toEqual({ c: c.id, s: first.id, l: "fr" });
    expect(block(form, "comment")!.element.initial_value).toBe("Première version");
    expect(block(form, "progress")!.element.initial_value).toBe("30");
  });

  it("submitting creates version 2 pointing at version 1; the old one stays in the history", async () => {
    expect(
      await submit(OWNER, progressMetadata(c.id, first.id), {
        status: "ON_TRACK",
        progress: "35",
        comment: "Version corrigée",
      }),
    ).toBeNull();
    const history = await t.vigie.deps.store.updates.listHistory(c.id);
    expect(history.map((u) => [u.version, u.comment, u.supersedesId])).toEqual([
      [1, "Première version", null],
      [2, "Version corrigée", first.id],
    ]);
    const [latest] = await t.vigie.deps.store.updates.listLatest(c.id, 5);
    expect(latest?.comment).toBe("Version corrigée");
    expect((await commitmentByRef(t, "ETAT-03")).progress).toBe(35);
    expect((await t.vigie.deps.store.audit.listFor("commitment", c.id)).at(-1)?.action).toBe("progress.correct");
    await dmTo(OWNER, (s) => s.includes("Votre correction de *ETAT-03* est enregistrée (version 2)"));
  });

  it("correcting an update that was already corrected is refused inline", async () => {
    const answer = await submit(OWNER, progressMetadata(c.id, first.id), { status: "ON_TRACK", progress: "99" });
    expect(answer?.errors.status).toContain("déjà été corrigée");
    expect(await countRows(c.id)).toBe(2);
  });

  it("nobody corrects someone else's update", async () => {
    const [latest] = await t.vigie.deps.store.updates.listLatest(c.id, 1);
    const answer = await submit(COORDINATOR, progressMetadata(c.id, latest!.id), {
      status: "LATE",
      progress: "1",
      comment: "x",
    });
    expect(answer?.errors.status).toContain("vos propres mises à jour");
  });
});

describe("DONE waits for a coordinator", () => {
  it("is requested, then confirmed by a coordinator, once", async () => {
    const c = await withOwners(t, "VILLE-01", OWNER);
    await t.db.prisma.commitment.update({ where: { id: c.id }, data: { status: "ON_TRACK", progress: 80 } });
    expect(
      await submit(OWNER, progressMetadata(c.id), {
        status: "DONE",
        progress: "100",
        evidenceUrl: "https://www.chambery.fr/bilan-csi.pdf",
      }),
    ).toBeNull();
    const requested = await commitmentByRef(t, "VILLE-01");
    expect(requested).toMatchObject({ status: "ON_TRACK", progress: 100 });
    const request = await pendingRequestOf(t, c.id);
    expect(request).toMatchObject({ requestedBy: OWNER, statusBefore: "ON_TRACK", progressBefore: 80 });
    expect((await t.db.prisma.progressUpdate.findFirstOrThrow({ where: { commitmentId: c.id } })).status).toBe("DONE");
    await dmTo(OWNER, (s) => s.includes("après confirmation par la coordination"));

    const ask = await dmTo(COORDINATOR, (s) => s.includes("VILLE-01"));
    const buttons = (ask.params.blocks as Json[])
      .flatMap((b) => (b.elements as Json[] | undefined) ?? [])
      .filter((e) => e.type === "button");
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      [ACTIONS.confirmDone, request!.id],
      [ACTIONS.rejectDone, request!.id],
    ]);

    await t.interact(
      buttonPayload({
        actionId: ACTIONS.confirmDone,
        value: request!.id,
        userId: OWNER,
        responseUrl: t.slack.responseUrl("confirm-owner"),
      }),
    );
    expect(blocksText((await t.slack.waitForResponse("confirm-owner")).params)).toContain("Seule la coordination");
    expect((await commitmentByRef(t, "VILLE-01")).status).toBe("ON_TRACK");

    await t.interact(
      buttonPayload({
        actionId: ACTIONS.confirmDone,
        value: request!.id,
        userId: COORDINATOR,
        responseUrl: t.slack.responseUrl("confirm-1"),
      }),
    );
    const replaced = await t.slack.waitForResponse("confirm-1");
    expect(replaced.params.replace_original).toBe(true);
    expect(blocksText(replaced.params)).toContain("est désormais *réalisé*");
    const done = await commitmentByRef(t, "VILLE-01");
    expect(done).toMatchObject({ status: "DONE", progress: 100 });
    expect(await pendingRequestOf(t, c.id)).toBeNull();
    expect((await t.vigie.deps.store.audit.listFor("commitment", c.id)).at(-1)).toMatchObject({
      actorId: COORDINATOR,
      action: "commitment.done_confirmed",
    });
    await dmTo(OWNER, (s) => s.includes("a validé que *VILLE-01* est réalisé"));

    // A double click, or a button of a message sent before requests had ids (value = commitment id).
    for (const [id, value] of [
      ["confirm-2", request!.id],
      ["confirm-3", c.id],
    ] as const) {
      await t.interact(
        buttonPayload({
          actionId: ACTIONS.confirmDone,
          value,
          userId: COORDINATOR,
          responseUrl: t.slack.responseUrl(id),
        }),
      );
      expect(blocksText((await t.slack.waitForResponse(id)).params)).toContain(
        `déjà traitée par <@${COORDINATOR}> le lundi 23 novembre 2026 à 10 h (validée)`,
      );
    }
    expect(await t.db.prisma.auditEntry.count({ where: { entityId: c.id, action: "commitment.done_confirmed" } })).toBe(
      1,
    );
  });

  it("refused with a reason, the commitment is exactly as before the request and the owner is told why", async () => {
    const c = await withOwners(t, "VILLE-02", OWNER2);
    await t.db.prisma.commitment.update({ where: { id: c.id }, data: { status: "AT_RISK", progress: 60 } });
    await submit(OWNER2, progressMetadata(c.id), {
      status: "DONE",
      progress: "100",
      evidenceUrl: "https://www.chambery.fr/v2.pdf",
    });
    const request = await pendingRequestOf(t, c.id);
    await dmTo(COORDINATOR, (s) => s.includes("VILLE-02"));
    const click = buttonPayload({
      actionId: ACTIONS.rejectDone,
      value: request!.id,
      userId: COORDINATOR,
      responseUrl: t.slack.responseUrl("reject-1"),
    });
    await t.interact(click);
    const form = await t.slack.waitFor((c) => c.method === "views.open" && c.params.trigger_id === click.trigger_id);
    expect(blocksText(form.params.view as object)).toContain("Motif du refus");

    const empty = await t.interact(refusalPayload(COORDINATOR, request!.id, "  "));
    expect(JSON.parse(empty.body).errors.refusal_reason).toContain("Indiquez le motif");
    const personal = await t.interact(refusalPayload(COORDINATOR, request!.id, "Appeler M. Martin au 06 12 34 56 78"));
    expect(JSON.parse(personal.body).errors.refusal_reason).toBeTruthy();
    expect((await commitmentByRef(t, "VILLE-02")).progress).toBe(100);

    const ok = await t.interact(refusalPayload(COORDINATOR, request!.id, "Le bilan n'est pas signé par le maire."));
    expect(ok.body).toBe("");
    await dmTo(COORDINATOR, (s) => s.includes("Demande de clôture de *VILLE-02* refusée"));
    expect(await commitmentByRef(t, "VILLE-02")).toMatchObject({ status: "AT_RISK", progress: 60 });
    const told = await dmTo(OWNER2, (s) => s.includes("de clôture de *VILLE-02* est refusée"));
    expect(blocksText(told.params)).toContain("Le bilan n'est pas signé par le maire.");
    expect(blocksText(told.params)).toContain("Point de vigilance · 60 %");
    expect((await t.vigie.deps.store.audit.listFor("commitment", c.id)).at(-1)).toMatchObject({
      action: "commitment.done_rejected",
      details: expect.objectContaining({ reason: "Le bilan n'est pas signé par le maire." }),
    });
  });

  it("« Réalisé » without evidence is refused inline, and an indicator alone is not evidence", async () => {
    const c = await withOwners(t, "VILLE-03", OWNER);
    const answer = await submit(OWNER, progressMetadata(c.id), { status: "DONE", progress: "100" });
    expect(answer?.errors.evidence).toContain("décrivez la preuve");
    expect(await countRows(c.id)).toBe(0);
  });
});

// Every read sub-command of /csi through the real receiver (signed requests), French and English,
// on the seeded Chambéry contract plus generated data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../../src/slack/ids.js";
import { decodeNavValue } from "../../../src/slack/views/pagination.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import {
  generateCommitmentSpecs,
  insertCommitments,
  insertMeeting,
  insertUpdate,
  setCommitment,
} from "../../support/fixtures.js";
import { blocksText, buttonsOf, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
const OWNER = "U0OWNER1";

beforeAll(async () => {
  t = await startTestApp();
  const prisma = t.db.prisma;
  const etat08 = await setCommitment(prisma, "ETAT-08", { status: "ON_TRACK", progress: 60, owners: [OWNER] });
  await setCommitment(prisma, "VILLE-02", { status: "LATE", progress: 20, dueOn: "2026-11-01", owners: [OWNER] });
  await setCommitment(prisma, "VILLE-04", { status: "ON_TRACK", progress: 40, dueOn: "2026-12-10" });
  await setCommitment(prisma, "PARQUET-01", { status: "DONE", progress: 100 });
  await insertUpdate(prisma, etat08, {
    createdAt: new Date("2026-09-01T08:00:00Z"),
    progress: 30,
    comment: "Recrutements lancés",
  });
  const v1 = await insertUpdate(prisma, etat08, {
    createdAt: new Date("2026-10-01T08:00:00Z"),
    progress: 50,
    comment: "Poste ouvert, chiffre erroné",
  });
  await insertUpdate(prisma, etat08, {
    createdAt: new Date("2026-10-02T08:00:00Z"),
    progress: 55,
    comment: "Poste ouvert, chiffre corrigé",
    version: 2,
    supersedesId: v1,
  });
  await insertUpdate(prisma, etat08, {
    createdAt: new Date("2026-11-10T08:00:00Z"),
    progress: 60,
    comment: "Patrouilles communes en place",
    nextStep: "Bilan au COPIL",
  });
  await insertMeeting(prisma, {
    kind: "GLTD",
    startsAt: new Date("2026-12-07T13:30:00Z"),
    place: "Hôtel de ville",
    agenda: "Suivi des engagements du Parquet",
  });
  await insertMeeting(prisma, {
    kind: "COPIL",
    startsAt: new Date("2027-01-15T09:00:00Z"),
    place: "Préfecture de la Savoie",
    agenda: "Bilan annuel",
  });
  await insertMeeting(prisma, { kind: "COPIL", startsAt: new Date("2026-10-01T09:00:00Z"), place: "Réunion passée" });
});
afterAll(() => t.stop());

/** Makes Slack's users.info wait until `slackAnswers()`, then say `locale`; `asked` lists who was asked. */
function holdUsersInfo(locale: string) {
  let slackAnswers!: () => void;
  const slackHasAnswered = new Promise<void>((resolve) => (slackAnswers = resolve));
  const asked: string[] = [];
  t.slack.on("users.info", async (p) => {
    asked.push(String(p.user));
    await slackHasAnswered;
    return { body: { user: { id: p.user, locale } } };
  });
  return { asked, slackAnswers };
}

/** `/csi <text>`: the reply's text, after checking it is ephemeral and within Slack's limits. */
async function ask(text: string, userId = "U0MEMBER1"): Promise<{ text: string; params: Record<string, unknown> }> {
  const reply = await t.commandReply(text, { userId });
  expect(reply.params.response_type).toBe("ephemeral");
  expect(blockLimitViolations(reply.params.blocks as unknown[], { text: String(reply.params.text) })).toEqual([]);
  return { text: blocksText(reply.params), params: reply.params };
}

describe("etat | status", () => {
  it("gives the whole contract at a glance, in French", async () => {
    const { text, params } = await ask("etat");
    expect(text).toContain("Contrat de Sécurité Intégrée de Chambéry");
    expect(text).toContain("Situation au lundi 23 novembre 2026");
    expect(text).toContain("Fin du contrat le jeudi 31 décembre 2026 : il reste *1 mois et 8 jours*.");
    expect(text).toContain("*État* — Préfet de la Savoie");
    expect(text).toContain("*Ville de Chambéry* — Maire de Chambéry");
    expect(text).toContain("*Parquet* — Procureur de la République de Chambéry");
    expect(text).toContain("Réalisé : 1");
    expect(text).toContain(":warning: *1 échéance dépassée*");
    expect(text).toContain("*GLTD* : lundi 7 décembre 2026 à 14 h 30 (dans 14 jours) — Hôtel de ville");
    expect(text).toContain("*COPIL* : vendredi 15 janvier 2027 à 10 h");
    expect(buttonsOf(params).map((b) => b.action_id)).toContain(ACTIONS.share);
  });

  it("answers in English to /csi status", async () => {
    const { text } = await ask("status");
    expect(text).toContain("The contract ends on Thursday 31 December 2026: *1 month and 8 days* left.");
    expect(text).toContain("Not started: 7");
    expect(text).toContain("*1 overdue*");
    expect(text).toContain("*GLTD*: Monday 7 December 2026 at 2:30 pm (in 14 days)");
  });
});

describe("liste | list [partie] [statut]", () => {
  it("filters by party and status in French (« en retard » includes overdue ones)", async () => {
    const { text } = await ask("liste ville en-retard");
    expect(text).toContain("Partie : Ville de Chambéry · Statut : En retard (et échéances dépassées)");
    expect(text).toContain("*VILLE-02*");
    expect(text).not.toContain("VILLE-01");
    expect(text).not.toContain("ETAT-");
    expect(text).toContain("1 engagement");
  });

  it("filters in English, in any order", async () => {
    const { text } = await ask("list done parquet");
    expect(text).toContain("*PARQUET-01*");
    expect(text).not.toContain("PARQUET-02");
    expect(text).toContain("Party: Parquet · Status: Done");
  });

  it("lists everything, each with a « Voir » button, and says what it did not understand", async () => {
    const { text, params } = await ask("liste");
    expect(text).toContain("16 engagements");
    expect(buttonsOf(params).filter((b) => b.action_id === ACTIONS.showCommitment)).toHaveLength(16);
    const bad = await ask("liste ville bleue");
    expect(bad.text).toContain("Je n'ai pas compris « bleue »");
    expect(bad.text).toContain("/csi liste ville en-retard");
  });
});

describe("voir | show REF", () => {
  it.each(["voir etat-8", "voir ETAT-08", "voir etat08", "fiche Etat 8"])("%s shows ETAT-08's sheet", async (cmd) => {
    const { text, params } = await ask(cmd);
    expect(text).toContain("ETAT-08 — Concrétisation du projet de poste de police commun");
    expect(text).toContain("<@U0OWNER1>");
    expect(text).toContain("jeudi 31 décembre 2026");
    expect(text).toContain("En cours");
    expect(text).toContain(
      "Policiers présents sur le terrain (% d'évolution par rapport à 2025) : *actuel 30*, mesuré le 11/03/2026",
    );
    // The three latest updates in force: the corrected version replaces the erroneous one.
    expect(text).toContain("Patrouilles communes en place");
    expect(text).toContain("Poste ouvert, chiffre corrigé");
    expect(text).toContain("Recrutements lancés");
    expect(text).not.toContain("chiffre erroné");
    // Asked by a member who is not an owner: no « Mettre à jour » they could not use.
    expect(buttonsOf(params).map((b) => b.action_id)).toEqual([ACTIONS.follow, ACTIONS.showHistory, ACTIONS.share]);
  });

  it("offers « Mettre à jour » on the sheet to an owner and a coordinator, « Modifier » to the coordinator only", async () => {
    expect(buttonsOf((await ask("voir etat-8", OWNER)).params).map((b) => b.action_id)).toEqual([
      ACTIONS.openUpdate,
      ACTIONS.follow,
      ACTIONS.showHistory,
      ACTIONS.share,
    ]);
    expect(buttonsOf((await ask("voir etat-8", COORDINATOR)).params).map((b) => b.action_id)).toEqual([
      ACTIONS.openUpdate,
      ACTIONS.openEditCommitment,
      ACTIONS.follow,
      ACTIONS.showHistory,
      ACTIONS.share,
    ]);
  });

  it("answers in English to show", async () => {
    const { text } = await ask("show etat-8");
    expect(text).toContain("Thursday 31 December 2026");
    expect(text).toContain("On track");
    expect(text).toContain("Latest updates");
  });

  it("shows the sheet of a ref of another shape (imported data) typed as it is spelled, whatever its case", async () => {
    const ids = await insertCommitments(t.db.prisma, [
      { ref: "CSI-02-001", party: "ETAT", title: "Engagement importé d'une autre numérotation" },
      { ref: "CSI-02-002", party: "ETAT", title: "Son voisin" },
    ]);
    try {
      for (const cmd of ["voir CSI-02-001", "voir csi-02-001"]) {
        const { text } = await ask(cmd);
        expect(text, cmd).toContain("CSI-02-001 — Engagement importé d'une autre numérotation");
        expect(text, cmd).not.toContain("Je ne trouve pas");
      }
    } finally {
      // The other tests count the seeded contract's commitments.
      await t.db.prisma.commitment.deleteMany({ where: { id: { in: ids } } });
    }
  });

  it("suggests the closest refs for an unknown one, and asks for a ref when none is given", async () => {
    const { text, params } = await ask("voir etat-88");
    expect(text).toContain("Je ne trouve pas d'engagement « etat-88 ». Vouliez-vous dire :");
    expect(buttonsOf(params).map((b) => decodeNavValue(b.value)?.t)).toContain("voir ETAT-08");
    expect((await ask("voir")).text).toContain("Indiquez la référence de l'engagement");
    expect((await ask("show nothing-like-a-ref")).text).toContain("I can't find a commitment");
  });
});

describe("mes | mine, retards | overdue, echeances | due", () => {
  it("lists the caller's own commitments, most urgent first", async () => {
    const { text } = await ask("mes", OWNER);
    expect(text).toContain("Vos engagements");
    expect(text.indexOf("VILLE-02")).toBeGreaterThan(-1);
    expect(text.indexOf("VILLE-02")).toBeLessThan(text.indexOf("ETAT-08"));
    expect((await ask("mine", OWNER)).text).toContain("Your commitments");
    expect((await ask("mes", "U0NOBODY")).text).toContain("Vous n'êtes référent d'aucun engagement");
  });

  it("lists overdue commitments", async () => {
    const { text } = await ask("retards");
    expect(text).toContain("*VILLE-02*");
    expect(text).toContain(":warning: *échéance dépassée* (01/11/2026, il y a 22 jours)");
    expect(text).toContain("1 engagement");
    expect((await ask("overdue")).text).toContain("*overdue* (due 1 Nov 2026, 22 days ago)");
  });

  it("lists deadlines within 30 days by default, or N days", async () => {
    const d30 = await ask("echeances");
    expect(d30.text).toContain("Échéances des 30 prochains jours");
    expect(d30.text).toContain("*VILLE-04*");
    expect(d30.text).not.toContain("ETAT-01");
    const d60 = await ask("due 60");
    expect(d60.text).toContain("Due within 60 days");
    expect(d60.text).toContain("*ETAT-01*");
    expect(d60.text).not.toContain("PARQUET-01"); // done
    expect((await ask("echeances demain")).text).toContain("« demain » n'est pas un nombre de jours");
  });
});

describe("reunions | meetings, cherche | search, historique | history", () => {
  it("lists upcoming meetings in Paris time with place and agenda", async () => {
    const { text } = await ask("reunions");
    expect(text).toContain("lundi 7 décembre 2026 à 14 h 30");
    expect(text).toContain("Hôtel de ville");
    expect(text).toContain("Suivi des engagements du Parquet");
    expect(text).toContain("vendredi 15 janvier 2027 à 10 h");
    expect(text).not.toContain("Réunion passée");
    expect((await ask("meetings")).text).toContain("Friday 15 January 2027 at 10 am");
  });

  it("searches without accents or case", async () => {
    const { text } = await ask("cherche video");
    expect(text).toContain("*VILLE-04*");
    expect(text).toContain("vidéo protection");
    expect((await ask("search VIDÉO Protection")).text).toContain("*VILLE-04*");
    expect((await ask("cherche mineurs")).text).toContain("*ETAT-04*");
    expect((await ask("cherche zzzz")).text).toContain("Aucun engagement ne contient « zzzz »");
    expect((await ask("cherche")).text).toContain("Indiquez un ou plusieurs mots");
  });

  it("shows the whole history, corrected versions included", async () => {
    const { text } = await ask("historique etat-8");
    expect(text).toContain("Historique — ETAT-08");
    // The fixture's four updates, after the situation the sources give (the seed's first entry).
    expect(text).toContain("5 mises à jour");
    expect(text).toContain("Situation initiale, d'après la source : Article de presse du 11 mars 2026");
    expect(text).toContain("chiffre erroné");
    expect(text).toContain("remplacée par la version 2");
    expect((await ask("history ETAT-08")).text).toContain("5 updates, 0 changes to the sheet, newest first");
  });
});

describe("help, near misses and language", () => {
  it("suggests the command meant", async () => {
    expect((await ask("statu")).text).toContain("Vouliez-vous dire `/csi status`");
    expect((await ask("lsite ville")).text).toContain("`/csi liste ville`");
    expect((await ask("etat8")).text).toContain("`/csi voir ETAT-08`");
  });

  it("answers in English when the caller's Slack locale is English and the words do not say", async () => {
    t.slack.on("users.info", (p) => ({
      body: { user: { id: p.user, locale: p.user === "U0ENGLISH" ? "en-GB" : "fr-FR" } },
    }));
    expect((await ask("", "U0ENGLISH")).text).toContain("Integrated Security Contract tracker");
    expect((await ask("gibberish", "U0ENGLISH")).text).toContain("I don't know the command");
    // A French word answers in French whatever the Slack locale.
    expect((await ask("etat", "U0ENGLISH")).text).toContain("Situation au");
    expect(
      t.slack.callsTo("users.info").some((c) => c.params.include_locale === "true" || c.params.include_locale === true),
    ).toBe(true);
  });

  it("does not let a slow users.info hold the answer: French after a short wait, English once Slack has said", async () => {
    // Slack holds users.info until the first answer is in: the answer cannot have waited for it.
    const { asked, slackAnswers } = holdUsersInfo("en-US");
    const first = await t.commandReply("", { userId: "U0SLOWLOCALE" });
    expect(asked).toEqual(["U0SLOWLOCALE"]); // asked, and not answered yet
    expect(blocksText(first.params)).toContain("Vigie — suivi du Contrat de Sécurité Intégrée");
    slackAnswers();
    await new Promise((r) => setTimeout(r, 500)); // the late answer reaches the app and is kept
    const calls = t.slack.callsTo("users.info").length;
    expect(blocksText((await t.commandReply("", { userId: "U0SLOWLOCALE" })).params)).toContain(
      "Integrated Security Contract tracker",
    );
    expect(t.slack.callsTo("users.info").length).toBe(calls); // cached
  });

  it("asks Slack once about a person whose two requests arrive while Slack has not answered yet", async () => {
    const { asked, slackAnswers } = holdUsersInfo("en-US");
    const replies = await Promise.all([
      t.commandReply("", { userId: "U0TWICE" }),
      t.commandReply("", { userId: "U0TWICE" }),
    ]);
    slackAnswers();
    for (const reply of replies)
      expect(blocksText(reply.params)).toContain("Vigie — suivi du Contrat de Sécurité Intégrée");
    expect(asked).toEqual(["U0TWICE"]);
  });

  it("refuses coordinator commands politely, naming who can", async () => {
    const { text } = await ask("nouveau");
    expect(text).toContain("réservée aux coordonnateurs");
    expect(text).toContain(`<@${COORDINATOR}>`);
  });
});

describe("generated data: pagination beyond Slack's block limits", () => {
  beforeAll(async () => {
    await insertCommitments(t.db.prisma, generateCommitmentSpecs(120, { titleLength: 2000 }));
  });

  it("splits a long list into pages with a next button carrying the page", async () => {
    const { text, params } = await ask("liste");
    expect(text).toContain("136 engagements");
    expect(text).toContain("Page 1 sur 6");
    expect((params.blocks as unknown[]).length).toBeLessThanOrEqual(50);
    const next = buttonsOf(params).find((b) => b.action_id === ACTIONS.pageNext);
    expect(decodeNavValue(next?.value)).toMatchObject({ t: "liste", p: 1, l: "fr" });
  });

  it("keeps every answer within limits with 2,000-character titles", async () => {
    for (const cmd of ["etat", "list city", "retards", "echeances 400", "cherche action", "mes", "voir ville-101"]) {
      const { text } = await ask(cmd, "U0OWNER1");
      expect(text.length).toBeGreaterThan(0);
    }
  });
});

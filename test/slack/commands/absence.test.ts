// Away mode through the real Bolt app: `/csi absence` (declare, show, end; ISO and French dates; French
// errors), the stand-in told by direct message, the App Home block with its button and form.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTIONS, BLOCKS, CALLBACKS } from "../../../src/slack/ids.js";
import {
  appHomeOpened,
  auditEntries,
  directMessageTo,
  homeAction,
  sendEvent,
  submitView,
  viewSubmission,
} from "../../support/coordinator-payloads.js";
import { blocksText, buttonsOf, startTestApp, type TestApp } from "../../support/test-app.js";

const CAMILLE = "U0CAMILLE";
const DOMINIQUE = "U0DOMINIQ";

let t: TestApp; // the clock: Monday 23 November 2026, 10:00 Paris
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());
beforeEach(async () => {
  await t.db.prisma.absence.deleteMany();
  t.slack.reset();
});

const say = async (text: string, userId = CAMILLE) => blocksText((await t.commandReply(text, { userId })).params);
const stored = () => t.db.prisma.absence.findMany({ where: { userId: CAMILLE }, orderBy: { createdAt: "asc" } });

describe("/csi absence", () => {
  it("declares an absence with a stand-in (French dates), tells the stand-in, shows it, and ends it", async () => {
    expect(await say("absence")).toBe(
      ":palm_tree: Aucune absence déclarée.\nPour déclarer une absence : `/csi absence 21/12/2026 04/01/2027 @remplaçant`.",
    );
    expect(await say(`absence 21/12/2026 04/01/2027 <@${DOMINIQUE}|dominique>`)).toBe(
      ":palm_tree: Absence enregistrée du lundi 21 décembre 2026 au lundi 4 janvier 2027 inclus.\n" +
        `<@${DOMINIQUE}> reçoit à votre place vos rappels d'échéance, de retard et de point avant réunion ; les rappels de réunion ne vous sont pas envoyés.\n` +
        "`/csi absence fin` pour y mettre fin plus tôt.",
    );
    const dm = await directMessageTo(t, DOMINIQUE, "vous a désigné");
    expect(blocksText(dm.params)).toContain(
      `<@${CAMILLE}> vous a désigné pour le ou la remplacer du lundi 21 décembre 2026 au lundi 4 janvier 2027 inclus.`,
    );
    expect(await stored()).toMatchObject([
      { startsOn: new Date("2026-12-21T00:00:00Z"), endsOn: new Date("2027-01-04T00:00:00Z"), standInId: DOMINIQUE },
    ]);
    expect(await auditEntries(t, "absence.declare")).toMatchObject([
      { actorId: CAMILLE, details: { startsOn: "2026-12-21", endsOn: "2027-01-04", standInId: DOMINIQUE } },
    ]);
    expect(await say("absence")).toContain(
      ":palm_tree: Absence prévue du lundi 21 décembre 2026 au lundi 4 janvier 2027 inclus.",
    );
    expect(await say("absence annuler")).toBe(
      ":white_check_mark: Absence prévue du lundi 21 décembre 2026 au lundi 4 janvier 2027 inclus annulée.",
    );
    expect((await stored())[0]?.endedAt).not.toBeNull();
    expect(await say("absence fin")).toBe("Aucune absence en cours ni prévue : il n'y a rien à terminer.");
  });

  it("takes ISO dates and « du … au … », without a stand-in; a new declaration replaces the pending one", async () => {
    expect(await say("absence du 2026-11-20 au 2026-11-27")).toContain(
      "Absence enregistrée du vendredi 20 novembre 2026 au vendredi 27 novembre 2026 inclus.\n" +
        "Vous ne recevez aucun rappel ; le point hebdomadaire des coordonnateurs indique ce qui attend votre retour.",
    );
    expect(await say("absence")).toContain(
      "Absence en cours du vendredi 20 novembre 2026 au vendredi 27 novembre 2026 inclus (retour le samedi 28 novembre 2026).",
    );
    expect(await say("absence 2026-11-23 2026-11-30")).toContain(
      "Elle remplace l'absence déclarée du vendredi 20 novembre 2026 au vendredi 27 novembre 2026 inclus.",
    );
    const rows = await stored();
    expect(rows.map((r) => r.endedAt === null)).toEqual([false, true]);
    expect(await say("absence fin")).toContain(":wave: Bon retour ! Votre absence du lundi 23 novembre 2026");
  });

  it("answers in English to the English words", async () => {
    expect(await say("away 2026-12-21 2027-01-04")).toContain(
      ":palm_tree: Absence recorded from Monday 21 December 2026 to Monday 4 January 2027 inclusive.",
    );
    expect(await say("away end")).toContain("Planned absence from Monday 21 December 2026");
  });

  it.each([
    ["absence demain", "« demain » n'est pas une date : écrivez-la 21/12/2026 ou 2026-12-21."],
    ["absence 31/02/2027 01/03/2027", "« 31/02/2027 » n'existe pas dans le calendrier : vérifiez le jour et le mois."],
    [
      "absence 04/01/2027 21/12/2026",
      "Le dernier jour (lundi 21 décembre 2026) est avant le premier (lundi 4 janvier 2027) : donnez d'abord le premier jour d'absence, puis le dernier.",
    ],
    [
      "absence 2026-08-01 2026-08-31",
      "Cette absence s'est terminée le lundi 31 août 2026 : il n'y a plus rien à déclarer.",
    ],
    ["absence 2026-12-01 2028-01-01", "Une absence dure au plus 366 jours ici (celle-ci en compte 397)"],
    [
      "absence 21/12/2026 04/01/2027 @pierrot",
      "Slack ne connaît personne nommé @pierrot : tapez @ puis choisissez la personne dans la liste que Slack propose.",
    ],
    [
      `absence 21/12/2026 04/01/2027 <@${CAMILLE}>`,
      "Vous ne pouvez pas vous remplacer vous-même : nommez une autre personne, ou personne.",
    ],
    ["absence 21/12/2026", "Pour déclarer une absence : `/csi absence 21/12/2026 04/01/2027 @remplaçant`"],
  ])("« %s » is refused in French, nothing recorded", async (text, expected) => {
    expect(await say(text)).toContain(`:warning: ${expected}`);
    expect(await stored()).toEqual([]);
  });
});

describe("the App Home's absence block", () => {
  async function openHome(user: string) {
    const before = t.slack.callsTo("views.publish").length;
    await sendEvent(t, appHomeOpened(user));
    const call = await t.slack.waitFor(
      (c) =>
        c.method === "views.publish" &&
        c.params.user_id === user &&
        t.slack.callsTo("views.publish").indexOf(c) >= before,
    );
    return call.params.view as Record<string, unknown>;
  }

  it("offers « Déclarer une absence », whose form records it; refusals are said at the field", async () => {
    const home = await openHome(CAMILLE);
    expect(blocksText(home)).toContain("Aucune absence déclarée.");
    const open = buttonsOf(home).find((b) => b.action_id === ACTIONS.openAbsence);
    expect(open).toBeDefined();
    await t.interact(homeAction(CAMILLE, { actionId: ACTIONS.openAbsence, value: open?.value ?? "" }));
    const modal = await t.slack.waitFor((c) => c.method === "views.open");
    expect((modal.params.view as { callback_id: string }).callback_id).toBe(CALLBACKS.declareAbsence);

    const form = (start: string | null, end: string | null, standIn: string | null) =>
      viewSubmission({
        userId: CAMILLE,
        callbackId: CALLBACKS.declareAbsence,
        privateMetadata: JSON.stringify({ l: "fr" }),
        fields: {
          [BLOCKS.absenceStart]: { date: start },
          [BLOCKS.absenceEnd]: { date: end },
          [BLOCKS.standIn]: { user: standIn },
        },
      });
    expect(await submitView(t, form("2026-12-21", null, null))).toEqual({
      response_action: "errors",
      errors: { [BLOCKS.absenceEnd]: "Choisissez une date." },
    });
    expect(await submitView(t, form("2026-12-21", "2027-01-04", CAMILLE))).toEqual({
      response_action: "errors",
      errors: {
        [BLOCKS.standIn]: "Vous ne pouvez pas vous remplacer vous-même : nommez une autre personne, ou personne.",
      },
    });
    expect(await stored()).toEqual([]);
    expect(await submitView(t, form("2026-12-21", "2027-01-04", DOMINIQUE))).toBeNull();
    await t.settled();
    expect(await stored()).toMatchObject([{ standInId: DOMINIQUE, endedAt: null }]);
    await directMessageTo(t, DOMINIQUE, "vous a désigné");
  });

  it("shows one's absence with a button that ends it", async () => {
    await say("absence 2026-11-23 2026-12-04");
    const home = await openHome(CAMILLE);
    expect(blocksText(home)).toContain(
      "Absence en cours du lundi 23 novembre 2026 au vendredi 4 décembre 2026 inclus (retour le samedi 5 décembre 2026).",
    );
    const back = buttonsOf(home).find((b) => b.action_id === ACTIONS.endAbsence);
    expect(JSON.stringify(back)).toContain('"text":"Je suis de retour"');
    const before = t.slack.callsTo("views.publish").length;
    await t.interact(homeAction(CAMILLE, { actionId: ACTIONS.endAbsence, value: back?.value ?? "" }));
    await t.settled();
    expect((await stored())[0]?.endedAt).not.toBeNull();
    const again = t.slack.callsTo("views.publish").slice(before).at(-1);
    expect(blocksText(again?.params.view as object)).toContain("Aucune absence déclarée.");
  });
});

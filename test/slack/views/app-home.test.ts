import { describe, expect, it } from "vitest";
import { overdueCommitments, progressByParty } from "../../../src/domain/dashboard.js";
import { ACTIONS } from "../../../src/slack/ids.js";
import { appHomeView, type HomeData } from "../../../src/slack/views/app-home.js";
import { blockLimitViolations } from "../../support/block-limits.js";
import { generateCommitmentSpecs, makeCommitment, makeMeeting } from "../../support/fixtures.js";
import { blocksText } from "../../support/test-app.js";

const parties = [
  { code: "ETAT", label: "État", signatory: "Préfet" },
  { code: "VILLE", label: "Ville de Chambéry", signatory: "Maire" },
  { code: "PARQUET", label: "Parquet", signatory: "Procureur" },
];
const today = "2026-11-23";

function data(over: Partial<HomeData> = {}): HomeData {
  const all = [
    makeCommitment(
      {
        ref: "ETAT-08",
        party: "ETAT",
        title: "Renforcer les patrouilles",
        status: "ON_TRACK",
        progress: 40,
        dueOn: "2026-12-31",
        owners: ["U0OWNER"],
      },
      1,
    ),
    makeCommitment(
      {
        ref: "VILLE-03",
        party: "VILLE",
        title: "Vidéoprotection",
        status: "LATE",
        progress: 10,
        dueOn: "2026-10-01",
        owners: ["U0OTHER"],
      },
      2,
    ),
  ];
  return {
    locale: "fr",
    timezone: "Europe/Paris",
    today,
    userId: "U0OWNER",
    isCoordinator: false,
    canReadContract: true,
    contractTitle: "Contrat de Sécurité Intégrée de Chambéry",
    mine: all.filter((c) => c.owners.includes("U0OWNER")),
    parties: progressByParty(parties, all, today),
    overdue: overdueCommitments(all, today),
    meetings: [makeMeeting(1)],
    lastMeeting: null,
    editable: [],
    ...over,
  };
}

const actionIds = (view: { blocks: unknown[] }) => JSON.stringify(view.blocks).match(/"action_id":"[^"]+"/g) ?? [];

describe("App Home", () => {
  it("shows an owner their commitments with status, progress, due date and « Mettre à jour »", () => {
    const view = appHomeView(data());
    const text = blocksText(view);
    expect(view.type).toBe("home");
    expect(text).toContain("*Mes engagements* (1)");
    expect(text).toContain("*ETAT-08* · :large_green_circle: En cours · ▓▓▓▓░░░░░░ 40\u202f%");
    expect(text).toContain("échéance 31/12/2026 (dans 38 jours)");
    const update = view.blocks.find(
      (b) => b.type === "section" && "accessory" in b && JSON.stringify(b).includes("ETAT-08"),
    );
    expect(update).toMatchObject({
      accessory: {
        action_id: ACTIONS.openUpdate,
        value: makeCommitment({ ref: "x", party: "x", title: "x" }, 1).id,
        text: { text: "Mettre à jour" },
      },
    });
    expect(text).toContain("*État* — 2 engagements".replace("2 engagements", "1 engagement"));
    expect(text).toContain("*Ville de Chambéry* — 1 engagement · moyenne ▓░░░░░░░░░ 10\u202f% · :warning: 1 en retard");
    expect(text).toContain("*En retard* (1)");
    expect(text).toContain("VILLE-03");
    expect(text).toContain("mercredi 2 décembre 2026 à 14 h 30");
    // Not a coordinator: no coordinator buttons, and no update button on someone else's overdue commitment.
    expect(actionIds(view)).toEqual([`"action_id":"${ACTIONS.openUpdate}"`, `"action_id":"${ACTIONS.openAbsence}"`]);
    expect(blockLimitViolations(view.blocks, { maxBlocks: 100 })).toEqual([]);
  });

  it("gives coordinators the create, schedule, decisions and edit controls", () => {
    const last = { ...makeMeeting(0), startsAt: new Date("2026-11-20T13:00:00Z") };
    const view = appHomeView(
      data({ isCoordinator: true, lastMeeting: last, editable: [{ id: "id-1", ref: "ETAT-08", title: "Renforcer" }] }),
    );
    const actions = view.blocks.find((b) => b.type === "actions");
    expect(actions).toMatchObject({
      elements: [
        { action_id: ACTIONS.openCreateCommitment, text: { text: "Nouvel engagement" } },
        { action_id: ACTIONS.openScheduleMeeting, text: { text: "Planifier une réunion" } },
        {
          action_id: ACTIONS.openDecisions,
          value: last.id,
          text: { text: "Relevé de décisions — GLTD du 20/11/2026" },
        },
        {
          action_id: ACTIONS.openEditCommitment,
          type: "static_select",
          options: [{ value: "id-1", text: { text: "ETAT-08 — Renforcer" } }],
        },
      ],
    });
    // A coordinator may report on any commitment: the overdue one gets its button too.
    expect(actionIds(view).filter((a) => a.includes(ACTIONS.openUpdate))).toHaveLength(2);
  });

  it("tells a stranger they own nothing, and hides the contract when it is for members only", () => {
    const open = blocksText(appHomeView(data({ userId: "U0STRANGER", mine: [] })));
    expect(open).toContain("Vous n'êtes pilote d'aucun engagement.");
    expect(open).toContain("Avancement du contrat par partie");
    const closed = blocksText(
      appHomeView(
        data({ userId: "U0STRANGER", mine: [], canReadContract: false, parties: [], overdue: [], meetings: [] }),
      ),
    );
    expect(closed).toContain("réservé aux membres du comité");
    expect(closed).not.toContain("Avancement du contrat");
  });

  it("stays within 100 blocks with 200 commitments and 2,000-character titles", () => {
    const all = generateCommitmentSpecs(200, { titleLength: 2000, owner: "U0OWNER" }).map((s, i) =>
      makeCommitment({ ...s, owners: ["U0OWNER"] }, i),
    );
    const manyParties = Array.from({ length: 15 }, (_, i) => ({
      code: `P${i}`,
      label: "L".repeat(300),
      signatory: "x",
    }));
    const view = appHomeView(
      data({
        isCoordinator: true,
        mine: all,
        parties: progressByParty(manyParties, all, today),
        overdue: overdueCommitments(all, today),
        meetings: Array.from({ length: 30 }, (_, i) => makeMeeting(i, "M".repeat(2000))),
        lastMeeting: makeMeeting(99),
        editable: all.map((c) => ({ id: c.id, ref: c.ref, title: c.title })),
      }),
    );
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(blockLimitViolations(view.blocks, { maxBlocks: 100 })).toEqual([]);
    const text = blocksText(view);
    expect(text).toContain("… et 180 autres — `/csi mes` pour tout voir");
    expect(text).toMatch(/… et \d+ autres — `\/csi retards`/);
    expect(text).toContain("… et 25 autres — `/csi reunions`");
  });

  it("speaks English", () => {
    const text = blocksText(appHomeView(data({ locale: "en", isCoordinator: true })));
    expect(text).toContain("*My commitments* (1)");
    expect(text).toContain("New commitment");
    expect(text).toContain("Contract progress per party");
    expect(text).toContain("Wednesday 2 December 2026 at 2:30 pm");
  });
});

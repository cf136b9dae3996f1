// `/csi export` through the real receiver: the CSV goes to the coordinator's direct conversation with
// Vigie through Slack's three-step upload, and the reply says so; refusals and failures are answered.
import { afterAll, beforeAll, expect, it } from "vitest";
import { slackError } from "../../support/fake-slack.js";
import { setCommitment } from "../../support/fixtures.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await setCommitment(t.db.prisma, "VILLE-02", {
    status: "LATE",
    progress: 20,
    dueOn: "2026-11-01",
    owners: ["U0OWNER1"],
  });
  await setCommitment(t.db.prisma, "VILLE-04", { status: "ON_TRACK", progress: 40, dueOn: "2026-12-10" });
});
afterAll(() => t.stop());

const uploads = () => t.slack.callsTo("file_upload");
const csvLines = (content: unknown) =>
  String(content)
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);

it("sends every commitment as a CSV file to the coordinator, in private, and says so", async () => {
  const reply = await t.commandReply("export", { userId: COORDINATOR });
  expect(blocksText(reply.params)).toContain(
    "Export envoyé dans votre conversation avec Vigie : *csi-chambery-2026-11-23.csv*, 16 engagements.",
  );
  expect(reply.params.response_type).toBe("ephemeral");

  const opened = t.slack.callsTo("conversations.open").at(-1);
  expect(opened?.params.users).toBe(COORDINATOR);
  expect(t.slack.callsTo("files.getUploadURLExternal").at(-1)?.params.filename).toBe("csi-chambery-2026-11-23.csv");
  const completed = t.slack.callsTo("files.completeUploadExternal").at(-1);
  expect(completed?.params.channel_id).toBe(`D${COORDINATOR}`);
  expect(String(completed?.params.initial_comment)).toContain("Export de 16 engagements au 2026-11-23");

  const lines = csvLines(uploads().at(-1)?.params.content);
  expect(lines).toHaveLength(17);
  expect(lines[0]).toMatch(
    /^Référence;Partie;Intitulé;Description;Service pilote;Pilotes;Échéance;Statut;Avancement \(%\);En retard;Dernière mise à jour;Indicateur 1;Unité 1;Départ 1;Cible 1;Valeur actuelle 1;/,
  );
  expect(lines.map((l) => l.split(";")[0]).slice(1, 4)).toEqual(["ETAT-01", "ETAT-02", "ETAT-03"]); // the contract's party order, then refs
  // Owners by name (users.info) and mention (read back by /csi import), the overdue flag, French dates.
  expect(lines.find((l) => l.startsWith("VILLE-02;"))).toMatch(
    /;Utilisateur U0OWNER1 <@U0OWNER1>;01\/11\/2026;En retard;20;oui;/,
  );
});

it("takes the same filters as liste", async () => {
  const before = uploads().length;
  const reply = await t.commandReply("export ville en-retard", { userId: COORDINATOR });
  expect(blocksText(reply.params)).toContain("1 engagement");
  const lines = csvLines(uploads()[before]?.params.content);
  expect(lines.slice(1).map((l) => l.split(";")[0])).toEqual(["VILLE-02"]);
});

it("answers a filter it does not understand, and sends nothing", async () => {
  const before = uploads().length;
  const text = blocksText((await t.commandReply("export ville zzz", { userId: COORDINATOR })).params);
  expect(text).toContain("Je n'ai pas compris « zzz »");
  expect(text).toContain("/csi export ville en-retard");
  expect(blocksText((await t.commandReply("export parquet abandonné", { userId: COORDINATOR })).params)).toContain(
    "rien à exporter",
  );
  expect(uploads()).toHaveLength(before);
});

it("is for coordinators: others are told who can, and get no file", async () => {
  const before = uploads().length;
  const text = blocksText((await t.commandReply("export", { userId: "U0MEMBER1" })).params);
  expect(text).toContain("réservée aux coordonnateurs");
  expect(text).toContain(`<@${COORDINATOR}>`);
  expect(uploads()).toHaveLength(before);
});

it("explains a refused upload (missing files:write scope) instead of claiming success", async () => {
  t.slack.on("files.getUploadURLExternal", () => slackError("missing_scope"), { once: true });
  const text = blocksText((await t.commandReply("export", { userId: COORDINATOR })).params);
  expect(text).toContain("L'export n'a pas pu vous être envoyé");
  expect(text).toContain("`files:write`");
  expect(text).not.toContain("Export envoyé");
});

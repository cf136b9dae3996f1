// `/csi rapport` through the real receiver: the PDF reaches the requester's direct conversation with Vigie,
// its text (pdftotext) carries the same figures as `/csi etat`, the French wording, one line per commitment,
// the indicators, the meetings; page 1 renders (pdftoppm). Members may ask, readers may not.
import { afterAll, beforeAll, expect, it } from "vitest";
import { slackError } from "../../support/fake-slack.js";
import { insertMeeting, insertUpdate, setCommitment } from "../../support/fixtures.js";
import { extractPdf, renderFirstPage, squeeze } from "../../support/pdf-tools.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

const MEMBER = "U0MEMBER1";
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const prisma = t.db.prisma;
  const contract = await prisma.contract.findFirstOrThrow();
  await prisma.roleAssignment.create({
    data: { contractId: contract.id, userId: MEMBER, role: "MEMBER", grantedBy: COORDINATOR },
  });
  await setCommitment(prisma, "VILLE-02", { status: "LATE", progress: 20, dueOn: "2026-11-01", owners: ["U0OWNER1"] });
  await setCommitment(prisma, "VILLE-04", {
    status: "AT_RISK",
    progress: 40,
    dueOn: "2026-12-10",
    owners: ["U0OWNER1"],
  });
  await setCommitment(prisma, "ETAT-03", { status: "DONE", progress: 100, owners: ["U0OWNER2"] });
  const etat01 = await setCommitment(prisma, "ETAT-01", { status: "ON_TRACK", progress: 60, owners: ["U0OWNER2"] });
  await prisma.commitmentRequest.create({
    data: {
      commitmentId: etat01,
      kind: "DONE",
      requestedBy: "U0OWNER2",
      requestedAt: new Date("2026-11-20T10:00:00Z"),
      statusBefore: "ON_TRACK",
      progressBefore: 60,
    },
  });
  // ETAT-01's indicator « Postes de police nationale créés » (baseline 0, target 10): values over a year.
  const indicator = await prisma.indicator.findFirstOrThrow({ where: { commitmentId: etat01 } });
  await prisma.indicator.update({
    where: { id: indicator.id },
    data: { baselineOn: new Date("2021-09-22"), current: 7 },
  });
  for (const [at, value] of [
    ["2025-11-10T09:00:00Z", 3],
    ["2026-04-02T09:00:00Z", 5],
    ["2026-11-16T09:00:00Z", 7],
  ] as const) {
    const id = await insertUpdate(prisma, etat01, {
      createdAt: new Date(at),
      comment: `Point d'étape : ${value} postes pourvus.`,
    });
    await prisma.progressUpdate.update({
      where: { id },
      data: { indicatorValues: [{ indicatorId: indicator.id, value }] },
    });
  }
  const copil = await insertMeeting(prisma, {
    kind: "COPIL",
    startsAt: new Date("2026-10-12T12:00:00Z"),
    place: "Préfecture",
  });
  await prisma.decision.create({
    data: {
      meetingId: copil,
      text: "Étendre la vidéoprotection au quartier des Hauts-de-Chambéry",
      createdBy: COORDINATOR,
    },
  });
  await insertMeeting(prisma, { kind: "GLTD", startsAt: new Date("2026-12-08T13:30:00Z"), place: "Hôtel de ville" });
});
afterAll(() => t.stop());

const uploads = () => t.slack.callsTo("file_upload");
/** `/csi <text>` and its reply: a report takes a few seconds, more on a machine busy with the whole suite. */
const reportReply = async (text: string, userId: string) => {
  const { responseId } = await t.command(text, { userId });
  return t.slack.waitForResponse(responseId, 90_000);
};
const lastPdf = (): Buffer => {
  const bytes = uploads().at(-1)?.params.bytes;
  if (!Buffer.isBuffer(bytes)) throw new Error("no file uploaded");
  return bytes;
};

/** « *Ensemble du contrat* : 16 engagements, dont 1 réalisé » and the bar's percentage, from /csi etat. */
async function statusFigures() {
  const text = blocksText((await t.commandReply("etat", { userId: COORDINATOR })).params);
  const total = Number(/\*Ensemble du contrat\* : (\d+) engagements?/.exec(text)?.[1]);
  const done = Number(/dont (\d+) réalisé/.exec(text)?.[1]);
  const average = Number(/(\d+)\s?%\s+d'avancement moyen/.exec(text)?.[1]);
  const overdue = Number(/(\d+) échéances? dépassées?/.exec(text)?.[1] ?? 0);
  return { text, total, done, average, overdue };
}

it("sends the PDF to the requester in private, with the figures of /csi etat written in it", {
  timeout: 120_000,
}, async () => {
  const etat = await statusFigures();
  expect(etat.total).toBe(16);
  expect(etat.overdue).toBe(1);

  const reply = await reportReply("rapport", COORDINATOR);
  expect(blocksText(reply.params)).toContain(
    "Rapport envoyé dans votre conversation avec Vigie : *rapport-csi-chambery-2026-11-23.pdf*",
  );
  expect(t.slack.callsTo("files.completeUploadExternal").at(-1)?.params.channel_id).toBe(`D${COORDINATOR}`);
  expect(t.slack.callsTo("files.getUploadURLExternal").at(-1)?.params.filename).toBe(
    "rapport-csi-chambery-2026-11-23.pdf",
  );

  const pdf = lastPdf();
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text, pages, pageCount, file } = await extractPdf(pdf);
  const flat = squeeze(text);
  // Cover: title, contract, signatories, date of the situation, period.
  expect(pages[0]).toContain("Rapport de suivi du CSI");
  expect(flat).toContain("Contrat de Sécurité Intégrée de Chambéry");
  expect(flat).toContain("Situation au lundi 23 novembre 2026");
  expect(flat).toContain("Période couverte : depuis la signature du contrat, le mercredi 22 septembre 2021");
  expect(flat).toContain("État — Préfet de la Savoie");
  expect(flat).toContain("Procureur de la République de Chambéry");
  // The key figures equal /csi etat's.
  const cover = squeeze(pages[0] ?? "");
  expect(cover).toMatch(new RegExp(`${etat.total}\\s+${etat.average} ?%\\s+${etat.done}\\s+${etat.overdue}`));
  expect(cover).toMatch(new RegExp(`Ensemble du contrat ${etat.average} ?%`));
  expect(flat).toMatch(new RegExp(`\nEnsemble ${etat.total} [\\d ]+ ${etat.average} ?% ${etat.overdue}\n`));
  // Per party, as /csi etat shows it.
  let parties = 0;
  for (const m of etat.text.matchAll(/\*([^*\n]+)\*[^\n]*\n[^\n]*?(\d+)\s?%[^\n]*· (\d+) engagements?/g)) {
    const [, label, avg, total] = m;
    if (label === "Ensemble du contrat") continue;
    expect(flat).toMatch(new RegExp(`\n${label} ${total} [\\d ]+ ${avg} ?% \\d+\n`));
    parties += 1;
  }
  expect(parties).toBe(3);
  // Lists: overdue, at risk, without owner, pending « Réalisé ».
  expect(flat).toContain("Échéances dépassées (1)");
  expect(flat).toMatch(/VILLE-02 .*échéance 01\/11\/2026, 22 jours de retard/);
  expect(flat).toContain("Points de vigilance (1)");
  expect(flat).toContain("Demandes « Réalisé » en attente de décision (1)");
  expect(flat).toMatch(/Engagements sans pilote désigné \(\d+\)/);
  // One line per commitment, grouped by party, the overdue one marked.
  for (const ref of ["ETAT-01", "ETAT-08", "VILLE-01", "VILLE-04", "PARQUET-01"]) expect(flat).toContain(ref);
  const section2 = flat.slice(flat.indexOf("2. Engagements par partie"));
  const ville02 = section2.slice(section2.indexOf("VILLE-02"), section2.indexOf("VILLE-03"));
  expect(ville02).toMatch(/En retard —[\s\S]*échéance[\s\S]*dépassée/);
  expect(ville02).toContain("01/11/2026");
  expect(flat).toMatch(/État — \d+ engagements/);
  // Indicators, with the values recorded over time.
  expect(flat).toContain("3. Indicateurs");
  expect(flat).toContain("Postes de police nationale créés (postes)");
  expect(flat).toContain("Valeurs relevées dans le temps");
  expect(flat).toContain("cible 10");
  // Meetings: decisions of the last, the next ones.
  expect(flat).toContain("Étendre la vidéoprotection au quartier des Hauts-de-Chambéry");
  expect(flat).toContain("mardi 8 décembre 2026 à 14 h 30");
  // Every page: footer, page numbers, date of generation.
  for (const [i, page] of pages.entries()) {
    expect(squeeze(page)).toContain("Document de travail — diffusion restreinte aux membres du COPIL");
    expect(squeeze(page)).toContain(`Page ${i + 1} sur ${pageCount}`);
    expect(squeeze(page)).toContain("Généré par Vigie le lundi 23 novembre 2026 à 10 h");
  }
  expect(pageCount).toBeGreaterThanOrEqual(5);
  expect(pageCount).toBeLessThanOrEqual(8);

  const page1 = await renderFirstPage(file);
  expect(page1.png.subarray(1, 4).toString("latin1")).toBe("PNG");
  // A4 at 60 dpi: 8.27 × 11.69 in.
  expect(page1.width).toBeGreaterThanOrEqual(495);
  expect(page1.width).toBeLessThanOrEqual(497);
  expect(page1.height).toBeGreaterThanOrEqual(701);
  expect(page1.height).toBeLessThanOrEqual(703);
  // Drawn, not blank: the title's blue and the chart are there, so many pixels differ from white.
  expect(page1.png.length).toBeGreaterThan(10_000);
});

it("limits the report to one party, and committee members may ask for it", { timeout: 120_000 }, async () => {
  const reply = await reportReply("rapport ville", MEMBER);
  expect(blocksText(reply.params)).toContain("rapport-csi-chambery-ville-2026-11-23.pdf");
  expect(t.slack.callsTo("files.completeUploadExternal").at(-1)?.params.channel_id).toBe(`D${MEMBER}`);
  const { text } = await extractPdf(lastPdf());
  const flat = squeeze(text);
  expect(flat).toContain("Partie : Ville de Chambéry");
  expect(flat).toContain("VILLE-02");
  expect(flat).not.toContain("ETAT-01");
  expect(flat).not.toContain("PARQUET-01");
});

it("is refused to readers, and to words that are not a party", async () => {
  const before = uploads().length;
  expect(blocksText((await t.commandReply("rapport", { userId: "U0READER9" })).params)).toContain(
    "réservé aux membres du comité de pilotage",
  );
  expect(blocksText((await t.commandReply("rapport zzz", { userId: COORDINATOR })).params)).toContain(
    "Je n'ai pas reconnu de partie du contrat dans « zzz »",
  );
  expect(uploads()).toHaveLength(before);
});

it("explains a refused upload instead of claiming success", { timeout: 120_000 }, async () => {
  t.slack.on("files.getUploadURLExternal", () => slackError("missing_scope"), { once: true });
  const text = blocksText((await reportReply("rapport", COORDINATOR)).params);
  expect(text).toContain("Le rapport n'a pas pu vous être envoyé");
  expect(text).toContain("files:write");
});

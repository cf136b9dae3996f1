// `/csi rapport PARTIE` through the real receiver: party codes are the contract's own (here a fourth
// signatory, the Département, added to Chambéry's contract), the PDF (read back with pdftotext) says which
// party it covers, lists only that party's commitments and carries the figures `/csi etat` shows for that
// party; words that name no single party are refused in French with the contract's parties and what was typed.
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateCommitmentSpecs, insertCommitments, setCommitment } from "../../support/fixtures.js";
import { extractPdf, squeeze } from "../../support/pdf-tools.js";
import { blocksText, COORDINATOR, startTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const prisma = t.db.prisma;
  const contract = await prisma.contract.findFirstOrThrow();
  await prisma.party.create({
    data: {
      contractId: contract.id,
      code: "DEPT",
      label: "Département de la Savoie",
      signatory: "Président du conseil départemental",
      position: 3,
    },
  });
  // Five Département commitments (statuses cycle: not started, on track, at risk, late, done); four overdue.
  await insertCommitments(prisma, generateCommitmentSpecs(5, { parties: ["DEPT"] }), contract.id);
  await setCommitment(prisma, "DEPT-103", { status: "LATE", progress: 30, dueOn: "2026-10-15" });
  await setCommitment(prisma, "ETAT-03", { status: "DONE", progress: 100, owners: ["U0OWNER2"] });
  await setCommitment(prisma, "ETAT-02", { status: "AT_RISK", progress: 35, dueOn: "2026-11-02" });
});
afterAll(() => t.stop());

const uploads = () => t.slack.callsTo("file_upload");
const reportReply = async (text: string) => {
  const { responseId } = await t.command(text, { userId: COORDINATOR });
  return t.slack.waitForResponse(responseId, 90_000);
};
const lastPdf = (): Buffer => {
  const bytes = uploads().at(-1)?.params.bytes;
  if (!Buffer.isBuffer(bytes)) throw new Error("no file uploaded");
  return bytes;
};

/** One party's line of /csi etat: its average progress, total and, from its counts, done and overdue. */
async function etatOf(label: string) {
  const text = blocksText((await t.commandReply("etat", { userId: COORDINATOR })).params);
  const start = text.indexOf(`*${label}*`);
  expect(start).toBeGreaterThanOrEqual(0);
  const block = text.slice(start, text.indexOf("\n*", start + 1) > 0 ? text.indexOf("\n*", start + 1) : undefined);
  const [, average, total] = /(\d+)\s?%[^\n]*· (\d+) engagements?/.exec(block) ?? [];
  return {
    block,
    average: Number(average),
    total: Number(total),
    done: Number(/Réalisé : (\d+)/.exec(block)?.[1] ?? 0),
    overdue: Number(/(\d+) échéances? dépassées?/.exec(block)?.[1] ?? 0),
  };
}

it("reports on a party the contract defines, with that party's figures as /csi etat shows them", {
  timeout: 120_000,
}, async () => {
  const etat = await etatOf("Département de la Savoie");
  expect(etat).toMatchObject({ total: 5, done: 1, overdue: 4 });

  const reply = await reportReply("rapport DEPT");
  expect(blocksText(reply.params)).toContain("rapport-csi-chambery-dept-2026-11-23.pdf");
  const { text, pages, pageCount } = await extractPdf(lastPdf());
  const flat = squeeze(text);
  const cover = squeeze(pages[0] ?? "");
  expect(cover).toContain("Rapport de suivi du CSI");
  expect(cover).toContain("Partie : Département de la Savoie");
  expect(cover).toContain("Signataire pour cette partie : Président du conseil départemental");
  expect(cover).toContain("Rapport limité aux engagements de cette partie.");
  expect(cover).toContain("Avancement moyen de la partie");
  // Key figures: total, average, done, overdue of the party, as /csi etat counts them.
  expect(cover).toMatch(new RegExp(`${etat.total}\\s+${etat.average} ?%\\s+${etat.done}\\s+${etat.overdue}\\s`));
  expect(cover).toMatch(new RegExp(`Département de la Savoie ${etat.average} ?%`));
  expect(cover).not.toContain("Ensemble du contrat");
  // Synthesis: the party's row, no « Ensemble » row; lines only for its commitments.
  // (the party's name wraps in its column: « Département de la » then « Savoie » under it)
  expect(flat).toMatch(
    new RegExp(`\nDépartement de la ${etat.total} 1 1 1 1 ${etat.done} ${etat.average} ?% ${etat.overdue}\nSavoie\n`),
  );
  expect(flat).not.toMatch(/\nEnsemble \d+/);
  expect(flat).toContain("Échéances dépassées (4)");
  expect(flat).toMatch(/DEPT-103 .*échéance 15\/10\/2026, 39 jours de retard/);
  expect(flat).toContain("Département de la Savoie — 5 engagements");
  for (const ref of ["DEPT-100", "DEPT-101", "DEPT-102", "DEPT-103", "DEPT-104"]) expect(flat).toContain(ref);
  expect(flat).not.toMatch(/\b(ETAT|VILLE|PARQUET)-\d+/);
  for (const [i, page] of pages.entries()) expect(squeeze(page)).toContain(`Page ${i + 1} sur ${pageCount}`);
  expect(pageCount).toBeGreaterThanOrEqual(4);
  expect(pageCount).toBeLessThanOrEqual(6);
});

it("reports on ETAT alone with the État figures of /csi etat, by code or by name", { timeout: 120_000 }, async () => {
  const etat = await etatOf("État");
  expect(etat.total).toBeGreaterThan(0);
  for (const typed of ["rapport ETAT", "rapport état"]) {
    const reply = await reportReply(typed);
    expect(blocksText(reply.params)).toContain("rapport-csi-chambery-etat-2026-11-23.pdf");
    expect(blocksText(reply.params)).not.toContain("Partie non reconnue");
    const flat = squeeze((await extractPdf(lastPdf())).text);
    expect(flat).toContain("Partie : État");
    expect(flat).toMatch(new RegExp(`\nÉtat ${etat.total} [\\d ]+ ${etat.average} ?% \\d+\n`));
    expect(flat).toContain("ETAT-03");
    expect(flat).toMatch(/ETAT-02 .*échéance 02\/11\/2026/);
    expect(flat).not.toMatch(/\b(VILLE|PARQUET|DEPT)-\d+/);
  }
});

it("refuses a word that names no single party, listing the contract's parties and repeating what was typed", async () => {
  const before = uploads().length;
  for (const typed of ["XYZ", "etat ville", "en retard"]) {
    const reply = await t.commandReply(`rapport ${typed}`, { userId: COORDINATOR });
    const text = blocksText(reply.params);
    expect(text).toContain(`Je n'ai pas reconnu de partie du contrat dans « ${typed} »`);
    expect(text).toContain("ETAT (État)");
    expect(text).toContain("VILLE (Ville de Chambéry)");
    expect(text).toContain("DEPT (Département de la Savoie)");
    expect(text).toContain("PARQUET (");
    expect(text).toContain("`/csi rapport ETAT`");
  }
  expect(uploads()).toHaveLength(before);
});

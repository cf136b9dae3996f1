// The report for a 500-commitment contract on the real database: every commitment has its line, the figures
// are those of `/csi etat` (store.commitments.countByParty), pages are numbered, and text outside
// Windows-1252 typed by a user (embedded font) comes out of pdftotext as typed.
import { beforeAll, expect, it } from "vitest";
import { overallFigures } from "../../src/domain/dashboard.js";
import { localDateOf } from "../../src/domain/due-instants.js";
import type { Contract } from "../../src/domain/types.js";
import { buildReport } from "../../src/use-cases/build-report.js";
import { generateCommitmentSpecs, insertCommitments, insertUpdate } from "../support/fixtures.js";
import { extractPdf, squeeze } from "../support/pdf-tools.js";
import { useTestStore } from "../support/use-test-store.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const t = useTestStore("seeded");
let contract: Contract;
let refs: string[];

beforeAll(async () => {
  contract = (await t.store.contracts.findDefault()) as Contract;
  const specs = generateCommitmentSpecs(484, { today: "2026-11-23" });
  specs[0] = { ...specs[0], ref: "ETAT-100", party: "ETAT", title: "Coopération avec Київ — ≥ 3 échanges 🚓" };
  const ids = await insertCommitments(t.prisma, specs);
  // Ten commitments get an indicator with three values recorded over the year.
  for (const [n, id] of ids.slice(0, 10).entries()) {
    const indicator = await t.prisma.indicator.create({
      data: { commitmentId: id, label: `Indicateur ${n + 1}`, unit: "actions", baseline: 0, target: 30 },
    });
    for (const [month, value] of [
      ["02", 4 + n],
      ["06", 10 + n],
      ["10", 18 + n],
    ] as const) {
      const u = await insertUpdate(t.prisma, id, { createdAt: new Date(`2026-${month}-15T09:00:00Z`) });
      await t.prisma.progressUpdate.update({
        where: { id: u },
        data: { indicatorValues: [{ indicatorId: indicator.id, value }] },
      });
    }
  }
  refs = await t.store.commitments.listRefs(contract.id);
}, 120_000);

const deps = () => ({ store: t.store, now: () => NOW });

it("has every one of the 500 commitments, the figures of /csi etat, and numbered pages", async () => {
  expect(refs).toHaveLength(500);
  const report = await buildReport(deps(), contract, null, "Europe/Paris");
  const today = localDateOf(NOW, "Europe/Paris");
  const figures = await t.store.commitments.countByParty(
    contract.id,
    contract.parties.map((p) => p.code),
    today,
  );
  const overall = overallFigures(figures);
  expect(report.data.overall).toEqual(overall);
  expect(report.data.parties.map((p) => p.averageProgress)).toEqual(figures.map((f) => f.averageProgress));

  const { text, pages, pageCount } = await extractPdf(report.pdf);
  const flat = squeeze(text);
  for (const ref of refs) expect(flat).toContain(ref);
  expect(flat).toContain("Coopération avec Київ — ≥ 3 échanges");
  const cover = squeeze(pages[0] ?? "");
  expect(cover).toMatch(new RegExp(`500\\s+${overall.averageProgress} ?%\\s+${overall.done}\\s+${overall.overdue}`));
  expect(flat).toContain(`Échéances dépassées (${overall.overdue})`);
  for (const p of report.data.parties) expect(flat).toContain(`${p.label} — ${p.total} engagements`);
  expect(flat).toContain("Indicateur 10 (actions)");
  // One page per ~15 commitment lines, plus cover, synthesis, indicators and meetings.
  expect(pageCount).toBeGreaterThan(30);
  expect(pageCount).toBeLessThan(80);
  expect(pages.at(-1)).toContain(`Page ${pageCount} sur ${pageCount}`);
  expect(report.filename).toBe("rapport-csi-chambery-2026-11-23.pdf");
}, 120_000);

import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { REDACTED_TEXT } from "../../src/domain/retention.js";
import { retentionReportText, runRetention } from "../../src/jobs/retention.js";
import { createLogger } from "../../src/logger.js";
import { RETENTION_ACTOR } from "../../src/store/retention-repo.js";
import { insertUpdate } from "../support/fixtures.js";
import { useTestStore } from "../support/use-test-store.js";

// The seeded contract ends on 31 December 2026; with 5 years, its texts go from 1 January 2032.
const t = useTestStore("seeded");
const config = loadConfig({ NODE_ENV: "test", CSI_RETENTION_YEARS: "5" }, { requireSlack: false });
const log = createLogger({ level: "error", json: false });
const deps = () => ({ store: t.store, config, log });
const COMMENT = "Rencontre avec le principal du collège Jean-Moulin";

async function fixtures() {
  const contract = await t.prisma.contract.findFirstOrThrow();
  const c = await t.prisma.commitment.findFirstOrThrow({ where: { ref: "ETAT-08" } });
  const old = await insertUpdate(t.prisma, c.id, {
    createdAt: new Date("2025-03-04T10:00:00Z"),
    status: "AT_RISK",
    progress: 30,
    comment: COMMENT,
    nextStep: "Point au GLTD",
    blockers: "Effectifs",
  });
  const late = await insertUpdate(t.prisma, c.id, {
    createdAt: new Date("2028-01-10T10:00:00Z"),
    comment: "Bilan final",
  });
  const meeting = await t.prisma.meeting.create({
    data: {
      contractId: contract.id,
      kind: "GLTD",
      startsAt: new Date("2025-05-06T08:00:00Z"),
      agenda: "Situation du quartier",
      createdAt: new Date("2025-04-01T10:00:00Z"),
      decisions: {
        create: [
          {
            text: "Renforcer la présence le soir",
            createdBy: "U0COORD01",
            createdAt: new Date("2025-05-06T10:00:00Z"),
          },
        ],
      },
    },
  });
  await t.prisma.auditEntry.create({
    data: {
      actorId: "U0COORD01",
      action: "meeting.decisions",
      entity: "meeting",
      entityId: meeting.id,
      at: new Date("2025-05-06T10:00:00Z"),
      details: { count: 1, texts: ["Renforcer la présence le soir"] },
    },
  });
  return { old, late, meeting };
}

describe("retention of free text", () => {
  it("keeps everything while the contract runs and until its end + CSI_RETENTION_YEARS", async () => {
    const f = await fixtures();
    for (const now of ["2026-06-01T00:00:00Z", "2031-12-31T12:00:00Z"]) {
      const report = await runRetention(deps(), new Date(now));
      expect(report.items).toEqual([]);
      expect(report.redacted).toBe(0);
    }
    expect((await t.prisma.progressUpdate.findUniqueOrThrow({ where: { id: f.old } })).comment).toBe(COMMENT);
  });

  it("the DPO's dry run lists what would go — kinds, references, dates, fields, never the texts — and changes nothing", async () => {
    const before = await t.prisma.progressUpdate.findMany({ orderBy: { id: "asc" } });
    const auditCount = await t.prisma.auditEntry.count();
    const report = await runRetention(deps(), new Date("2032-06-01T00:00:00Z"), { dryRun: true });
    expect(report.items.map((i) => [i.kind, i.about, i.fields])).toEqual([
      ["progress_update", "ETAT-08", ["comment", "nextStep", "blockers"]],
      ["meeting", "GLTD 2025-05-06", ["agenda"]],
      ["decision", "GLTD 2025-05-06", ["text"]],
      ["audit_entry", "GLTD 2025-05-06", ["details.texts"]],
      // The seed's initial situation of ETAT-08 (11 March 2026, from the press article) goes too.
      ["progress_update", "ETAT-08", ["comment"]],
    ]);
    expect(await t.prisma.progressUpdate.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await t.prisma.auditEntry.count()).toBe(auditCount);
    const text = retentionReportText(report);
    expect(text).toContain("Simulation (--dry-run) : rien n'est modifié.");
    expect(text).toContain(
      "ETAT-08 · mise à jour d'avancement du mardi 4 mars 2025 · ce qui a été fait, prochaine étape, difficultés",
    );
    expect(text).not.toContain(COMMENT);
    expect(text).not.toContain("Renforcer");
  });

  it("redacts the texts, keeps who, when and what kind, audits each redaction, and does it once", async () => {
    const report = await runRetention(deps(), new Date("2032-06-01T00:00:00Z"));
    expect(report.redacted).toBe(5); // the four texts of fixtures() and the seed's initial situation of ETAT-08
    const old = await t.prisma.progressUpdate.findFirstOrThrow({
      where: { createdAt: new Date("2025-03-04T10:00:00Z") },
    });
    expect(old).toMatchObject({
      comment: null,
      nextStep: null,
      blockers: null,
      status: "AT_RISK",
      progress: 30,
      authorId: "U0OWNER1",
    });
    const late = await t.prisma.progressUpdate.findFirstOrThrow({
      where: { createdAt: new Date("2028-01-10T10:00:00Z") },
    });
    expect(late.comment).toBe("Bilan final"); // written after the end: kept 5 years from its own date
    const meeting = await t.prisma.meeting.findFirstOrThrow({
      where: { startsAt: new Date("2025-05-06T08:00:00Z") },
      include: { decisions: true },
    });
    expect(meeting.agenda).toBeNull();
    expect(meeting.decisions.map((d) => [d.text, d.createdBy])).toEqual([[REDACTED_TEXT, "U0COORD01"]]);
    const decisionsAudit = await t.prisma.auditEntry.findFirstOrThrow({
      where: { action: "meeting.decisions", entityId: meeting.id },
    });
    expect(decisionsAudit).toMatchObject({ actorId: "U0COORD01", details: { count: 1, textsRedacted: 1 } });
    const trail = await t.prisma.auditEntry.findMany({ where: { action: "retention.redact" }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.actorId, e.entity, (e.details as { fields: string[] }).fields])).toEqual([
      [RETENTION_ACTOR, "progress_update", ["comment", "nextStep", "blockers"]],
      [RETENTION_ACTOR, "meeting", ["agenda"]],
      [RETENTION_ACTOR, "decision", ["text"]],
      [RETENTION_ACTOR, "audit_entry", ["details.texts"]],
      [RETENTION_ACTOR, "progress_update", ["comment"]],
    ]);
    expect(JSON.stringify(trail.map((e) => e.details))).not.toContain(COMMENT);

    const again = await runRetention(deps(), new Date("2032-06-02T00:00:00Z"));
    expect(again.items).toEqual([]);
    const later = await runRetention(deps(), new Date("2033-01-11T00:00:00Z"));
    expect(later.items.map((i) => i.kind)).toEqual(["progress_update"]);
    expect((await t.prisma.progressUpdate.findUniqueOrThrow({ where: { id: late.id } })).comment).toBeNull();
  });

  it("CSI_RETENTION_YEARS is checked at start, with a French message", () => {
    expect(() => loadConfig({ CSI_RETENTION_YEARS: "0" }, { requireSlack: false })).toThrow(
      /CSI_RETENTION_YEARS doit être entre 1 et 50/,
    );
    expect(loadConfig({}, { requireSlack: false }).retentionYears).toBe(5);
  });
});

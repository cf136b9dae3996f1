// The free text past its retention (domain/retention.ts), found and redacted. Redaction clears the text
// fields and writes one audit entry per row (« retention.redact »: which fields, when written); the row
// itself — author, date, status, figures — stays, and so does the rest of the audit trail.
import type { PrismaClient } from "../../prisma/generated/client/client.js";
import {
  contractPastRetention,
  REDACTED_TEXT,
  type RedactionItem,
  type RedactionKind,
  writtenBefore,
} from "../domain/retention.js";
import { recordAudits } from "./audit-repo.js";

/** Who the audit says redacted: Vigie itself, applying the configured retention. */
export const RETENTION_ACTOR = "vigie.retention";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function createRetentionRepo(prisma: PrismaClient) {
  return {
    /** Every row holding free text past retention at `now`, oldest first. Reads only. */
    async expired(now: Date, years: number): Promise<RedactionItem[]> {
      const contracts = (await prisma.contract.findMany({ select: { id: true, ref: true, endsOn: true } })).filter(
        (c) => contractPastRetention(isoDay(c.endsOn), now, years),
      );
      if (contracts.length === 0) return [];
      const ids = contracts.map((c) => c.id);
      const refOf = new Map(contracts.map((c) => [c.id, c.ref]));
      const before = writtenBefore(now, years);
      const items: RedactionItem[] = [];

      const updates = await prisma.progressUpdate.findMany({
        where: {
          createdAt: { lte: before },
          commitment: { contractId: { in: ids } },
          OR: [{ comment: { not: null } }, { nextStep: { not: null } }, { blockers: { not: null } }],
        },
        select: {
          id: true,
          createdAt: true,
          comment: true,
          nextStep: true,
          blockers: true,
          commitment: { select: { ref: true, contractId: true } },
        },
      });
      for (const u of updates)
        items.push({
          kind: "progress_update",
          id: u.id,
          contractRef: refOf.get(u.commitment.contractId) ?? "",
          about: u.commitment.ref,
          writtenAt: u.createdAt,
          fields: (["comment", "nextStep", "blockers"] as const).filter((f) => u[f] !== null),
        });

      const meetings = await prisma.meeting.findMany({
        where: { contractId: { in: ids } },
        select: { id: true, contractId: true, kind: true, startsAt: true, createdAt: true, agenda: true },
      });
      const meetingOf = new Map(meetings.map((m) => [m.id, m]));
      const label = (m: { kind: string; startsAt: Date }) => `${m.kind} ${isoDay(m.startsAt)}`;
      for (const m of meetings)
        if (m.agenda !== null && m.createdAt <= before)
          items.push({
            kind: "meeting",
            id: m.id,
            contractRef: refOf.get(m.contractId) ?? "",
            about: label(m),
            writtenAt: m.createdAt,
            fields: ["agenda"],
          });

      const decisions = await prisma.decision.findMany({
        where: { meetingId: { in: [...meetingOf.keys()] }, createdAt: { lte: before }, text: { not: REDACTED_TEXT } },
        select: { id: true, meetingId: true, createdAt: true },
      });
      for (const d of decisions) {
        const m = meetingOf.get(d.meetingId);
        if (m)
          items.push({
            kind: "decision",
            id: d.id,
            contractRef: refOf.get(m.contractId) ?? "",
            about: label(m),
            writtenAt: d.createdAt,
            fields: ["text"],
          });
      }

      // The audit of a meeting's decisions copied their texts: the entry stays, the texts go.
      const audits = await prisma.auditEntry.findMany({
        where: { action: "meeting.decisions", entityId: { in: [...meetingOf.keys()] }, at: { lte: before } },
        select: { id: true, at: true, entityId: true, details: true },
      });
      for (const a of audits) {
        const m = meetingOf.get(a.entityId);
        if (m && Array.isArray(record(a.details).texts))
          items.push({
            kind: "audit_entry",
            id: String(a.id),
            contractRef: refOf.get(m.contractId) ?? "",
            about: label(m),
            writtenAt: a.at,
            fields: ["details.texts"],
          });
      }
      return items.sort((x, y) => x.writtenAt.getTime() - y.writtenAt.getTime());
    },

    /** Clears the listed fields, each row with its audit entry, in one transaction; returns the rows changed. */
    async redact(items: readonly RedactionItem[], years: number): Promise<number> {
      if (items.length === 0) return 0;
      const idsOf = (kind: RedactionKind) => items.filter((i) => i.kind === kind).map((i) => i.id);
      return prisma.$transaction(async (tx) => {
        let changed = 0;
        const updates = idsOf("progress_update");
        if (updates.length)
          changed += (
            await tx.progressUpdate.updateMany({
              where: { id: { in: updates } },
              data: { comment: null, nextStep: null, blockers: null },
            })
          ).count;
        const meetings = idsOf("meeting");
        if (meetings.length)
          changed += (await tx.meeting.updateMany({ where: { id: { in: meetings } }, data: { agenda: null } })).count;
        const decisions = idsOf("decision");
        if (decisions.length)
          changed += (await tx.decision.updateMany({ where: { id: { in: decisions } }, data: { text: REDACTED_TEXT } }))
            .count;
        for (const id of idsOf("audit_entry")) {
          const entry = await tx.auditEntry.findUnique({ where: { id: BigInt(id) }, select: { details: true } });
          const { texts, ...rest } = record(entry?.details);
          await tx.auditEntry.update({
            where: { id: BigInt(id) },
            data: { details: { ...rest, textsRedacted: Array.isArray(texts) ? texts.length : 0 } as object },
          });
          changed++;
        }
        await recordAudits(
          tx,
          items.map((i) => ({
            actorId: RETENTION_ACTOR,
            action: "retention.redact",
            entity: i.kind,
            entityId: i.id,
            details: { fields: i.fields, writtenAt: i.writtenAt.toISOString(), retentionYears: years },
          })),
        );
        return changed;
      });
    },
  };
}

// Milestones of a commitment (from a meeting's decision, or added later): their date set, and ticked off once.
// Each write records its audit entry in the same transaction; who ticked it is read back from that entry.
import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { isUuid } from "../domain/ids.js";
import type { IsoDate, Milestone } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";
import { fromIsoDate, toIsoDateOrNull } from "./mappers.js";

export interface MilestoneOf extends Milestone {
  commitmentId: string;
}

type TickOutcome =
  | { kind: "done"; milestone: MilestoneOf }
  /** Already ticked off (a double click, or someone else first): by whom and on which day. */
  | { kind: "already"; milestone: MilestoneOf; by: string | null }
  | { kind: "missing" };

type Row = { id: string; commitmentId: string; title: string; dueOn: Date | null; doneOn: Date | null };
const toMilestone = (r: Row): MilestoneOf => ({
  id: r.id,
  commitmentId: r.commitmentId,
  title: r.title,
  dueOn: toIsoDateOrNull(r.dueOn),
  doneOn: toIsoDateOrNull(r.doneOn),
});

export function createMilestonesRepo(prisma: PrismaClient) {
  return {
    async findById(id: string): Promise<MilestoneOf | null> {
      if (!isUuid(id)) return null;
      const row = await prisma.milestone.findUnique({ where: { id } });
      return row ? toMilestone(row) : null;
    },

    /**
     * Ticks the milestone off on `today` unless it already is: the conditional update lets one click of two
     * through, and only that one writes its « milestone.done » entry.
     */
    async markDone(id: string, actorId: string, today: IsoDate, at: Date): Promise<TickOutcome> {
      return prisma.$transaction(async (tx) => {
        const before = isUuid(id) ? await tx.milestone.findUnique({ where: { id } }) : null;
        if (!before) return { kind: "missing" };
        const { count } = await tx.milestone.updateMany({
          where: { id, doneOn: null },
          data: { doneOn: fromIsoDate(today) },
        });
        const row = await tx.milestone.findUniqueOrThrow({ where: { id } });
        if (count === 0) {
          const entry = await tx.auditEntry.findFirst({
            where: { action: "milestone.done", entity: "commitment", entityId: row.commitmentId },
            orderBy: { id: "desc" },
            select: { actorId: true, details: true },
          });
          const details = (entry?.details ?? {}) as Record<string, unknown>;
          return {
            kind: "already",
            milestone: toMilestone(row),
            by: details.milestoneId === id ? (entry?.actorId ?? null) : null,
          };
        }
        await recordAudit(tx, {
          at,
          actorId,
          action: "milestone.done",
          entity: "commitment",
          entityId: row.commitmentId,
          details: { milestoneId: id, title: row.title, doneOn: today, dueOn: toIsoDateOrNull(row.dueOn) },
        });
        return { kind: "done", milestone: toMilestone(row) };
      });
    },

    /** Sets (or clears) the milestone's date; audited with the date before and after. */
    async setDate(id: string, actorId: string, dueOn: IsoDate | null, at: Date): Promise<MilestoneOf | null> {
      return prisma.$transaction(async (tx) => {
        const before = isUuid(id) ? await tx.milestone.findUnique({ where: { id } }) : null;
        if (!before) return null;
        const row = await tx.milestone.update({ where: { id }, data: { dueOn: dueOn ? fromIsoDate(dueOn) : null } });
        await recordAudit(tx, {
          at,
          actorId,
          action: "milestone.date",
          entity: "commitment",
          entityId: row.commitmentId,
          details: { milestoneId: id, title: row.title, from: toIsoDateOrNull(before.dueOn), to: dueOn },
        });
        return toMilestone(row);
      });
    },
  };
}

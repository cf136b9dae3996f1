import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { Absence } from "../domain/absence.js";
import type { IsoDate } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";
import { fromIsoDate, toIsoDate } from "./mappers.js";

type Row = {
  id: string;
  userId: string;
  startsOn: Date;
  endsOn: Date;
  standInId: string | null;
  createdBy: string;
  createdAt: Date;
  endedAt: Date | null;
};

const toAbsence = (r: Row): Absence => ({ ...r, startsOn: toIsoDate(r.startsOn), endsOn: toIsoDate(r.endsOn) });

const auditDetails = (a: Absence) => ({ startsOn: a.startsOn, endsOn: a.endsOn, standInId: a.standInId });

/** Absences (« /csi absence »): one current or upcoming absence per person; ended ones are kept, with endedAt. */
export function createAbsencesRepo(prisma: PrismaClient) {
  /** Not ended and not over by `today`, earliest first. */
  const pendingOf = (userId: string, today: IsoDate) =>
    prisma.absence.findMany({
      where: { userId, endedAt: null, endsOn: { gte: fromIsoDate(today) } },
      orderBy: { startsOn: "asc" },
    });
  return {
    /** The absence in progress on `today`, else the next one declared; null when none. */
    async currentOrNext(userId: string, today: IsoDate): Promise<Absence | null> {
      const [first] = await pendingOf(userId, today);
      return first ? toAbsence(first) : null;
    },

    /**
     * Declares an absence; one still pending (in progress or to come) is replaced by it (ended, kept). With its
     * audit entry, in one transaction. `now`: the request's instant.
     */
    async declare(
      input: { userId: string; startsOn: IsoDate; endsOn: IsoDate; standInId: string | null; by: string },
      today: IsoDate,
      now: Date,
    ): Promise<{ absence: Absence; replaced: Absence | null }> {
      return prisma.$transaction(async (tx) => {
        const pending = await tx.absence.findMany({
          where: { userId: input.userId, endedAt: null, endsOn: { gte: fromIsoDate(today) } },
          orderBy: { startsOn: "asc" },
        });
        if (pending.length)
          await tx.absence.updateMany({ where: { id: { in: pending.map((p) => p.id) } }, data: { endedAt: now } });
        const row = await tx.absence.create({
          data: {
            userId: input.userId,
            startsOn: fromIsoDate(input.startsOn),
            endsOn: fromIsoDate(input.endsOn),
            standInId: input.standInId,
            createdBy: input.by,
            createdAt: now,
          },
        });
        const absence = toAbsence(row);
        const replaced = pending[0] ? toAbsence(pending[0]) : null;
        await recordAudit(tx, {
          actorId: input.by,
          action: "absence.declare",
          entity: "absence",
          entityId: absence.id,
          details: { ...auditDetails(absence), userId: absence.userId, replaced: replaced?.id ?? null },
          at: now,
        });
        return { absence, replaced };
      });
    },

    /** Ends the absence in progress (or cancels the next one): null when there was none. */
    async end(userId: string, by: string, today: IsoDate, now: Date): Promise<Absence | null> {
      return prisma.$transaction(async (tx) => {
        const [first] = await tx.absence.findMany({
          where: { userId, endedAt: null, endsOn: { gte: fromIsoDate(today) } },
          orderBy: { startsOn: "asc" },
        });
        if (!first) return null;
        const ended = { ...toAbsence(first), endedAt: now };
        await tx.absence.update({ where: { id: first.id }, data: { endedAt: now } });
        await recordAudit(tx, {
          actorId: by,
          action: "absence.end",
          entity: "absence",
          entityId: first.id,
          details: { ...auditDetails(ended), userId },
          at: now,
        });
        return ended;
      });
    },

    /** Every absence in progress on `date` (the scheduler reads them once per pass). */
    async listActiveOn(date: IsoDate): Promise<Absence[]> {
      const day = fromIsoDate(date);
      const rows = await prisma.absence.findMany({
        where: { endedAt: null, startsOn: { lte: day }, endsOn: { gte: day } },
      });
      return rows.map(toAbsence);
    },
  };
}

// What the COPIL report reads besides the figures of `/csi etat`: the updates in force of a contract's
// commitments (their last news and their indicators' values over time) and the meetings already held.
import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { ReportUpdate } from "../domain/report.js";
import type { IndicatorValue, Meeting } from "../domain/types.js";
import { meetingInclude, toMeeting } from "./meeting-rows.js";

export function createReportQueries(prisma: PrismaClient) {
  return {
    /** Every update still in force (a corrected one is replaced by its newer version) of the selection. */
    async listUpdatesInForce(contractId: string, party: string | null): Promise<ReportUpdate[]> {
      const commitment = { contractId, ...(party ? { partyCode: party } : {}) };
      const [rows, corrected] = await Promise.all([
        prisma.progressUpdate.findMany({
          where: { commitment },
          select: {
            id: true,
            commitmentId: true,
            createdAt: true,
            comment: true,
            nextStep: true,
            indicatorValues: true,
          },
          orderBy: { createdAt: "asc" },
        }),
        prisma.progressUpdate.findMany({
          where: { commitment, supersedesId: { not: null } },
          select: { supersedesId: true },
        }),
      ]);
      const replaced = new Set(corrected.map((r) => r.supersedesId));
      return rows
        .filter((r) => !replaced.has(r.id))
        .map((r) => ({
          commitmentId: r.commitmentId,
          createdAt: r.createdAt,
          comment: r.comment,
          nextStep: r.nextStep,
          indicatorValues: Array.isArray(r.indicatorValues) ? (r.indicatorValues as unknown as IndicatorValue[]) : [],
        }));
    },
    /** The latest meetings that started before `before`, most recent first, with their decisions. */
    async listPastMeetings(contractId: string, before: Date, limit: number): Promise<Meeting[]> {
      const rows = await prisma.meeting.findMany({
        where: { contractId, startsAt: { lt: before }, cancelledAt: null },
        include: meetingInclude,
        orderBy: { startsAt: "desc" },
        take: limit,
      });
      return rows.map(toMeeting);
    },
  };
}

import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { isUuid } from "../domain/ids.js";
import type { MeetingForInvitation } from "../domain/invitation-plan.js";
import type { MeetingForMail } from "../domain/mail-plan.js";
import type { MeetingForPlan } from "../domain/reminders.js";
import type { Meeting } from "../domain/types.js";
import { meetingInclude as include, toMeeting } from "./meeting-rows.js";

/**
 * The reads the scheduler plans from: meeting reminders and check-ins, e-mail invitations and Slack invitations
 * (light rows, cancelled meetings included where a cancellation is to be sent).
 */
export function createMeetingScheduleReads(prisma: PrismaClient) {
  return {
    /** Meetings starting in [from, to), light: what the scheduler plans meeting reminders and check-ins from. */
    async listForPlan(from: Date, to: Date, contractIds?: readonly string[]): Promise<MeetingForPlan[]> {
      const rows = await prisma.meeting.findMany({
        where: {
          startsAt: { gte: from, lt: to },
          cancelledAt: null,
          ...(contractIds ? { contractId: { in: [...contractIds] } } : {}),
        },
        select: {
          id: true,
          contractId: true,
          startsAt: true,
          channelId: true,
          createdAt: true,
          attendees: { select: { userId: true } },
        },
        orderBy: { startsAt: "asc" },
      });
      return rows.map((r) => ({ ...r, attendees: r.attendees.map((a) => a.userId) }));
    },
    /** Meetings not started at `now`, cancelled ones included, with their calendar revision (e-mail planning). */
    async listForMail(now: Date, contractIds?: readonly string[]): Promise<MeetingForMail[]> {
      return prisma.meeting.findMany({
        where: { startsAt: { gt: now }, ...(contractIds ? { contractId: { in: [...contractIds] } } : {}) },
        select: {
          id: true,
          contractId: true,
          kind: true,
          startsAt: true,
          createdAt: true,
          sequence: true,
          changedAt: true,
          cancelledAt: true,
        },
      });
    },
    /** Meetings not started at `now`, cancelled ones included, with attendees and revision (Slack invitations). */
    async listForInvitations(now: Date, contractIds?: readonly string[]): Promise<MeetingForInvitation[]> {
      const rows = await prisma.meeting.findMany({
        where: { startsAt: { gt: now }, ...(contractIds ? { contractId: { in: [...contractIds] } } : {}) },
        select: {
          id: true,
          contractId: true,
          startsAt: true,
          createdAt: true,
          sequence: true,
          changedAt: true,
          cancelledAt: true,
          attendees: { select: { userId: true } },
        },
      });
      return rows.map((r) => ({ ...r, attendees: r.attendees.map((a) => a.userId) }));
    },
    /** A meeting with its calendar revision and cancellation, whatever its state (an e-mail describes it). */
    async findForMail(
      id: string,
    ): Promise<(Meeting & { sequence: number; changedAt: Date | null; cancelledAt: Date | null }) | null> {
      if (!isUuid(id)) return null;
      const row = await prisma.meeting.findUnique({ where: { id }, include });
      return row
        ? { ...toMeeting(row), sequence: row.sequence, changedAt: row.changedAt, cancelledAt: row.cancelledAt }
        : null;
    },
  };
}

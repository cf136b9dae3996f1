import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { nextFreeRef } from "../domain/commitment-input.js";
import type { DecisionInput } from "../domain/decisions-input.js";
import type { IsoDate, Meeting } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";
import { fromIsoDate } from "./mappers.js";
import { meetingInclude as include, toMeeting } from "./meeting-rows.js";
import { findSubmission, lockKey } from "./submissions.js";

/**
 * Records decisions; each MILESTONE one adds a milestone to its commitment, each COMMITMENT one creates
 * a commitment with the next free ref of its party. All in one transaction, each change audited.
 */
export async function recordMeetingDecisions(
  prisma: PrismaClient,
  meetingId: string,
  decisions: DecisionInput[],
  actorId: string,
  submissionKey?: string,
): Promise<{
  meeting: Meeting;
  created: boolean;
  milestones: { ref: string; title: string; dueOn: IsoDate | null }[];
  commitments: { ref: string; title: string }[];
}> {
  return prisma.$transaction(async (tx) => {
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { contractId: true } });
    await lockKey(tx, `commitment:${meeting.contractId}`);
    const done = await findSubmission(tx, "meeting.decisions", submissionKey);
    if (done)
      return {
        meeting: toMeeting(await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include })),
        created: false,
        milestones: [],
        commitments: [],
      };
    const milestones: { ref: string; title: string; dueOn: IsoDate | null }[] = [];
    const commitments: { ref: string; title: string }[] = [];
    for (const d of decisions) {
      const decision = await tx.decision.create({
        data: { meetingId, text: d.text, outcome: d.outcome, createdBy: actorId },
      });
      if (d.outcome === "MILESTONE") {
        const target = await tx.commitment.findUniqueOrThrow({
          where: { contractId_ref: { contractId: meeting.contractId, ref: d.ref } },
          select: { id: true },
        });
        const milestone = await tx.milestone.create({
          data: {
            commitmentId: target.id,
            title: d.title,
            decisionId: decision.id,
            dueOn: d.dueOn ? fromIsoDate(d.dueOn) : null,
          },
        });
        await tx.decision.update({
          where: { id: decision.id },
          data: { milestoneId: milestone.id, commitmentId: target.id },
        });
        await recordAudit(tx, {
          actorId,
          action: "milestone.create",
          entity: "commitment",
          entityId: target.id,
          details: {
            milestoneId: milestone.id,
            title: d.title,
            dueOn: d.dueOn,
            decisionId: decision.id,
            meetingId,
          },
        });
        milestones.push({ ref: d.ref, title: d.title, dueOn: d.dueOn });
      } else if (d.outcome === "COMMITMENT") {
        const refs = await tx.commitment.findMany({
          where: { contractId: meeting.contractId },
          select: { ref: true },
        });
        const ref = nextFreeRef(
          d.party,
          refs.map((r) => r.ref),
        );
        const created = await tx.commitment.create({
          data: {
            contractId: meeting.contractId,
            ref,
            partyCode: d.party,
            title: d.title,
            note: `Décision de réunion ${meetingId}`,
          },
        });
        await tx.decision.update({ where: { id: decision.id }, data: { commitmentId: created.id } });
        await recordAudit(tx, {
          actorId,
          action: "commitment.create",
          entity: "commitment",
          entityId: created.id,
          details: { after: { ref, party: d.party, title: d.title }, decisionId: decision.id, meetingId },
        });
        commitments.push({ ref, title: d.title });
      }
    }
    await recordAudit(tx, {
      actorId,
      action: "meeting.decisions",
      entity: "meeting",
      entityId: meetingId,
      details: {
        count: decisions.length,
        texts: decisions.map((d) => d.text),
        ...(submissionKey ? { submissionKey } : {}),
      },
    });
    return {
      meeting: toMeeting(await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include })),
      created: true,
      milestones,
      commitments,
    };
  });
}

import type { Prisma, PrismaClient } from "../../prisma/generated/client/client.js";
import { isUuid } from "../domain/ids.js";
import type { Status } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";

/** An owner's request to mark a commitment DONE, decided by a coordinator. */
export type DoneDecision =
  | { kind: "confirmed"; requestedBy: string; requestedAt: Date; ref: string }
  | { kind: "rejected"; requestedBy: string; requestedAt: Date; ref: string; status: Status }
  /** Nothing pending any more: another coordinator decided, or the owner sent a newer update. */
  | { kind: "not_pending"; ref: string; status: Status }
  | { kind: "missing" };

async function decide(
  tx: Prisma.TransactionClient,
  commitmentId: string,
  coordinatorId: string,
  confirm: boolean,
): Promise<DoneDecision> {
  if (!isUuid(commitmentId)) return { kind: "missing" };
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Commitment" WHERE id = ${commitmentId}::uuid FOR UPDATE`;
  if (locked.length === 0) return { kind: "missing" };
  const c = await tx.commitment.findUniqueOrThrow({ where: { id: commitmentId } });
  if (!c.doneRequestedAt || !c.doneRequestedBy) return { kind: "not_pending", ref: c.ref, status: c.status };
  const requested = { requestedBy: c.doneRequestedBy, requestedAt: c.doneRequestedAt, ref: c.ref };
  await tx.commitment.update({
    where: { id: commitmentId },
    data: { doneRequestedAt: null, doneRequestedBy: null, ...(confirm ? { status: "DONE" } : {}) },
  });
  await recordAudit(tx, {
    actorId: coordinatorId,
    action: confirm ? "commitment.done_confirmed" : "commitment.done_rejected",
    entity: "commitment",
    entityId: commitmentId,
    details: {
      requestedBy: c.doneRequestedBy,
      requestedAt: c.doneRequestedAt.toISOString(),
      from: c.status,
      to: confirm ? "DONE" : c.status,
    },
  });
  return confirm ? { kind: "confirmed", ...requested } : { kind: "rejected", ...requested, status: c.status };
}

export function createDoneRequestsRepo(prisma: PrismaClient) {
  return {
    /** Sets the status to DONE, once: a second click (or a second coordinator) finds nothing pending. */
    confirm: (commitmentId: string, coordinatorId: string) =>
      prisma.$transaction((tx) => decide(tx, commitmentId, coordinatorId, true)),
    /** Withdraws the request; the status the commitment had stays. */
    reject: (commitmentId: string, coordinatorId: string) =>
      prisma.$transaction((tx) => decide(tx, commitmentId, coordinatorId, false)),
  };
}
export type DoneRequestsRepo = ReturnType<typeof createDoneRequestsRepo>;

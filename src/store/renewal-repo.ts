// Renewal (`/csi contrat renouveler`), in one transaction: the next contract (parties, zone, channels, settings and
// roles of the ending one), the carried commitments (new refs, owners, followers, indicators, open milestones, each
// pointing at the commitment it carries over), the ending contract closed, every step audited.
import type { Prisma, PrismaClient } from "../../prisma/generated/client/client.js";
import { commitmentSnapshot as snapshot } from "../domain/commitment-snapshot.js";
import type { ContractInput } from "../domain/contract-input.js";
import type { ClosedContract } from "../domain/renewal.js";
import { recordAudit, recordAudits } from "./audit-repo.js";
import { commitmentInclude, toCommitment } from "./commitments-repo.js";
import { ContractRefTakenError, contractRefTaken } from "./contract-admin-repo.js";
import { fromIsoDate } from "./mappers.js";
import { findSubmission, lockKey } from "./submissions.js";

/** The contract was renewed already (by someone else, or by this very form submitted twice: see `same`). */
export class AlreadyRenewedError extends Error {
  constructor(readonly successor: { id: string; ref: string; title: string } | null) {
    super("Contract already renewed");
    this.name = "AlreadyRenewedError";
  }
}

interface RenewInput {
  contractId: string;
  next: ContractInput;
  /** Old commitment id → its ref in the new contract. */
  carried: ReadonlyMap<string, string>;
  actorId: string;
  at: Date;
  submissionKey?: string;
}

type Tx = Prisma.TransactionClient;

async function successorOf(tx: Tx, successorId: string | null) {
  if (!successorId) return null;
  return tx.contract.findUnique({ where: { id: successorId }, select: { id: true, ref: true, title: true } });
}

/** `changed`: called once a contract is closed (the contracts repository forgets what it kept). */
export function createRenewalRepo(prisma: PrismaClient, changed: () => void = () => {}) {
  return {
    /** The new contract's id; throws AlreadyRenewedError (`duplicate` when this submission did it) or ContractRefTakenError. */
    async renew(input: RenewInput): Promise<{ id: string; duplicate: boolean }> {
      const made = await prisma.$transaction(async (tx) => {
        await lockKey(tx, `contract-renew:${input.contractId}`);
        const old = await tx.contract.findUniqueOrThrow({
          where: { id: input.contractId },
          include: { parties: true, roles: true },
        });
        if (await findSubmission(tx, "contract.renew", input.submissionKey)) {
          if (old.successorId) return { id: old.successorId, duplicate: true };
        }
        if (old.successorId || old.closedAt) throw new AlreadyRenewedError(await successorOf(tx, old.successorId));
        if (await contractRefTaken(tx, input.next.ref, old.teamId)) throw new ContractRefTakenError(input.next.ref);
        const roles = new Map(old.roles.map((r) => [r.userId, r.role]));
        roles.set(input.actorId, "COORDINATOR");
        const next = await tx.contract.create({
          data: {
            ref: input.next.ref,
            teamId: old.teamId,
            title: input.next.title,
            signedOn: fromIsoDate(input.next.signedOn),
            endsOn: fromIsoDate(input.next.endsOn),
            timezone: old.timezone,
            channelId: old.channelId,
            digestChannelId: old.digestChannelId,
            digestWeekday: old.digestWeekday,
            digestTime: old.digestTime,
            reminderHour: old.reminderHour,
            parties: {
              create: old.parties.map((p) => ({
                code: p.code,
                label: p.label,
                signatory: p.signatory,
                position: p.position,
              })),
            },
            roles: {
              create: [...roles].map(([userId, role]) => ({ userId, role, grantedBy: input.actorId })),
            },
          },
          select: { id: true, ref: true },
        });
        const olds = await tx.commitment.findMany({
          where: { contractId: old.id, id: { in: [...input.carried.keys()] } },
          include: commitmentInclude,
          orderBy: { ref: "asc" },
        });
        const audits: Parameters<typeof recordAudits>[1][number][] = [];
        for (const o of olds) {
          const ref = input.carried.get(o.id);
          if (!ref) continue;
          const row = await tx.commitment.create({
            data: {
              contractId: next.id,
              ref,
              carriedFromId: o.id,
              partyCode: o.partyCode,
              title: o.title,
              description: o.description,
              strand: o.strand,
              leadService: o.leadService,
              partners: o.partners,
              territory: o.territory,
              funding: o.funding,
              note: o.note,
              startOn: o.startOn,
              dueOn: o.dueOn,
              status: o.status,
              progress: o.progress,
              owners: { create: o.owners.map((w) => ({ userId: w.userId })) },
              followers: { create: o.followers.map((f) => ({ userId: f.userId })) },
              indicators: {
                create: o.indicators.map((i) => ({
                  position: i.position,
                  label: i.label,
                  unit: i.unit,
                  baseline: i.baseline,
                  baselineOn: i.baselineOn,
                  target: i.target,
                  current: i.current,
                  measuredOn: i.measuredOn,
                  source: i.source,
                })),
              },
              milestones: {
                create: o.milestones.filter((m) => !m.doneOn).map((m) => ({ title: m.title, dueOn: m.dueOn })),
              },
            },
            include: commitmentInclude,
          });
          audits.push({
            actorId: input.actorId,
            action: "commitment.create",
            entity: "commitment",
            entityId: row.id,
            at: input.at,
            details: { after: snapshot(toCommitment(row)), carriedFrom: { contract: old.ref, ref: o.ref, id: o.id } },
          });
        }
        // Who had chosen the ending contract (`/csi contrat REF`) now follows the next one.
        await tx.contractChoice.updateMany({ where: { contractId: old.id }, data: { contractId: next.id } });
        await tx.contract.update({
          where: { id: old.id },
          data: { closedAt: input.at, closedBy: input.actorId, successorId: next.id },
        });
        await recordAudit(tx, {
          actorId: input.actorId,
          action: "contract.create",
          entity: "contract",
          entityId: next.id,
          at: input.at,
          details: {
            ref: next.ref,
            title: input.next.title,
            parties: old.parties.map((p) => p.code),
            renews: old.ref,
          },
        });
        await recordAudit(tx, {
          actorId: input.actorId,
          action: "contract.renew",
          entity: "contract",
          entityId: old.id,
          at: input.at,
          details: {
            ref: old.ref,
            successor: next.ref,
            carried: olds.map((o) => ({ from: o.ref, to: input.carried.get(o.id) })),
            ...(input.submissionKey ? { submissionKey: input.submissionKey } : {}),
          },
        });
        if (audits.length) await recordAudits(tx, audits);
        return { id: next.id, duplicate: false };
      });
      changed();
      return made;
    },

    /** The contract the renewal form `submissionKey` made from contract `id`, if that form was submitted already. */
    async madeBy(id: string, submissionKey: string | undefined): Promise<string | null> {
      const hit = await findSubmission(prisma, "contract.renew", submissionKey);
      if (hit?.entityId !== id) return null;
      return (await prisma.contract.findUnique({ where: { id }, select: { successorId: true } }))?.successorId ?? null;
    },

    /** Whether contract `id` is closed, and which contract follows it: what every refused write names. */
    async closure(id: string): Promise<ClosedContract | null> {
      const row = await prisma.contract.findUnique({
        where: { id },
        select: { ref: true, title: true, closedAt: true, successorId: true },
      });
      if (!row?.closedAt) return null;
      const successor = row.successorId
        ? await prisma.contract.findUnique({ where: { id: row.successorId }, select: { ref: true, title: true } })
        : null;
      return { ref: row.ref, title: row.title, successor };
    },

    /** The commitment `id` carries over (previous contract) and the one carrying it over (next contract). */
    async linksOf(id: string): Promise<{
      from: { contractRef: string; ref: string } | null;
      to: { contractRef: string; ref: string } | null;
    }> {
      const [self, next] = await Promise.all([
        prisma.commitment.findUnique({ where: { id }, select: { carriedFromId: true } }),
        prisma.commitment.findUnique({
          where: { carriedFromId: id },
          select: { ref: true, contract: { select: { ref: true } } },
        }),
      ]);
      const prev = self?.carriedFromId
        ? await prisma.commitment.findUnique({
            where: { id: self.carriedFromId },
            select: { ref: true, contract: { select: { ref: true } } },
          })
        : null;
      return {
        from: prev ? { contractRef: prev.contract.ref, ref: prev.ref } : null,
        to: next ? { contractRef: next.contract.ref, ref: next.ref } : null,
      };
    },
  };
}

// E-mail recipients outside Slack (`/csi destinataires`): one row per contract and address, every change
// audited in the same transaction. The audit keeps the address the coordinator typed (the record of who was
// sent what), never the logs.
import { Prisma, type PrismaClient } from "../../prisma/generated/client/client.js";
import { isUuid } from "../domain/ids.js";
import type { MailKind, RecipientChanges, RecipientInput } from "../domain/recipient-input.js";
import { recordAudit } from "./audit-repo.js";

export interface MailRecipient {
  id: string;
  contractId: string;
  name: string;
  address: string;
  organisation: string | null;
  partyCode: string | null;
  receives: Record<MailKind, boolean>;
  createdBy: string;
  createdAt: Date;
}

type Row = Prisma.MailRecipientGetPayload<object>;

const toRecipient = (r: Row): MailRecipient => ({
  id: r.id,
  contractId: r.contractId,
  name: r.name,
  address: r.address,
  organisation: r.organisation,
  partyCode: r.partyCode,
  receives: { digest: r.digest, report: r.report, meetings: r.meetings },
  createdBy: r.createdBy,
  createdAt: r.createdAt,
});

const kindsOf = (r: Record<MailKind, boolean>): MailKind[] =>
  (["digest", "report", "meetings"] as const).filter((k) => r[k]);

export function createMailRecipientsRepo(prisma: PrismaClient) {
  return {
    /** A contract's recipients, by organisation then name. */
    async list(contractId: string): Promise<MailRecipient[]> {
      const rows = await prisma.mailRecipient.findMany({
        where: { contractId },
        orderBy: [{ organisation: "asc" }, { name: "asc" }, { address: "asc" }],
      });
      return rows.map(toRecipient);
    },
    /** Every contract's recipients (the scheduler's view). */
    async listAll(): Promise<MailRecipient[]> {
      const rows = await prisma.mailRecipient.findMany({ orderBy: { createdAt: "asc" } });
      return rows.map(toRecipient);
    },
    async findById(id: string): Promise<MailRecipient | null> {
      if (!isUuid(id)) return null;
      const row = await prisma.mailRecipient.findUnique({ where: { id } });
      return row ? toRecipient(row) : null;
    },
    /** Adds a recipient; `duplicate` (with the one already there) when the contract already has this address. */
    async add(
      contractId: string,
      input: RecipientInput & { partyCode: string | null },
      actorId: string,
      now: Date,
    ): Promise<{ ok: true; recipient: MailRecipient } | { ok: false; duplicate: MailRecipient }> {
      try {
        return await prisma.$transaction(async (tx) => {
          const row = await tx.mailRecipient.create({
            data: {
              contractId,
              name: input.name,
              address: input.address,
              organisation: input.organisation,
              partyCode: input.partyCode,
              digest: input.receives.digest,
              report: input.receives.report,
              meetings: input.receives.meetings,
              createdBy: actorId,
              createdAt: now,
            },
          });
          await recordAudit(tx, {
            actorId,
            action: "recipient.add",
            entity: "mail_recipient",
            entityId: row.id,
            at: now,
            details: {
              contractId,
              name: input.name,
              address: input.address,
              organisation: input.organisation,
              receives: kindsOf(input.receives),
            },
          });
          return { ok: true as const, recipient: toRecipient(row) };
        });
      } catch (error) {
        if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
        const there = await prisma.mailRecipient.findUnique({
          where: { contractId_address: { contractId, address: input.address } },
        });
        if (!there) throw error;
        return { ok: false, duplicate: toRecipient(there) };
      }
    },
    /**
     * Changes a recipient of the contract in place (same id: deliveries already recorded stay theirs), audited
     * with each changed field before → after. `not_found` when the contract has no such recipient any more,
     * `duplicate` when the new address is another recipient's.
     */
    async update(
      contractId: string,
      id: string,
      changes: RecipientChanges,
      actorId: string,
      now: Date,
    ): Promise<
      | { ok: true; recipient: MailRecipient; changed: string[] }
      | { ok: false; reason: "not_found" }
      | { ok: false; reason: "duplicate"; duplicate: MailRecipient }
    > {
      if (!isUuid(id)) return { ok: false, reason: "not_found" };
      try {
        return await prisma.$transaction(async (tx) => {
          const row = await tx.mailRecipient.findFirst({ where: { id, contractId } });
          if (!row) return { ok: false as const, reason: "not_found" as const };
          const before = toRecipient(row);
          const updated = await tx.mailRecipient.update({
            where: { id },
            data: {
              ...(changes.name !== undefined ? { name: changes.name } : {}),
              ...(changes.address !== undefined ? { address: changes.address } : {}),
              ...(changes.organisation !== undefined ? { organisation: changes.organisation } : {}),
              ...(changes.partyCode !== undefined ? { partyCode: changes.partyCode } : {}),
              ...(changes.receives ?? {}),
            },
          });
          const after = toRecipient(updated);
          const changed: Record<string, { from: unknown; to: unknown }> = {};
          const compare = (field: string, from: unknown, to: unknown) => {
            if (JSON.stringify(from) !== JSON.stringify(to)) changed[field] = { from, to };
          };
          compare("name", before.name, after.name);
          compare("address", before.address, after.address);
          compare("organisation", before.organisation, after.organisation);
          compare("party", before.partyCode, after.partyCode);
          compare("receives", kindsOf(before.receives), kindsOf(after.receives));
          if (Object.keys(changed).length === 0) return { ok: true as const, recipient: after, changed: [] };
          await recordAudit(tx, {
            actorId,
            action: "recipient.edit",
            entity: "mail_recipient",
            entityId: id,
            at: now,
            details: { contractId, name: after.name, organisation: after.organisation, changed },
          });
          return { ok: true as const, recipient: after, changed: Object.keys(changed) };
        });
      } catch (error) {
        if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002" || !changes.address)
          throw error;
        const there = await prisma.mailRecipient.findUnique({
          where: { contractId_address: { contractId, address: changes.address } },
        });
        if (!there) throw error;
        return { ok: false, reason: "duplicate", duplicate: toRecipient(there) };
      }
    },
    /** Removes the recipient with this address; null when the contract has none such. */
    async remove(contractId: string, address: string, actorId: string, now: Date): Promise<MailRecipient | null> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.mailRecipient.findUnique({ where: { contractId_address: { contractId, address } } });
        if (!row) return null;
        await tx.mailRecipient.delete({ where: { id: row.id } });
        await recordAudit(tx, {
          actorId,
          action: "recipient.remove",
          entity: "mail_recipient",
          entityId: row.id,
          at: now,
          details: { contractId, name: row.name, address: row.address, organisation: row.organisation },
        });
        return toRecipient(row);
      });
    },
  };
}

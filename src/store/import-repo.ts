// `/csi import` in two steps: the checked plan is kept as a draft while its coordinator reads the preview, then
// applied on « Confirmer » in one transaction — every commitment added and changed, or none. A commitment changed
// by someone else since the preview, or a ref taken since, refuses the whole import.
import type { Prisma, PrismaClient } from "../../prisma/generated/client/client.js";
import type { CommitmentInput } from "../domain/commitment-input.js";
import { importFingerprint, commitmentSnapshot as snapshot } from "../domain/commitment-snapshot.js";
import { isUuid } from "../domain/ids.js";
import type { Commitment, IsoDate } from "../domain/types.js";
import { recordAudits } from "./audit-repo.js";
import { applyEdit, insertCommitments, isUniqueViolation, RefTakenError } from "./commitment-admin-repo.js";
import { commitmentInclude, toCommitment } from "./commitments-repo.js";
import { fromIsoDate } from "./mappers.js";
import { lockKey } from "./submissions.js";

type Tx = Prisma.TransactionClient;

/** What the draft keeps of each row: enough to write it, and the state of a changed commitment when previewed. */
export type DraftRow =
  | { kind: "add"; input: CommitmentInput; currents: (number | null)[] }
  | { kind: "modify"; id: string; fingerprint: string; input: CommitmentInput; currents: (number | null)[] };

interface ImportDraft {
  id: string;
  contractId: string;
  actorId: string;
  rows: DraftRow[];
  ignoredColumns: string[];
  appliedAt: Date | null;
}

/** Some commitments changed since the preview: their refs. */
export class StaleImportError extends Error {
  constructor(readonly refs: string[]) {
    super(`Commitments changed since the import preview: ${refs.join(", ")}`);
    this.name = "StaleImportError";
  }
}

/** Sets the typed current values (null: unchanged) of `commitment`'s indicators, in input order, measured today. */
async function setCurrents(tx: Tx, commitment: Commitment, currents: readonly (number | null)[], today: IsoDate) {
  for (const [i, value] of currents.entries()) {
    const indicator = commitment.indicators[i];
    if (value === null || !indicator || indicator.current === value) continue;
    await tx.indicator.update({
      where: { id: indicator.id },
      data: { current: value, measuredOn: fromIsoDate(today) },
    });
  }
}

const reread = async (tx: Tx, ids: string[]) =>
  (await tx.commitment.findMany({ where: { id: { in: ids } }, include: commitmentInclude })).map(toCommitment);

export function createImportRepo(prisma: PrismaClient) {
  return {
    async saveDraft(
      contractId: string,
      actorId: string,
      draft: { rows: DraftRow[]; ignoredColumns: string[] },
    ): Promise<string> {
      const row = await prisma.importDraft.create({
        data: { contractId, actorId, plan: draft as unknown as Prisma.InputJsonObject },
        select: { id: true },
      });
      return row.id;
    },

    async findDraft(id: string): Promise<ImportDraft | null> {
      if (!isUuid(id)) return null;
      const row = await prisma.importDraft.findUnique({ where: { id } });
      if (!row) return null;
      const plan = row.plan as unknown as { rows: DraftRow[]; ignoredColumns: string[] };
      return { ...row, rows: plan.rows, ignoredColumns: plan.ignoredColumns };
    },

    /**
     * Writes the draft: the changed commitments audited each as a `commitment.edit` by the importer, the added ones
     * as `commitment.create`, one `commitment.import` for the whole. A draft already applied writes nothing again.
     */
    async applyDraft(
      draftId: string,
      actorId: string,
      today: IsoDate,
    ): Promise<{
      applied: boolean;
      added: Commitment[];
      modified: Commitment[];
      /** Per commitment, the owners the import named who were not owners before (all of an added one's). */
      newOwners: { commitmentId: string; userIds: string[] }[];
    }> {
      try {
        return await prisma.$transaction(async (tx) => {
          await lockKey(tx, `import:${draftId}`);
          const draftRow = await tx.importDraft.findUniqueOrThrow({ where: { id: draftId } });
          if (draftRow.appliedAt) return { applied: false, added: [], modified: [], newOwners: [] };
          const contractId = draftRow.contractId;
          await lockKey(tx, `commitment:${contractId}`);
          const draft = draftRow.plan as unknown as { rows: DraftRow[] };
          const adds = draft.rows.filter((r) => r.kind === "add");
          const edits = draft.rows.filter((r) => r.kind === "modify");
          for (const e of edits) await lockKey(tx, `commitment-edit:${e.id}`);
          const current = new Map(
            (
              await reread(
                tx,
                edits.map((e) => e.id),
              )
            ).map((c) => [c.id, c]),
          );
          const stale = edits.filter((e) => {
            const c = current.get(e.id);
            return !c || c.contractId !== contractId || importFingerprint(c) !== e.fingerprint;
          });
          if (stale.length) throw new StaleImportError(stale.map((e) => current.get(e.id)?.ref ?? e.input.ref));
          const taken = await tx.commitment.findFirst({
            where: { contractId, ref: { in: adds.map((a) => a.input.ref) } },
            select: { ref: true },
          });
          if (taken) throw new RefTakenError(taken.ref);

          const audits: { before: Commitment; keptIndicators: string[]; id: string }[] = [];
          const modifiedIds: string[] = [];
          for (const e of edits) {
            const before = current.get(e.id);
            if (!before) continue;
            const { commitment, keptIndicators } = await applyEdit(tx, before, e.input);
            await setCurrents(tx, commitment, e.currents, today);
            modifiedIds.push(e.id);
            audits.push({ before, keptIndicators, id: e.id });
          }
          const inserted = await insertCommitments(
            tx,
            contractId,
            adds.map((a) => a.input),
          );
          for (const [i, c] of inserted.entries()) await setCurrents(tx, c, adds[i]?.currents ?? [], today);
          const byId = new Map(
            (await reread(tx, [...modifiedIds, ...inserted.map((c) => c.id)])).map((c) => [c.id, c]),
          );
          const after = (id: string) => {
            const c = byId.get(id);
            if (!c) throw new Error(`Commitment ${id} vanished inside its import`);
            return c;
          };
          const modified = modifiedIds.map(after);
          const added = inserted.map((c) => after(c.id));
          const measuredAfter = (c: Commitment) => ({
            ...snapshot(c),
            currents: c.indicators.map((i) => i.current),
          });
          await recordAudits(tx, [
            ...audits.map((a) => ({
              actorId,
              action: "commitment.edit",
              entity: "commitment",
              entityId: a.id,
              details: {
                before: measuredAfter(a.before),
                after: measuredAfter(after(a.id)),
                keptIndicators: a.keptIndicators,
                imported: true,
                submissionKey: draftId,
              },
            })),
            ...added.map((c) => ({
              actorId,
              action: "commitment.create",
              entity: "commitment",
              entityId: c.id,
              details: { after: measuredAfter(c), imported: true, submissionKey: draftId },
            })),
            {
              actorId,
              action: "commitment.import",
              entity: "contract",
              entityId: contractId,
              details: {
                refs: added.map((c) => c.ref),
                modified: modified.map((c) => c.ref),
                submissionKey: draftId,
              },
            },
          ]);
          await tx.importDraft.update({ where: { id: draftId }, data: { appliedAt: new Date() } });
          const newOwners = [
            ...added.map((c) => ({ commitmentId: c.id, userIds: c.owners })),
            ...audits.map((a) => ({
              commitmentId: a.id,
              userIds: after(a.id).owners.filter((u) => !a.before.owners.includes(u)),
            })),
          ].filter((n) => n.userIds.length > 0);
          return { applied: true, added, modified, newOwners };
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new RefTakenError("?");
        throw e;
      }
    },
  };
}

import { readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../../prisma/generated/client/client.js";
import { STATUSES } from "../domain/types.js";
import { recordAudit } from "./audit-repo.js";
import { fromIsoDate, fromIsoDateOrNull } from "./mappers.js";
import { PRISMA_DIR } from "./migrations.js";

export const CHAMBERY_SEED_PATH = path.join(PRISMA_DIR, "seed", "chambery-csi.json");

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const seedSchema = z.object({
  contract: z.object({
    ref: z.string().min(1),
    title: z.string().min(1),
    signedOn: isoDate,
    endsOn: isoDate,
    timezone: z.string().default("Europe/Paris"),
    signatories: z.array(z.object({ party: z.string().min(1), label: z.string(), signatory: z.string() })).min(1),
  }),
  commitments: z.array(
    z.object({
      ref: z.string().min(1),
      party: z.string().min(1),
      title: z.string().min(1),
      description: z.string().optional(),
      note: z.string().optional(),
      dueOn: isoDate.optional(),
      indicators: z
        .array(
          z.object({
            label: z.string().min(1),
            unit: z.string().optional(),
            baseline: z.number().optional(),
            baselineOn: isoDate.optional(),
            target: z.number().optional(),
            current: z.number().optional(),
            measuredOn: isoDate.optional(),
            source: z.string().optional(),
          }),
        )
        .default([]),
      /** Where the commitment stood when the contract was loaded, from a source named in its history. */
      situation: z
        .object({
          status: z.enum(STATUSES),
          progress: z.number().int().min(0).max(100),
          asOf: isoDate,
          source: z.string().min(1),
        })
        .optional(),
    }),
  ),
});
type ContractSeed = z.infer<typeof seedSchema>;

export async function readContractSeed(file = CHAMBERY_SEED_PATH): Promise<ContractSeed> {
  return seedSchema.parse(JSON.parse(await readFile(file, "utf8")));
}

/**
 * Creates the contract with its parties, commitments and indicators, once. A contract that already exists
 * is left exactly as it is: restarting never duplicates nor alters what users have changed since.
 */
export async function seedContract(
  prisma: PrismaClient,
  seed: ContractSeed,
): Promise<{ created: boolean; commitments: number }> {
  const existing = await prisma.contract.findFirst({ where: { ref: seed.contract.ref }, select: { id: true } });
  if (existing) return { created: false, commitments: 0 };
  const c = seed.contract;
  try {
    await prisma.$transaction(async (tx) => {
      const contract = await tx.contract.create({
        data: {
          ref: c.ref,
          title: c.title,
          signedOn: fromIsoDate(c.signedOn),
          endsOn: fromIsoDate(c.endsOn),
          timezone: c.timezone,
          parties: {
            create: c.signatories.map((s, position) => ({
              code: s.party,
              label: s.label,
              signatory: s.signatory,
              position,
            })),
          },
        },
      });
      for (const item of seed.commitments) {
        const row = await tx.commitment.create({
          data: {
            contractId: contract.id,
            ref: item.ref,
            partyCode: item.party,
            title: item.title,
            description: item.description ?? null,
            note: item.note ?? null,
            // The sources set every commitment until the end of the municipal term, i.e. the contract's end.
            dueOn: fromIsoDate(item.dueOn ?? c.endsOn),
            indicators: {
              create: item.indicators.map((i, position) => ({
                position,
                label: i.label,
                unit: i.unit ?? null,
                baseline: i.baseline ?? null,
                baselineOn: fromIsoDateOrNull(i.baselineOn),
                target: i.target ?? null,
                current: i.current ?? null,
                measuredOn: fromIsoDateOrNull(i.measuredOn),
                source: i.source ?? null,
              })),
            },
          },
        });
        if (item.situation) await recordInitialSituation(tx, row.id, item.situation, c.timezone);
      }
      await recordAudit(tx, {
        actorId: "system:seed",
        action: "contract.seed",
        entity: "contract",
        entityId: contract.id,
        details: { ref: c.ref, commitments: seed.commitments.length },
      });
    });
  } catch (error) {
    // Another instance seeded the same contract at the same moment: theirs stands.
    if (error instanceof Error && "code" in error && error.code === "P2002") return { created: false, commitments: 0 };
    throw error;
  }
  return { created: true, commitments: seed.commitments.length };
}

/**
 * The situation the sources give for a commitment becomes the first entry of its history, authored by Vigie
 * and naming its source, dated the day the source says (noon, in the contract's time zone).
 */
async function recordInitialSituation(
  tx: Prisma.TransactionClient,
  commitmentId: string,
  s: NonNullable<ContractSeed["commitments"][number]["situation"]>,
  timezone: string,
): Promise<void> {
  const at = DateTime.fromISO(s.asOf, { zone: timezone }).set({ hour: 12 }).toJSDate();
  await tx.progressUpdate.create({
    data: {
      commitmentId,
      authorId: "system:seed",
      createdAt: at,
      status: s.status,
      progress: s.progress,
      comment: `Situation initiale, d'après la source : ${s.source}.`,
    },
  });
  await tx.commitment.update({
    where: { id: commitmentId },
    data: { status: s.status, progress: s.progress, lastUpdateAt: at },
  });
}

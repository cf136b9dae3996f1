import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type { Contract } from "../domain/types.js";
import { toIsoDate } from "./mappers.js";

const include = { parties: { orderBy: { position: "asc" as const } } };

export function createContractsRepo(prisma: PrismaClient) {
  const toContract = (row: NonNullable<Awaited<ReturnType<typeof prisma.contract.findFirst<{ include: typeof include }>>>>): Contract => ({
    id: row.id,
    ref: row.ref,
    title: row.title,
    signedOn: toIsoDate(row.signedOn),
    endsOn: toIsoDate(row.endsOn),
    timezone: row.timezone,
    parties: row.parties.map((p) => ({ code: p.code, label: p.label, signatory: p.signatory })),
  });
  return {
    async list(): Promise<Contract[]> {
      const rows = await prisma.contract.findMany({ include, orderBy: { createdAt: "asc" } });
      return rows.map(toContract);
    },
    async findByRef(ref: string): Promise<Contract | null> {
      const row = await prisma.contract.findUnique({ where: { ref }, include });
      return row ? toContract(row) : null;
    },
    /** The contract a workspace follows by default: the first one seeded. */
    async findDefault(): Promise<Contract | null> {
      const row = await prisma.contract.findFirst({ include, orderBy: { createdAt: "asc" } });
      return row ? toContract(row) : null;
    },
  };
}
export type ContractsRepo = ReturnType<typeof createContractsRepo>;

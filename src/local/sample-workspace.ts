import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { recordAudit } from "../store/audit-repo.js";

export interface SampleUser {
  id: string;
  handle: string;
  name: string;
  title: string;
  role: "COORDINATOR" | "MEMBER" | null;
  owns: string[];
}

/** The people of the local demonstration: fictitious, with the roles a real CSI has. */
export const SAMPLE_USERS: SampleUser[] = [
  {
    id: "U0CAMILLE",
    handle: "camille",
    name: "Camille Roux",
    title: "coordonnatrice du CLSPD",
    role: "COORDINATOR",
    owns: [],
  },
  {
    id: "U0MARC",
    handle: "marc",
    name: "Marc Lefèvre",
    title: "commissaire, police nationale",
    role: null,
    owns: ["ETAT-01", "ETAT-03", "ETAT-08"],
  },
  {
    id: "U0SOPHIE",
    handle: "sophie",
    name: "Sophie Martin",
    title: "cheffe de la police municipale",
    role: null,
    owns: ["VILLE-02", "VILLE-04"],
  },
  {
    id: "U0JULIEN",
    handle: "julien",
    name: "Julien Bernard",
    title: "substitut du procureur",
    role: null,
    owns: ["PARQUET-01", "PARQUET-02"],
  },
  {
    id: "U0PIERRE",
    handle: "pierre",
    name: "Pierre Durand",
    title: "membre du comité de pilotage",
    role: "MEMBER",
    owns: [],
  },
];

/**
 * Gives the sample people their roles and commitments, once: a commitment that already has owners, or a
 * person who already has a role, is left as it is (what was done in an earlier session stays).
 */
export async function prepareSampleWorkspace(prisma: PrismaClient, users = SAMPLE_USERS): Promise<void> {
  for (const u of users) {
    if (u.role && !(await prisma.roleAssignment.findUnique({ where: { userId: u.id } }))) {
      await prisma.$transaction(async (tx) => {
        await tx.roleAssignment.create({ data: { userId: u.id, role: u.role!, grantedBy: "system:local" } });
        await recordAudit(tx, {
          actorId: "system:local",
          action: "role.assign",
          entity: "role",
          entityId: u.id,
          details: { from: null, to: u.role },
        });
      });
    }
    for (const ref of u.owns) {
      const commitment = await prisma.commitment.findFirst({ where: { ref }, include: { owners: true } });
      if (!commitment || commitment.owners.length > 0) continue;
      await prisma.$transaction(async (tx) => {
        await tx.commitmentOwner.create({ data: { commitmentId: commitment.id, userId: u.id } });
        await recordAudit(tx, {
          actorId: "system:local",
          action: "commitment.owners",
          entity: "commitment",
          entityId: commitment.id,
          details: { added: [u.id] },
        });
      });
    }
  }
}

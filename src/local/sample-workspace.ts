import { DateTime } from "luxon";
import type { PrismaClient } from "../../prisma/generated/client/client.js";
import { addDays, addWorkingDays } from "../domain/calendar.js";
import type { IsoDate } from "../domain/types.js";
import { recordAudit } from "../store/audit-repo.js";
import { fromIsoDate } from "../store/mappers.js";
import type { Store } from "../store/store.js";
import { SAMPLE_MEETINGS, SAMPLE_STORY } from "./sample-story.js";

export interface SampleUser {
  id: string;
  handle: string;
  name: string;
  title: string;
  role: "COORDINATOR" | "MEMBER" | null;
  owns: string[];
}

/** The people of the local demonstration: fictitious, with the roles a real CSI has; every commitment has an owner. */
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
    owns: ["ETAT-01", "ETAT-03", "ETAT-05", "ETAT-08"],
  },
  {
    id: "U0NADIA",
    handle: "nadia",
    name: "Nadia Benali",
    title: "déléguée du préfet, politique de la ville",
    role: null,
    owns: ["ETAT-02", "ETAT-04", "ETAT-06", "ETAT-07"],
  },
  {
    id: "U0SOPHIE",
    handle: "sophie",
    name: "Sophie Martin",
    title: "cheffe de la police municipale",
    role: null,
    owns: ["VILLE-02", "VILLE-04", "VILLE-06"],
  },
  {
    id: "U0LEA",
    handle: "lea",
    name: "Léa Girard",
    title: "directrice de la prévention, Ville de Chambéry",
    role: null,
    owns: ["VILLE-01", "VILLE-03", "VILLE-05"],
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

export interface SampleChannel {
  id: string;
  name: string;
}

/** The channels of the local demonstration: where commands are typed, the digest, a GLTD's private channel. */
export const SAMPLE_CHANNELS: SampleChannel[] = [
  { id: "C0COPIL", name: "copil-csi" },
  { id: "C0DIGEST", name: "csi-suivi" },
  { id: "G0GLTD", name: "gltd-hauts-de-chambery" },
];

const SAMPLE_ACTOR = "system:local";

/**
 * Prepares the demonstration once, on a database just seeded: roles, owners, due dates, the updates that
 * brought each commitment where it stands, two meetings. A database where the story was already told (or
 * where anyone has already recorded an update or scheduled a meeting) is left exactly as it is.
 */
export async function prepareSampleWorkspace(
  prisma: PrismaClient,
  store: Store,
  now: Date,
  timezone: string,
  users = SAMPLE_USERS,
): Promise<{ prepared: boolean }> {
  const contract = await store.contracts.findDefault();
  if (!contract) return { prepared: false };
  const told = await prisma.auditEntry.findFirst({ where: { action: "local.sample", actorId: SAMPLE_ACTOR } });
  // Updates by people (not the seed's situations from the sources) or meetings: someone has used this database.
  const used =
    (await prisma.progressUpdate.count({ where: { NOT: { authorId: { startsWith: "system:" } } } })) > 0 ||
    (await prisma.meeting.count()) > 0;
  if (told || used) return { prepared: false };
  const today = DateTime.fromJSDate(now, { zone: timezone }).toFormat("yyyy-LL-dd");
  await giveRolesAndCommitments(prisma, contract.id, users);
  for (const story of SAMPLE_STORY) {
    const c = await store.commitments.findByRef(contract.id, story.ref);
    if (!c) continue;
    if (story.dueInDays !== undefined) await moveDueDate(prisma, c.id, addDays(today, story.dueInDays));
    for (const [i, u] of story.updates.entries()) {
      const at = DateTime.fromJSDate(now, { zone: timezone }).minus({ days: u.daysAgo }).set({ hour: 10, minute: 0 });
      const byLabel = new Map(c.indicators.map((ind) => [ind.label, ind.id]));
      await store.updates.append({
        commitmentId: c.id,
        authorId: c.owners[0] ?? users.find((x) => x.owns.includes(story.ref))?.id ?? SAMPLE_ACTOR,
        submissionKey: `local-sample:${story.ref}:${i}`,
        at: at.toJSDate(),
        today: at.toFormat("yyyy-LL-dd"),
        draft: {
          status: u.status,
          progress: u.progress,
          indicatorValues: Object.entries(u.indicators ?? {}).flatMap(([label, value]) => {
            const indicatorId = byLabel.get(label);
            return indicatorId ? [{ indicatorId, value }] : [];
          }),
          comment: u.comment,
          nextStep: u.nextStep ?? null,
          nextStepOn: null,
          blockers: u.blockers ?? null,
          evidenceUrl: null,
          evidence: u.evidence ?? null,
        },
      });
    }
  }
  for (const m of SAMPLE_MEETINGS) {
    const day = addWorkingDays(today, m.inWorkingDays);
    const startsAt = DateTime.fromISO(`${day}T${m.time}`, { zone: timezone }).toUTC().toJSDate();
    await store.meetings.create(
      contract.id,
      {
        kind: m.kind,
        title: m.title,
        startsAt,
        place: m.place,
        channelId: m.channelId,
        attendees: m.attendees,
        agenda: m.agenda,
      },
      SAMPLE_ACTOR,
    );
  }
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: SAMPLE_ACTOR,
      action: "local.sample",
      entity: "contract",
      entityId: contract.id,
      details: { today },
    }),
  );
  return { prepared: true };
}

/** Roles for the sample people, and the commitments they own (a commitment with owners already keeps them). */
async function giveRolesAndCommitments(prisma: PrismaClient, contractId: string, users: SampleUser[]): Promise<void> {
  for (const u of users) {
    if (
      u.role &&
      !(await prisma.roleAssignment.findUnique({ where: { contractId_userId: { contractId, userId: u.id } } }))
    ) {
      await prisma.$transaction(async (tx) => {
        await tx.roleAssignment.create({ data: { contractId, userId: u.id, role: u.role!, grantedBy: SAMPLE_ACTOR } });
        await recordAudit(tx, {
          actorId: SAMPLE_ACTOR,
          action: "role.assign",
          entity: "role",
          entityId: u.id,
          details: { from: null, to: u.role },
        });
      });
    }
    for (const ref of u.owns) {
      const commitment = await prisma.commitment.findFirst({ where: { contractId, ref }, include: { owners: true } });
      if (!commitment || commitment.owners.length > 0) continue;
      await prisma.$transaction(async (tx) => {
        await tx.commitmentOwner.create({ data: { commitmentId: commitment.id, userId: u.id } });
        await recordAudit(tx, {
          actorId: SAMPLE_ACTOR,
          action: "commitment.owners",
          entity: "commitment",
          entityId: commitment.id,
          details: { added: [u.id] },
        });
      });
    }
  }
}

async function moveDueDate(prisma: PrismaClient, commitmentId: string, dueOn: IsoDate): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.commitment.update({ where: { id: commitmentId }, data: { dueOn: fromIsoDate(dueOn) } });
    await recordAudit(tx, {
      actorId: SAMPLE_ACTOR,
      action: "commitment.due",
      entity: "commitment",
      entityId: commitmentId,
      details: { to: dueOn, ref: before.ref },
    });
  });
}

// Bench data: the Chambéry contract (seeded as in production) grown to thousands of commitments with
// owners, indicators, a long progress history, its audit trail and meetings. Set-based SQL
// (INSERT … SELECT generate_series) through Prisma: the same statements run on PGlite and PostgreSQL.
import type { PrismaClient } from "../prisma/generated/client/client.js";
import { readContractSeed, seedContract } from "../src/store/seed.js";

export interface GrowOptions {
  /** Commitments in the contract once grown (the 16 seeded ones included). */
  commitments: number;
  /** Progress updates of the whole contract, spread evenly over the commitments. */
  updates: number;
  /** Meetings of the contract once grown. */
  meetings: number;
}

export interface BenchContract {
  contractId: string;
  /** The contract's real references (ETAT-01…), which users type in `/csi voir`; generated ones are not typable. */
  seededRefs: string[];
  /** A seeded reference, for `/csi voir`. */
  sampleRef: string;
  /** Generated commitments in creation order: ref and the one owner nobody else shares. */
  owned: { ref: string; ownerId: string }[];
  /** An owner who shares commitments with 1 % of the contract (App Home of a busy pilot). */
  busyOwnerId: string;
}

/** The owner that a generated commitment has to itself; `n` starts at 1. */
export const ownerOf = (n: number) => `U0OWN${String(n).padStart(5, "0")}`;
/** Pilots shared by many commitments (n modulo 100). */
export const pilotOf = (n: number) => `U0PIL${String(n % 100).padStart(3, "0")}`;

// 20 slots: a plausible mix, mostly on track.
const STATUS_MIX = [
  ...Array(9).fill("ON_TRACK"),
  ...Array(3).fill("NOT_STARTED"),
  "AT_RISK",
  "AT_RISK",
  "LATE",
  "LATE",
  "DONE",
  "DONE",
  "POSTPONED",
  "DROPPED",
] as string[];
const statusArray = `ARRAY[${STATUS_MIX.map((s) => `'${s}'`).join(",")}]::"CommitmentStatus"[]`;

/** Seeds Chambéry if needed, then grows it to `options`; returns what the scenarios need to address it. */
export async function growContract(prisma: PrismaClient, options: GrowOptions): Promise<BenchContract> {
  await seedContract(prisma, await readContractSeed());
  const contract = await prisma.contract.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
  const existing = await prisma.commitment.count({ where: { contractId: contract.id } });
  const generatedBefore = await prisma.commitment.count({
    where: { contractId: contract.id, ref: { contains: "-B" } },
  });
  const toAdd = Math.max(0, options.commitments - existing);
  const from = generatedBefore + 1;
  const to = generatedBefore + toAdd;
  const updatesBefore = await prisma.progressUpdate.count();
  const perCommitment = Math.max(0, Math.round((options.updates - updatesBefore) / Math.max(1, options.commitments)));

  if (toAdd > 0) {
    // Refs like ETAT-B00042: cannot collide with the seeded ETAT-01…
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Commitment" (id, "contractId", ref, "partyCode", title, description, strand, "leadService", partners, territory,
         "startOn", "dueOn", status, progress, "lastUpdateAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, p.code || '-B' || lpad(g::text, 5, '0'), p.code,
         'Engagement ' || g || ' : renforcer la tranquillité publique du quartier ' || (g % 40),
         'Action de prévention et de suivi menée avec les partenaires du CLSPD (fiche générée pour la mesure de charge).',
         'Volet ' || (1 + g % 5), 'Service ' || (1 + g % 12), 'Bailleurs, associations, Éducation nationale', 'Quartier ' || (g % 40),
         current_date - 400, current_date + ((g * 37) % 1400 - 200),
         (${statusArray})[1 + g % 20], (g * 7) % 101, now() - make_interval(days => g % 30), now() - interval '400 days', now()
       FROM generate_series(${from}, ${to}) AS g,
            LATERAL (SELECT (ARRAY['ETAT','VILLE','PARQUET'])[1 + g % 3] AS code) AS p`,
      contract.id,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO "CommitmentOwner" ("commitmentId", "userId")
       SELECT c.id, 'U0OWN' || substr(c.ref, length(c.ref) - 4) FROM "Commitment" c
       WHERE c."contractId" = $1::uuid AND c.ref LIKE '%-B%' AND substr(c.ref, length(c.ref) - 4)::int BETWEEN ${from} AND ${to}
       UNION ALL
       SELECT c.id, 'U0PIL' || lpad((substr(c.ref, length(c.ref) - 4)::int % 100)::text, 3, '0') FROM "Commitment" c
       WHERE c."contractId" = $1::uuid AND c.ref LIKE '%-B%' AND substr(c.ref, length(c.ref) - 4)::int BETWEEN ${from} AND ${to}`,
      contract.id,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Indicator" (id, "commitmentId", position, label, unit, baseline, "baselineOn", target, current, "measuredOn", source)
       SELECT gen_random_uuid(), c.id, i - 1, CASE WHEN i = 1 THEN 'Nombre d''actions menées' ELSE 'Taux de réalisation' END,
         CASE WHEN i = 1 THEN 'actions' ELSE '%' END, 0, current_date - 400, 100, (length(c.ref) * 7 + i) % 100, current_date - 30, 'Tableau de bord CLSPD'
       FROM "Commitment" c, generate_series(1, 2) AS i
       WHERE c."contractId" = $1::uuid AND c.ref LIKE '%-B%' AND substr(c.ref, length(c.ref) - 4)::int BETWEEN ${from} AND ${to}
         AND (i = 1 OR substr(c.ref, length(c.ref) - 4)::int % 3 = 0)`,
      contract.id,
    );
  }
  if (perCommitment > 0) {
    // The history of every commitment of the contract (seeded ones included), newest k = 1, and the
    // audit entry each stored update leaves in production (recordAudit in the same transaction).
    await prisma.$executeRawUnsafe(
      `WITH inserted AS (
         INSERT INTO "ProgressUpdate" (id, "commitmentId", version, "authorId", "createdAt", status, progress, "indicatorValues", comment, "nextStep", "nextStepOn", blockers)
         SELECT gen_random_uuid(), c.id, 1, coalesce(o."userId", 'U0COORD01'),
           now() - make_interval(days => k * 14) - make_interval(mins => (abs(hashtext(c.ref)) % 1440)),
           CASE WHEN k = 1 THEN c.status ELSE 'ON_TRACK'::"CommitmentStatus" END, greatest(0, c.progress - (k - 1) * 3),
           '[]'::jsonb, 'Point d''étape n° ' || (${perCommitment} + 1 - k) || ' : réunion partenariale tenue, actions du trimestre engagées.',
           'Préparer le prochain comité de pilotage', current_date + 30,
           CASE WHEN k % 4 = 0 THEN 'Attente des financements du FIPD' ELSE NULL END
         FROM "Commitment" c
           LEFT JOIN LATERAL (SELECT "userId" FROM "CommitmentOwner" WHERE "commitmentId" = c.id ORDER BY "userId" LIMIT 1) o ON true,
           generate_series(1, ${perCommitment}) AS k
         WHERE c."contractId" = $1::uuid
         RETURNING id, "commitmentId", "authorId", "createdAt", status, progress
       )
       INSERT INTO "AuditEntry" (at, "actorId", action, entity, "entityId", details)
       SELECT u."createdAt", u."authorId", 'progress.update', 'commitment', u."commitmentId"::text,
         jsonb_build_object('updateId', u.id, 'version', 1, 'to', jsonb_build_object('status', u.status, 'progress', u.progress))
       FROM inserted u`,
      contract.id,
    );
  }
  const meetingsBefore = await prisma.meeting.count({ where: { contractId: contract.id } });
  if (options.meetings > meetingsBefore) {
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Meeting" (id, "contractId", kind, title, "startsAt", place, "channelId", agenda, "createdBy")
       SELECT gen_random_uuid(), $1::uuid, (ARRAY['GLTD','COPIL','CLSPD','OTHER']::"MeetingKind"[])[1 + m % 4], 'Réunion ' || m,
         date_trunc('day', now()) + make_interval(days => (m * 3) % 180 - 30, hours => 9 + m % 8), 'Hôtel de ville, salle ' || (1 + m % 6),
         'C0COPIL', 'Point sur les fiches action du quartier ' || (m % 40), 'U0COORD01'
       FROM generate_series(${meetingsBefore + 1}, ${options.meetings}) AS m`,
      contract.id,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO "MeetingAttendee" ("meetingId", "userId")
       SELECT m.id, 'U0PIL' || lpad(((abs(hashtext(m.id::text)) + a) % 100)::text, 3, '0')
       FROM "Meeting" m, generate_series(1, 6) AS a
       WHERE m."contractId" = $1::uuid
       ON CONFLICT DO NOTHING`,
      contract.id,
    );
  }

  const seeded = await prisma.commitment.findMany({
    where: { contractId: contract.id, ref: { not: { contains: "-B" } } },
    orderBy: { ref: "asc" },
    select: { ref: true },
  });
  const generated = await prisma.commitment.findMany({
    where: { contractId: contract.id, ref: { contains: "-B" } },
    select: { ref: true },
    orderBy: { ref: "asc" },
  });
  const owned = generated
    .map((c) => ({ ref: c.ref, n: Number(c.ref.slice(-5)) }))
    .sort((a, b) => a.n - b.n)
    .map((c) => ({ ref: c.ref, ownerId: ownerOf(c.n) }));
  return {
    contractId: contract.id,
    sampleRef: seeded[0]?.ref ?? "ETAT-01",
    seededRefs: seeded.map((c) => c.ref),
    owned,
    busyOwnerId: pilotOf(7),
  };
}

export interface ContractCounts {
  commitments: number;
  updates: number;
  owners: number;
  indicators: number;
  meetings: number;
  auditEntries: number;
}

export async function countContract(prisma: PrismaClient): Promise<ContractCounts> {
  const [commitments, updates, owners, indicators, meetings, auditEntries] = await Promise.all([
    prisma.commitment.count(),
    prisma.progressUpdate.count(),
    prisma.commitmentOwner.count(),
    prisma.indicator.count(),
    prisma.meeting.count(),
    prisma.auditEntry.count(),
  ]);
  return { commitments, updates, owners, indicators, meetings, auditEntries };
}

// Generated data for tests: commitments with varied statuses and dates, owners, followers, updates,
// meetings. Written through Prisma on the test's real database (or as plain domain objects for the
// pure Block Kit builders). Deterministic: the same call gives the same data.

import type { PrismaClient } from "../../prisma/generated/client/client.js";
import type {
  CommitmentCreateWithoutContractInput,
  ContractCreateInput,
} from "../../prisma/generated/client/models.js";
import {
  type Commitment,
  type Meeting,
  type MeetingKind,
  type ProgressUpdate,
  STATUSES,
  type Status,
} from "../../src/domain/types.js";

export interface CommitmentSpec {
  ref: string;
  party: string;
  title: string;
  description?: string | null;
  status?: Status;
  progress?: number;
  dueOn?: string | null;
  owners?: string[];
  followers?: string[];
  leadService?: string | null;
}

const day = (iso: string, n: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * `n` commitment specs around `today`: statuses cycle through every status, due dates spread from 90 days
 * ago to a year ahead, parties cycle, every third has an owner. Refs are `PARTY-1xx` (no clash with the seed).
 */
export function generateCommitmentSpecs(
  n: number,
  options: { today?: string; parties?: string[]; titleLength?: number; start?: number; owner?: string } = {},
): CommitmentSpec[] {
  const today = options.today ?? "2026-11-23";
  const parties = options.parties ?? ["ETAT", "VILLE", "PARQUET"];
  const start = options.start ?? 100;
  return Array.from({ length: n }, (_, i) => {
    const party = parties[i % parties.length] ?? "ETAT";
    const base = `Action générée n° ${i + 1} : vidéoprotection, médiation et prévention à Chambéry`;
    const title = options.titleLength
      ? `${base} — ${"é".repeat(options.titleLength)}`.slice(0, options.titleLength)
      : base;
    return {
      ref: `${party}-${start + i}`,
      party,
      title,
      description: i % 2 === 0 ? `Description détaillée de l'action ${i + 1}, avec « guillemets » & <balises>.` : null,
      status: STATUSES[i % STATUSES.length],
      progress: (i * 13) % 101,
      dueOn: i % 11 === 10 ? null : day(today, ((i * 37) % 455) - 90),
      owners: i % 3 === 0 ? [options.owner ?? "U0OWNER1"] : [],
      followers: i % 5 === 0 ? ["U0FOLLOW1"] : [],
      leadService: i % 4 === 0 ? "Direction de la tranquillité publique" : null,
    };
  });
}

export async function defaultContractId(prisma: PrismaClient): Promise<string> {
  const c = await prisma.contract.findFirst({ orderBy: { createdAt: "asc" } });
  if (!c) throw new Error("fixtures: no contract in the test database (use the seeded state)");
  return c.id;
}

/**
 * Another contract beside the seeded one (another workspace, another time zone…): one party, ÉTAT, signed by
 * `signatory`, from 2025 to 2027 unless `data` says otherwise; returned with its commitments.
 */
export function insertContract(
  prisma: PrismaClient,
  data: Omit<ContractCreateInput, "title" | "signedOn" | "endsOn"> &
    Partial<Pick<ContractCreateInput, "title" | "signedOn" | "endsOn">>,
  signatory = "Préfet",
) {
  return prisma.contract.create({
    data: {
      title: `Contrat ${data.ref}`,
      signedOn: new Date("2025-01-01T00:00:00Z"),
      endsOn: new Date("2027-12-31T00:00:00Z"),
      parties: { create: [{ code: "ETAT", label: "État", signatory, position: 0 }] },
      ...data,
    },
    include: { commitments: true },
  });
}

/**
 * One commitment of ÉTAT, on track, due 15 December 2026, last reported on 20 November, as the nested create data
 * of a contract (insertContract's `commitments`); `over` changes any field.
 */
export const stateCommitment = (
  ref: string,
  title: string,
  owners: readonly string[],
  over: Partial<CommitmentCreateWithoutContractInput> = {},
): CommitmentCreateWithoutContractInput => ({
  ref,
  partyCode: "ETAT",
  title,
  dueOn: new Date("2026-12-15T00:00:00Z"),
  status: "ON_TRACK",
  createdAt: new Date("2026-01-05T09:00:00Z"),
  lastUpdateAt: new Date("2026-11-20T10:00:00Z"),
  ...(owners.length ? { owners: { create: owners.map((userId) => ({ userId })) } } : {}),
  ...over,
});

/** stateCommitment written into a contract already stored; returns its id. */
export async function insertStateCommitment(
  prisma: PrismaClient,
  contractId: string,
  ...c: Parameters<typeof stateCommitment>
): Promise<string> {
  return (
    await prisma.commitment.create({ data: { ...stateCommitment(...c), contract: { connect: { id: contractId } } } })
  ).id;
}

/** Inserts the commitments (with owners and followers); returns their ids in order. */
export async function insertCommitments(
  prisma: PrismaClient,
  specs: readonly CommitmentSpec[],
  contractId?: string,
): Promise<string[]> {
  const cid = contractId ?? (await defaultContractId(prisma));
  const ids: string[] = [];
  for (const s of specs) {
    const row = await prisma.commitment.create({
      data: {
        contractId: cid,
        ref: s.ref,
        partyCode: s.party,
        title: s.title,
        description: s.description ?? null,
        status: s.status ?? "NOT_STARTED",
        progress: s.progress ?? 0,
        dueOn: s.dueOn ? new Date(`${s.dueOn}T00:00:00Z`) : null,
        leadService: s.leadService ?? null,
        owners: { create: (s.owners ?? []).map((userId) => ({ userId })) },
        followers: { create: (s.followers ?? []).map((userId) => ({ userId })) },
      },
    });
    ids.push(row.id);
  }
  return ids;
}

/** Updates a seeded (or inserted) commitment's state, found by ref. */
export async function setCommitment(
  prisma: PrismaClient,
  ref: string,
  data: { status?: Status; progress?: number; dueOn?: string | null; owners?: string[] },
): Promise<string> {
  const row = await prisma.commitment.findFirstOrThrow({ where: { ref } });
  await prisma.commitment.update({
    where: { id: row.id },
    data: {
      ...(data.status ? { status: data.status } : {}),
      ...(data.progress !== undefined ? { progress: data.progress } : {}),
      ...(data.dueOn !== undefined ? { dueOn: data.dueOn ? new Date(`${data.dueOn}T00:00:00Z`) : null } : {}),
      ...(data.owners ? { owners: { create: data.owners.map((userId) => ({ userId })) } } : {}),
    },
  });
  return row.id;
}

export interface UpdateSpec {
  authorId?: string;
  createdAt: Date;
  status?: Status;
  progress?: number;
  comment?: string | null;
  nextStep?: string | null;
  blockers?: string | null;
  version?: number;
  supersedesId?: string | null;
}

export async function insertUpdate(prisma: PrismaClient, commitmentId: string, u: UpdateSpec): Promise<string> {
  const row = await prisma.progressUpdate.create({
    data: {
      commitmentId,
      authorId: u.authorId ?? "U0OWNER1",
      createdAt: u.createdAt,
      status: u.status ?? "ON_TRACK",
      progress: u.progress ?? 50,
      comment: u.comment ?? null,
      nextStep: u.nextStep ?? null,
      blockers: u.blockers ?? null,
      version: u.version ?? 1,
      supersedesId: u.supersedesId ?? null,
    },
  });
  // As the store does: every recorded update has its audit entry (the digest reads what changed there).
  await prisma.auditEntry.create({
    data: {
      at: u.createdAt,
      actorId: row.authorId,
      action: u.supersedesId ? "progress.correct" : "progress.update",
      entity: "commitment",
      entityId: commitmentId,
      details: { updateId: row.id, from: null, to: { status: row.status, progress: row.progress } },
    },
  });
  return row.id;
}

export interface MeetingSpec {
  kind: MeetingKind;
  startsAt: Date;
  place?: string | null;
  agenda?: string | null;
  title?: string | null;
  attendees?: string[];
  channelId?: string | null;
  /** When the meeting was scheduled (a reminder due before it is not owed); the database's now() by default. */
  createdAt?: Date;
}

export async function insertMeeting(prisma: PrismaClient, m: MeetingSpec, contractId?: string): Promise<string> {
  const row = await prisma.meeting.create({
    data: {
      contractId: contractId ?? (await defaultContractId(prisma)),
      kind: m.kind,
      startsAt: m.startsAt,
      place: m.place ?? null,
      agenda: m.agenda ?? null,
      title: m.title ?? null,
      channelId: m.channelId ?? null,
      ...(m.createdAt ? { createdAt: m.createdAt } : {}),
      attendees: { create: (m.attendees ?? []).map((userId) => ({ userId })) },
    },
  });
  return row.id;
}

// ---- Plain domain objects, for the pure builders ----

export function makeCommitment(spec: CommitmentSpec, i = 0): Commitment {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    contractId: "contract",
    ref: spec.ref,
    party: spec.party,
    title: spec.title,
    description: spec.description ?? null,
    strand: null,
    leadService: spec.leadService ?? null,
    partners: null,
    territory: null,
    funding: null,
    note: null,
    startOn: null,
    dueOn: spec.dueOn ?? null,
    status: spec.status ?? "NOT_STARTED",
    progress: spec.progress ?? 0,
    pending: [],
    channelId: null,
    threadTs: null,
    lastUpdateAt: null,
    createdAt: new Date("2026-01-05T09:00:00Z"),
    owners: spec.owners ?? [],
    followers: spec.followers ?? [],
    indicators: [],
    milestones: [],
  };
}

export function makeUpdate(
  i: number,
  commitmentId: string,
  text = "Avancement conforme au calendrier.",
): ProgressUpdate {
  return {
    id: `10000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    commitmentId,
    version: 1,
    supersedesId: null,
    authorId: "U0OWNER1",
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000),
    status: STATUSES[i % STATUSES.length] ?? "ON_TRACK",
    progress: (i * 7) % 101,
    indicatorValues: [],
    comment: text,
    nextStep: text,
    nextStepOn: "2026-12-15",
    blockers: text,
    evidenceUrl: null,
    evidence: null,
  };
}

export function makeMeeting(i: number, text = "Point d'étape sur les engagements"): Meeting {
  const kinds: MeetingKind[] = ["GLTD", "COPIL", "CLSPD", "OTHER"];
  return {
    id: `20000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    contractId: "contract",
    kind: kinds[i % kinds.length] ?? "GLTD",
    title: text,
    startsAt: new Date(Date.UTC(2026, 11, 1, 13, 30) + i * 86_400_000),
    place: text,
    channelId: "C0COPIL",
    agenda: text,
    attendees: ["U0A", "U0B"],
    decisions: [],
  };
}

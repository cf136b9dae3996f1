// Storing a progress update in few statements. What the rules read (the commitment's state, its pending « Réalisé »,
// its indicators' current values, the few earlier updates the correction rules need) is one JSON object, the
// « facts », read before the transaction with the commitment itself. In the transaction: the commitment's row is
// locked, then ONE statement writes the update, the commitment's new state, the requests, the indicators and the
// audit — only if the facts read then are still those the rules were applied to; otherwise nothing is written,
// the facts are read again under the lock and the rules applied again. So the checks hold until commit as with a
// read under the lock, in four round trips (BEGIN, lock, write, COMMIT) instead of nine. On the embedded PGlite (one
// session: one-session.ts) the write statement alone suffices: one round trip.
import { randomUUID } from "node:crypto";
import { Prisma } from "../../prisma/generated/client/client.js";
import { isUuid } from "../domain/ids.js";
import { changedIndicators, type DueDateProposal, type ProgressDraft } from "../domain/progress-update.js";
import { type CommitmentRequest, type ProgressState, stepForUpdate } from "../domain/requests.js";
import type { IsoDate, ProgressUpdate, Status } from "../domain/types.js";
import { type CorrectionRefusal, placeUpdate, type StoredUpdate } from "../domain/update-versions.js";
import { parsedJson } from "./commitment-read.js";

export interface AppendUpdateInput {
  commitmentId: string;
  authorId: string;
  /** The Slack view id of the submission. */
  submissionKey: string;
  draft: ProgressDraft;
  /** A new due date proposed in the same form: a request, stored with the update. */
  dueProposal?: DueDateProposal | null;
  /** When set, this update corrects that one (which must be the author's, and still in force). */
  supersedesId?: string | null;
  at: Date;
  /** Today in the contract's time zone: the date indicator values were measured. */
  today: IsoDate;
}

export type AppendResult =
  | {
      kind: "created";
      update: ProgressUpdate;
      /** The « Réalisé » request this update opened: the status waits for a coordinator. */
      doneRequest: CommitmentRequest | null;
      /** The new due date this update proposed. */
      dueDateRequest: CommitmentRequest | null;
      /** False when an older update was corrected after a newer one: the current state did not move. */
      currentStateChanged: boolean;
      previousStatus: Status;
    }
  | { kind: "duplicate"; update: ProgressUpdate }
  | { kind: "commitment_missing" }
  | { kind: "cannot_correct"; reason: CorrectionRefusal };

/** What the rules of an append read, as the database wrote it (instants as ISO 8601 text). */
interface AppendFacts {
  status: Status;
  progress: number;
  dueOn: IsoDate | null;
  pendingDone: { id: string; statusBefore: Status; progressBefore: number } | null;
  indicators: { id: string; current: number | null }[];
  /** placementHistory's updates (domain/update-versions.ts), not the whole history. */
  updates: (Omit<StoredUpdate, "createdAt"> & { createdAt: string })[];
}

/** The facts and their text: the write compares the text with the facts as they are when it runs. */
export interface SeenFacts {
  facts: AppendFacts;
  text: string;
}

const COLUMNS = Prisma.sql`p.id, p."supersedesId", p."createdAt", p.version, p.status, p.progress, p."authorId"`;

/** The updates placeUpdate reads (placementHistory in SQL): the newest, or a correction's chain and the newest root. */
function placementUpdates(commitmentId: string, supersedesId: string | null): Prisma.Sql {
  const ofCommitment = Prisma.sql`p."commitmentId" = ${commitmentId}::uuid`;
  if (supersedesId === null)
    return Prisma.sql`SELECT ${COLUMNS} FROM "ProgressUpdate" p WHERE ${ofCommitment}
      ORDER BY p."createdAt" DESC, p.version DESC LIMIT 1`;
  // A forged id names no update: the correction is refused as « missing ».
  const target = isUuid(supersedesId) ? supersedesId : null;
  return Prisma.sql`WITH RECURSIVE chain AS (
      SELECT ${COLUMNS} FROM "ProgressUpdate" p WHERE p.id = ${target}::uuid AND ${ofCommitment}
      UNION
      SELECT ${COLUMNS} FROM "ProgressUpdate" p JOIN chain ON p.id = chain."supersedesId" WHERE ${ofCommitment}
    )
    SELECT * FROM chain
    UNION SELECT ${COLUMNS} FROM "ProgressUpdate" p WHERE ${ofCommitment} AND p."supersedesId" = ${target}::uuid
    UNION (SELECT ${COLUMNS} FROM "ProgressUpdate" p WHERE ${ofCommitment}
      AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" q WHERE q.id = p."supersedesId" AND q."commitmentId" = p."commitmentId")
      ORDER BY p."createdAt" DESC LIMIT 1)`;
}

/** The facts of commitment `c` (an alias of "Commitment" in the enclosing query) for an append, as JSON text. */
export function appendFactsSql(commitmentId: string, supersedesId: string | null): Prisma.Sql {
  return Prisma.sql`json_build_object(
    'status', c.status, 'progress', c.progress, 'dueOn', c."dueOn",
    'pendingDone', (SELECT json_build_object('id', r.id, 'statusBefore', r."statusBefore", 'progressBefore', r."progressBefore")
      FROM "CommitmentRequest" r WHERE r."commitmentId" = c.id AND r.kind = 'DONE' AND r.decision IS NULL
      ORDER BY r."requestedAt", r.id LIMIT 1),
    'indicators', COALESCE((SELECT json_agg(json_build_object('id', i.id, 'current', i.current) ORDER BY i.id)
      FROM "Indicator" i WHERE i."commitmentId" = c.id), '[]'::json),
    'updates', COALESCE((SELECT json_agg(json_build_object('id', u.id, 'supersedesId', u."supersedesId",
        'createdAt', u."createdAt", 'version', u.version, 'status', u.status, 'progress', u.progress, 'authorId', u."authorId")
        ORDER BY u."createdAt", u.version, u.id)
      FROM (${placementUpdates(commitmentId, supersedesId)}) u), '[]'::json)
  )::text`;
}

export const seenFacts = (text: unknown): SeenFacts => {
  const raw = typeof text === "string" ? text : JSON.stringify(text);
  return { facts: parsedJson<AppendFacts>(raw), text: raw };
};

/** What the statements below need of a client: a transaction's, or the PrismaClient itself (one session). */
type Queryable = Pick<Prisma.TransactionClient, "$queryRaw">;

async function readFacts(db: Queryable, input: AppendUpdateInput): Promise<SeenFacts | null> {
  const [row] = await db.$queryRaw<{ facts: string }[]>`
    SELECT ${appendFactsSql(input.commitmentId, input.supersedesId ?? null)} AS facts
    FROM "Commitment" c WHERE c.id = ${input.commitmentId}::uuid`;
  return row ? seenFacts(row.facts) : null;
}

/**
 * The rules applied to the facts, then the write if they still hold; when they changed, read again and again
 * apply the rules, `attempts` times in all. Null when they kept changing.
 */
async function placeAndWrite(
  db: Queryable,
  input: AppendUpdateInput,
  first: SeenFacts | null,
  attempts: number,
): Promise<AppendResult | null> {
  let facts = first;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (!facts) return { kind: "commitment_missing" };
    const plan = planAppend(facts.facts, input);
    if (plan.kind === "cannot_correct") return plan;
    if (await writePlan(db, input, facts.text, plan)) return plan.result;
    facts = await readFacts(db, input);
  }
  return null;
}

/**
 * Stores the update, inside the caller's transaction. `seen`: the facts read before it (with the commitment), or
 * null to read them here. The same submission key twice breaks the unique key: the caller answers « duplicate ».
 */
export async function appendInTx(
  tx: Prisma.TransactionClient,
  input: AppendUpdateInput,
  seen: SeenFacts | null,
): Promise<AppendResult> {
  if (!isUuid(input.commitmentId)) return { kind: "commitment_missing" };
  // One writer per commitment at a time: the facts compared below stay true until commit.
  const locked = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "Commitment" WHERE id = ${input.commitmentId}::uuid FOR UPDATE`;
  if (locked.length === 0) return { kind: "commitment_missing" };
  // Changed between the read and the lock: read again under the lock, where nothing changes them any more (a
  // second attempt suffices; a third covers a writer that does not lock the commitment).
  const result = await placeAndWrite(tx, input, seen ?? (await readFacts(tx, input)), 3);
  if (result) return result;
  throw new Error(`progress update: commitment ${input.commitmentId} kept changing while it was locked`);
}

/**
 * The same without transaction nor lock, on a database of one session (one-session.ts): the write is one statement
 * that checks the facts itself. Null when they changed twice in a row (others write the same commitment): the
 * caller then locks (appendInTx).
 */
export async function appendInOneSession(
  db: Queryable,
  input: AppendUpdateInput,
  seen: SeenFacts | null,
): Promise<AppendResult | null> {
  if (!isUuid(input.commitmentId)) return { kind: "commitment_missing" };
  return placeAndWrite(db, input, seen ?? (await readFacts(db, input)), 2);
}

interface AppendPlan {
  kind: "append";
  result: Extract<AppendResult, { kind: "created" }>;
  /** The new state, when the update is in force (null: an older update corrected, the state stays). */
  to: ProgressState | null;
  withdrawDoneId: string | null;
  indicators: { indicatorId: string; value: number }[];
  audits: { action: string; details: Record<string, unknown> }[];
}

/** The rules (the domain's), applied to the facts: what to write. */
function planAppend(
  facts: AppendFacts,
  input: AppendUpdateInput,
): AppendPlan | { kind: "cannot_correct"; reason: CorrectionRefusal } {
  const history = facts.updates.map((u) => ({ ...u, createdAt: new Date(u.createdAt) }));
  const supersedesId = input.supersedesId ?? null;
  const placement = placeUpdate(history, { authorId: input.authorId, supersedesId, at: input.at });
  if (placement.kind === "cannot_correct") return placement;
  const { version, at, currentStateChanged } = placement;
  const { draft } = input;
  const updateId = randomUUID();
  const from: ProgressState = { status: facts.status, progress: facts.progress };
  const step = currentStateChanged ? stepForUpdate(from, facts.pendingDone, draft) : null;
  // The indicators' current values move only when the update is in force and gives values that differ.
  const indicators =
    currentStateChanged && draft.indicatorValues.length > 0
      ? changedIndicators(facts.indicators, draft.indicatorValues)
      : [];
  const request = (kind: CommitmentRequest["kind"], state: ProgressState): CommitmentRequest => ({
    id: randomUUID(),
    commitmentId: input.commitmentId,
    kind,
    requestedBy: input.authorId,
    requestedAt: at,
    updateId,
    evidenceUrl: null,
    evidence: null,
    reason: null,
    proposedDueOn: null,
    statusBefore: state.status,
    progressBefore: state.progress,
    dueOnBefore: facts.dueOn,
    decision: null,
    decidedBy: null,
    decidedAt: null,
    refusalReason: null,
  });
  const doneRequest = step?.openRequest
    ? { ...request("DONE", step.openRequest), evidenceUrl: draft.evidenceUrl, evidence: draft.evidence }
    : null;
  const to = step?.state ?? null;
  // The due date request records the state after this update (as it stands when the request is made).
  const dueDateRequest = input.dueProposal
    ? { ...request("DUE_DATE", to ?? from), reason: input.dueProposal.reason, proposedDueOn: input.dueProposal.dueOn }
    : null;
  const audits: AppendPlan["audits"] = [
    {
      action: supersedesId ? "progress.correct" : "progress.update",
      details: {
        updateId,
        version,
        supersedesId,
        from,
        to,
        reportedStatus: draft.status,
        doneRequested: doneRequest !== null,
        indicators,
      },
    },
  ];
  if (dueDateRequest && input.dueProposal)
    audits.push({
      action: "commitment.due_date_requested",
      details: {
        requestId: dueDateRequest.id,
        dueOnFrom: facts.dueOn,
        dueOnTo: input.dueProposal.dueOn,
        reason: input.dueProposal.reason,
      },
    });
  return {
    kind: "append",
    result: {
      kind: "created",
      update: {
        id: updateId,
        commitmentId: input.commitmentId,
        version,
        supersedesId,
        authorId: input.authorId,
        createdAt: at,
        status: draft.status,
        progress: draft.progress,
        indicatorValues: draft.indicatorValues,
        comment: draft.comment,
        nextStep: draft.nextStep,
        nextStepOn: draft.nextStepOn,
        blockers: draft.blockers,
        evidenceUrl: draft.evidenceUrl,
        evidence: draft.evidence,
      },
      doneRequest,
      dueDateRequest,
      currentStateChanged,
      previousStatus: facts.status,
    },
    to,
    withdrawDoneId: step?.withdrawPending && facts.pendingDone ? facts.pendingDone.id : null,
    indicators,
    audits,
  };
}

const requestValues = (r: CommitmentRequest, submissionKey: string | null) => Prisma.sql`(${r.id}::uuid,
  ${r.commitmentId}::uuid, ${r.kind}::"RequestKind", ${r.requestedBy}, ${r.requestedAt}::timestamptz, ${r.updateId}::uuid,
  ${r.evidenceUrl}, ${r.evidence}, ${r.reason}, ${r.proposedDueOn}::date, ${r.statusBefore}::"CommitmentStatus",
  ${r.progressBefore}::int, ${r.dueOnBefore}::date, ${submissionKey})`;

const REQUEST_COLUMNS = Prisma.sql`(id, "commitmentId", kind, "requestedBy", "requestedAt", "updateId", "evidenceUrl",
  evidence, reason, "proposedDueOn", "statusBefore", "progressBefore", "dueOnBefore", "submissionKey")`;

/**
 * One statement: every write of the plan, each only if the facts are still `seenText`. True when written; false
 * when the facts changed (nothing written).
 */
async function writePlan(
  db: Queryable,
  input: AppendUpdateInput,
  seenText: string,
  plan: AppendPlan,
): Promise<boolean> {
  const { update, doneRequest, dueDateRequest } = plan.result;
  const at = update.createdAt;
  const cid = input.commitmentId;
  const parts: Prisma.Sql[] = [
    Prisma.sql`ok AS (SELECT 1 FROM "Commitment" c WHERE c.id = ${cid}::uuid
      AND (${appendFactsSql(cid, input.supersedesId ?? null)})::jsonb = ${seenText}::jsonb)`,
    Prisma.sql`ins AS (INSERT INTO "ProgressUpdate" (id, "commitmentId", version, "supersedesId", "authorId", "createdAt",
        status, progress, "indicatorValues", comment, "nextStep", "nextStepOn", blockers, "evidenceUrl", evidence, "submissionKey")
      SELECT ${update.id}::uuid, ${cid}::uuid, ${update.version}::int, ${update.supersedesId}::uuid, ${update.authorId},
        ${at}::timestamptz, ${update.status}::"CommitmentStatus", ${update.progress}::int,
        ${JSON.stringify(update.indicatorValues)}::jsonb, ${update.comment}, ${update.nextStep}, ${update.nextStepOn}::date,
        ${update.blockers}, ${update.evidenceUrl}, ${update.evidence}, ${input.submissionKey} FROM ok)`,
  ];
  if (plan.withdrawDoneId)
    parts.push(Prisma.sql`withdrawn AS (UPDATE "CommitmentRequest" SET decision = 'WITHDRAWN', "decidedBy" = ${input.authorId},
      "decidedAt" = ${at}::timestamptz WHERE id = ${plan.withdrawDoneId}::uuid AND EXISTS (SELECT 1 FROM ok))`);
  if (doneRequest)
    parts.push(Prisma.sql`done AS (INSERT INTO "CommitmentRequest" ${REQUEST_COLUMNS}
      SELECT v.* FROM ok, (VALUES ${requestValues(doneRequest, null)}) v)`);
  if (plan.to)
    parts.push(Prisma.sql`moved AS (UPDATE "Commitment" SET status = ${plan.to.status}::"CommitmentStatus",
      progress = ${plan.to.progress}::int, "lastUpdateAt" = ${at}::timestamptz, "updatedAt" = ${new Date()}::timestamptz
      WHERE id = ${cid}::uuid AND EXISTS (SELECT 1 FROM ok))`);
  if (plan.indicators.length > 0)
    parts.push(Prisma.sql`measured AS (UPDATE "Indicator" i SET current = v.value, "measuredOn" = ${input.today}::date
      FROM (VALUES ${Prisma.join(plan.indicators.map((x) => Prisma.sql`(${x.indicatorId}::uuid, ${x.value}::float8)`))}) v(id, value)
      WHERE i.id = v.id AND i."commitmentId" = ${cid}::uuid AND EXISTS (SELECT 1 FROM ok))`);
  if (dueDateRequest)
    parts.push(
      // The earlier pending new due date is replaced by this one.
      Prisma.sql`due_withdrawn AS (UPDATE "CommitmentRequest" SET decision = 'WITHDRAWN', "decidedBy" = ${input.authorId},
        "decidedAt" = ${at}::timestamptz
        WHERE "commitmentId" = ${cid}::uuid AND kind = 'DUE_DATE' AND decision IS NULL AND EXISTS (SELECT 1 FROM ok))`,
      Prisma.sql`due AS (INSERT INTO "CommitmentRequest" ${REQUEST_COLUMNS}
        SELECT v.* FROM ok, (VALUES ${requestValues(dueDateRequest, `${input.submissionKey}:due`)}) v)`,
    );
  // The audit entries in the order the changes were made (one INSERT numbers them in this order).
  const audits = plan.audits.map((a, i) => Prisma.sql`(${i}::int, ${a.action}, ${JSON.stringify(a.details)}::jsonb)`);
  parts.push(Prisma.sql`audited AS (INSERT INTO "AuditEntry" (at, "actorId", action, entity, "entityId", details)
    SELECT ${at}::timestamptz, ${input.authorId}, v.action, 'commitment', ${cid}, v.details
    FROM ok, (VALUES ${Prisma.join(audits)}) v(n, action, details) ORDER BY v.n)`);
  const [row] = await db.$queryRaw<{ applied: boolean }[]>`
    WITH ${Prisma.join(parts, ",\n")}
    SELECT EXISTS (SELECT 1 FROM ok) AS applied`;
  return row?.applied === true;
}

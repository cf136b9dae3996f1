-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('DONE', 'DUE_DATE');

-- CreateEnum
CREATE TYPE "RequestDecision" AS ENUM ('CONFIRMED', 'REFUSED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "ProgressUpdate" ADD COLUMN     "evidence" TEXT;

-- CreateTable
CREATE TABLE "CommitmentRequest" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "updateId" UUID,
    "evidenceUrl" TEXT,
    "evidence" TEXT,
    "reason" TEXT,
    "proposedDueOn" DATE,
    "statusBefore" "CommitmentStatus" NOT NULL,
    "progressBefore" INTEGER NOT NULL,
    "dueOnBefore" DATE,
    "decision" "RequestDecision",
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "refusalReason" TEXT,
    "submissionKey" TEXT,

    CONSTRAINT "CommitmentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentRequest_submissionKey_key" ON "CommitmentRequest"("submissionKey");

-- CreateIndex
CREATE INDEX "CommitmentRequest_commitmentId_decidedAt_idx" ON "CommitmentRequest"("commitmentId", "decidedAt");

-- CreateIndex
CREATE INDEX "CommitmentRequest_decidedAt_idx" ON "CommitmentRequest"("decidedAt");

-- AddForeignKey
ALTER TABLE "CommitmentRequest" ADD CONSTRAINT "CommitmentRequest_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A « Réalisé » waiting for a coordinator was kept on the commitment: it becomes a pending request, with the
-- state before the request read from the audit entry that recorded it (the commitment's own state otherwise).
INSERT INTO "CommitmentRequest" ("id", "commitmentId", "kind", "requestedBy", "requestedAt", "updateId",
  "evidenceUrl", "statusBefore", "progressBefore", "dueOnBefore")
SELECT gen_random_uuid(), c."id", 'DONE', c."doneRequestedBy", c."doneRequestedAt",
  CASE WHEN a."details"->>'updateId' ~ '^[0-9a-fA-F-]{36}$' THEN (a."details"->>'updateId')::uuid END,
  u."evidenceUrl", c."status",
  COALESCE(CASE WHEN a."details"->'from'->>'progress' ~ '^[0-9]+$' THEN (a."details"->'from'->>'progress')::int END, c."progress"),
  c."dueOn"
FROM "Commitment" c
LEFT JOIN LATERAL (
  SELECT e."details" FROM "AuditEntry" e
  WHERE e."entity" = 'commitment' AND e."entityId" = c."id"::text AND e."action" IN ('progress.update', 'progress.correct')
    AND e."details"->>'doneRequested' = 'true'
  ORDER BY e."id" DESC LIMIT 1
) a ON TRUE
LEFT JOIN "ProgressUpdate" u ON u."id"::text = a."details"->>'updateId'
WHERE c."doneRequestedAt" IS NOT NULL AND c."doneRequestedBy" IS NOT NULL;

-- AlterTable
ALTER TABLE "Commitment" DROP COLUMN "doneRequestedAt",
DROP COLUMN "doneRequestedBy";


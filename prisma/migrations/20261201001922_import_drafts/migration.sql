-- CreateTable
CREATE TABLE "ImportDraft" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "actorId" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportDraft_contractId_idx" ON "ImportDraft"("contractId");

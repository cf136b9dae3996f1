-- AlterTable
ALTER TABLE "Commitment" ADD COLUMN     "carriedFromId" UUID;

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "closedBy" TEXT,
ADD COLUMN     "successorId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_carriedFromId_key" ON "Commitment"("carriedFromId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_successorId_key" ON "Contract"("successorId");

-- DropIndex
DROP INDEX "Contract_ref_key";

-- CreateIndex
CREATE UNIQUE INDEX "Contract_teamId_ref_key" ON "Contract"("teamId", "ref");

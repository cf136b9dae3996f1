-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "channelId" TEXT,
ADD COLUMN     "digestChannelId" TEXT;

-- AlterTable: roles become per contract. The roles of today (one contract, the first seeded) move to that contract,
-- nothing dropped. Were there roles and no contract at all, SET NOT NULL fails and the migration stops, losing nothing.
-- (No semicolon or quote in these comments: the schema engine splits the script on semicolons for PostgreSQL.)
ALTER TABLE "RoleAssignment" ADD COLUMN "contractId" UUID;
UPDATE "RoleAssignment" SET "contractId" = (SELECT "id" FROM "Contract" ORDER BY "createdAt" ASC, "id" ASC LIMIT 1);
ALTER TABLE "RoleAssignment" ALTER COLUMN "contractId" SET NOT NULL;
ALTER TABLE "RoleAssignment" DROP CONSTRAINT "RoleAssignment_pkey",
ADD CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("contractId", "userId");

-- CreateTable
CREATE TABLE "ContractChoice" (
    "userId" TEXT NOT NULL,
    "contractId" UUID NOT NULL,
    "chosenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractChoice_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "RoleAssignment_userId_idx" ON "RoleAssignment"("userId");

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractChoice" ADD CONSTRAINT "ContractChoice_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

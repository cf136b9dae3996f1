-- AlterEnum
ALTER TYPE "DeliveryState" ADD VALUE 'SKIPPED';

-- CreateTable
CREATE TABLE "Absence" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "standInId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Absence_userId_idx" ON "Absence"("userId");

-- CreateIndex
CREATE INDEX "Absence_endsOn_idx" ON "Absence"("endsOn");

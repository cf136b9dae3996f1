-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "teamId" TEXT;

-- CreateTable
CREATE TABLE "Installation" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "teamId" TEXT,
    "enterpriseId" TEXT,
    "enterpriseInstall" BOOLEAN NOT NULL DEFAULT false,
    "appId" TEXT,
    "botUserId" TEXT,
    "sealed" TEXT NOT NULL,
    "tokenExpiresAt" TIMESTAMPTZ(3),
    "installedBy" TEXT,
    "installedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Installation_key_key" ON "Installation"("key");

-- CreateIndex
CREATE INDEX "Contract_teamId_idx" ON "Contract"("teamId");

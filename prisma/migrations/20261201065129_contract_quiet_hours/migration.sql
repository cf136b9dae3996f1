-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "quietHours" TEXT;

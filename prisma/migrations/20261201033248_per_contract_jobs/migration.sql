-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "digestTime" TEXT,
ADD COLUMN     "digestWeekday" INTEGER,
ADD COLUMN     "reminderHour" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "contractId" UUID;

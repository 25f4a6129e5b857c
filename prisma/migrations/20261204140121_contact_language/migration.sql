-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "language" TEXT;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "defaultLanguage" TEXT;

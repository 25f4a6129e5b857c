-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "agentSettingsVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "callingRulesVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "defaultLanguageVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "openingHoursVersion" INTEGER NOT NULL DEFAULT 0;

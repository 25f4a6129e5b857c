-- CreateTable
CREATE TABLE "SeedRun" (
    "name" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "summary" JSONB,

    CONSTRAINT "SeedRun_pkey" PRIMARY KEY ("name")
);

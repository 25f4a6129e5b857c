-- CreateIndex
CREATE INDEX "Call_overview_idx" ON "Call"("organizationId", "createdAt", "status", "direction", "outcome", "intent", "callSuccessful");

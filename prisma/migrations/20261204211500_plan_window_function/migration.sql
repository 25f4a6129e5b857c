-- A dispatcher run's plan of one window of the fleet (lib/dispatch/plan-dispatch-round.ts says what it
-- reads) as a function: PL/pgSQL keeps its plan between calls (planning it took 14 ms under load, as
-- long as reading a window), and parallel workers are off. A window is a few hundred index probes, and
-- starting a worker to share them cost more than the probes (80 ms of a 105 ms window in EXPLAIN ANALYZE).
CREATE FUNCTION callboard_plan_dispatch_window(
  p_now timestamptz,
  p_after text,
  p_until text,
  p_size int,
  p_slots_per_clinic int
) RETURNS TABLE (
  "organizationId" text,
  "slots" int,
  "firstDue" timestamptz
) LANGUAGE plpgsql VOLATILE
SET max_parallel_workers_per_gather = 0
AS $$
#variable_conflict use_column
BEGIN
  -- The window's LIMIT also fences the cheap "has due work" probe ahead of the in-flight counts.
  RETURN QUERY
  SELECT o."id", due."slots"::int, due."firstDue"
    FROM (SELECT o."id", o."concurrencyLimit" FROM "Organization" o
           WHERE o."id" > p_after AND (p_until IS NULL OR o."id" <= p_until)
             AND EXISTS (SELECT 1 FROM "ScheduledCall" e
                          WHERE e."organizationId" = o."id" AND e."status" = 'PENDING' AND coalesce(e."nextAttemptAt", e."scheduledTime") <= p_now)
           ORDER BY o."id" LIMIT p_size) o
   CROSS JOIN LATERAL (
     SELECT count(*) AS "slots", min(d."due") AS "firstDue" FROM (
       SELECT coalesce(d."nextAttemptAt", d."scheduledTime") AS "due" FROM "ScheduledCall" d
        WHERE d."organizationId" = o."id" AND d."status" = 'PENDING' AND coalesce(d."nextAttemptAt", d."scheduledTime") <= p_now
        ORDER BY coalesce(d."nextAttemptAt", d."scheduledTime"), d."id"
        LIMIT greatest(0, least(p_slots_per_clinic,
                o."concurrencyLimit"
                - (SELECT count(*) FROM "Call" c WHERE c."organizationId" = o."id" AND c."status" IN ('INITIATED', 'IN_PROGRESS'))
                - (SELECT count(*) FROM "ScheduledCall" p WHERE p."organizationId" = o."id" AND p."status" = 'IN_PROGRESS'
                      AND p."dialStartedAt" IS NULL AND p."lockedUntil" > p_now)))) d) due
   ORDER BY o."id";
END
$$;

-- CreateTable
CREATE TABLE "DispatchCursor" (
    "id" TEXT NOT NULL,
    "after" TEXT NOT NULL DEFAULT '',
    "lap" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DispatchCursor_pkey" PRIMARY KEY ("id")
);

-- The free slots and longest-waiting due call of the given clinics, in id order: what a dispatch plan
-- reads for each clinic of a window (0 slots when capped). Taken out of callboard_plan_dispatch_window,
-- which now reads its window's ids and calls this.
CREATE FUNCTION callboard_plan_dispatch_clinics(
  p_now timestamptz,
  p_organization_ids text[],
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
  RETURN QUERY
  SELECT o."id", due."slots"::int, due."firstDue"
    FROM "Organization" o
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
   WHERE o."id" = ANY(p_organization_ids)
   ORDER BY o."id";
END
$$;

-- The clinics with due work after `p_after` (up to `p_until`, inclusive), the first `p_size` in id order:
-- only the cheap "has due work" probe, one per clinic.
CREATE FUNCTION callboard_due_clinics(
  p_now timestamptz,
  p_after text,
  p_until text,
  p_size int
) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(x."id" ORDER BY x."id"), '{}') FROM (
    SELECT o."id" FROM "Organization" o
     WHERE o."id" > p_after AND (p_until IS NULL OR o."id" <= p_until)
       AND EXISTS (SELECT 1 FROM "ScheduledCall" e
                    WHERE e."organizationId" = o."id" AND e."status" = 'PENDING' AND coalesce(e."nextAttemptAt", e."scheduledTime") <= p_now)
     ORDER BY o."id" LIMIT p_size) x
$$;

CREATE OR REPLACE FUNCTION callboard_plan_dispatch_window(
  p_now timestamptz,
  p_after text,
  p_until text,
  p_size int,
  p_slots_per_clinic int
) RETURNS TABLE (
  "organizationId" text,
  "slots" int,
  "firstDue" timestamptz
) LANGUAGE sql VOLATILE AS $$
  SELECT * FROM callboard_plan_dispatch_clinics(p_now, callboard_due_clinics(p_now, p_after, p_until, p_size), p_slots_per_clinic)
$$;

-- The next window of the fleet for a dispatcher run, from the shared cursor (lib/dispatch/claim-in-rounds.ts):
-- the next `p_size` clinic ids after it in id order (wrapping to the first id when the end comes, never
-- past where the window began), and the cursor moved past them. Under the cursor's row lock only an
-- index read of ids: runs take windows one after another (so two overlapping runs never get the same
-- stretch in one lap) and each plans its window afterwards (callboard_plan_dispatch_clinics). Reading
-- which clinics have due work here held the lock 3 ms a window, and 8 claimers queued behind it
-- (26 ms a take). `p_join_lap`/`p_join_after` are where the caller's sweep began (null on its first
-- window: here); `lapDone` says the cursor has since come back to it, every clinic having had a window.
CREATE FUNCTION callboard_take_dispatch_window(
  p_size int,
  p_join_lap int,
  p_join_after text
) RETURNS TABLE (
  "organizationIds" text[],
  "joinLap" int,
  "joinAfter" text,
  "lapDone" boolean
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  c_after text;
  c_lap int;
  ids text[];
  new_after text;
  new_lap int;
  join_lap int;
  join_after text;
BEGIN
  INSERT INTO "DispatchCursor" ("id", "after", "lap", "updatedAt") VALUES ('fleet', '', 0, now()) ON CONFLICT ("id") DO NOTHING;
  SELECT c."after", c."lap" INTO c_after, c_lap FROM "DispatchCursor" c WHERE c."id" = 'fleet' FOR UPDATE;
  join_lap := coalesce(p_join_lap, c_lap);
  join_after := coalesce(p_join_after, c_after);

  ids := ARRAY(SELECT o."id" FROM "Organization" o WHERE o."id" > c_after ORDER BY o."id" LIMIT p_size);
  new_lap := c_lap;
  IF cardinality(ids) < p_size THEN
    -- The end of the ids: on from the first, up to where this window began.
    new_lap := c_lap + 1;
    ids := ids || ARRAY(SELECT o."id" FROM "Organization" o WHERE o."id" <= c_after ORDER BY o."id" LIMIT p_size - cardinality(ids));
  END IF;
  -- Every clinic in this one window: the cursor stays where it was, a lap on.
  new_after := CASE WHEN cardinality(ids) < p_size THEN c_after ELSE ids[cardinality(ids)] END;
  UPDATE "DispatchCursor" SET "after" = new_after, "lap" = new_lap, "updatedAt" = now() WHERE "id" = 'fleet';

  RETURN QUERY SELECT ids, join_lap, join_after, new_lap > join_lap + 1 OR (new_lap = join_lap + 1 AND new_after >= join_after);
END
$$;

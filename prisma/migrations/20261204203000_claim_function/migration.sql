-- The dispatcher's claim as one statement instead of an interactive transaction of four round trips
-- (BEGIN, the clinics' advisory locks, the UPDATE, COMMIT), with the UPDATE's plan kept between calls
-- by PL/pgSQL instead of planned again every time (3–7 ms of a 10-clinic claim at 10,000 clinics).
-- What it does is what lib/dispatch/claim-due-calls.ts describes. It must stay VOLATILE: a volatile
-- function takes a new snapshot for each statement, so the UPDATE, which starts after the locks are
-- held, sees every earlier claimer's committed rows and a clinic's in-flight count cannot race.
CREATE FUNCTION callboard_claim_due_calls(
  p_organization_ids text[],
  p_counts int[],
  p_run_id text,
  p_now timestamptz,
  p_lease_until timestamptz,
  p_wait boolean,
  p_reclaim boolean
) RETURNS TABLE (
  "id" text,
  "organizationId" text,
  "contactId" text,
  "agentId" text,
  "fromNumber" text,
  "attempts" int,
  "maxAttempts" int,
  "dynamicVariables" jsonb,
  "script" jsonb
) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  locked_ids text[] := '{}';
  locked_counts int[] := '{}';
  i int;
  lock_key bigint;
BEGIN
  -- Callers pass the clinics sorted, so two waiting claimers of the same clinics lock them in the same order.
  FOR i IN 1 .. coalesce(array_length(p_organization_ids, 1), 0) LOOP
    lock_key := hashtextextended('callboard:dispatch:' || p_organization_ids[i], 0);
    IF p_wait THEN
      PERFORM pg_advisory_xact_lock(lock_key);
    ELSIF NOT pg_try_advisory_xact_lock(lock_key) THEN
      -- Another claimer is serving this clinic: skip it rather than wait.
      CONTINUE;
    END IF;
    locked_ids := locked_ids || p_organization_ids[i];
    locked_counts := locked_counts || p_counts[i];
  END LOOP;
  IF array_length(locked_ids, 1) IS NULL THEN
    RETURN;
  END IF;

  IF p_reclaim THEN
    -- Rows whose lease expired before their dial was sent (a run that died after claiming) go back, their attempt uncounted.
    UPDATE "ScheduledCall"
       SET "status" = 'PENDING', "attempts" = "attempts" - 1, "lockedUntil" = NULL, "lockedBy" = NULL, "updatedAt" = p_now
     WHERE "organizationId" = ANY(locked_ids) AND "status" = 'IN_PROGRESS' AND "dialStartedAt" IS NULL AND "lockedUntil" <= p_now;
  END IF;

  RETURN QUERY
  UPDATE "ScheduledCall" AS s
     SET "status" = 'IN_PROGRESS', "lockedUntil" = p_lease_until, "lockedBy" = p_run_id, "updatedAt" = p_now, "attempts" = s."attempts" + 1
   WHERE s."id" = ANY(ARRAY(
     SELECT d."id"
       FROM unnest(locked_ids, locked_counts) AS w("organizationId", "count")
       JOIN "Organization" o ON o."id" = w."organizationId"
       CROSS JOIN LATERAL (
         SELECT d."id" FROM "ScheduledCall" d
          WHERE d."organizationId" = w."organizationId" AND d."status" = 'PENDING'
            AND coalesce(d."nextAttemptAt", d."scheduledTime") <= p_now
            -- A row that came back to PENDING (a retry, a lease) while its batch is paused waits for the resume.
            AND (d."batchId" IS NULL OR NOT EXISTS (SELECT 1 FROM "CallBatch" b WHERE b."id" = d."batchId" AND b."pausedAt" IS NOT NULL))
          ORDER BY coalesce(d."nextAttemptAt", d."scheduledTime"), d."id"
          LIMIT greatest(0, least(w."count",
                  o."concurrencyLimit"
                  - (SELECT count(*) FROM "Call" c WHERE c."organizationId" = w."organizationId" AND c."status" IN ('INITIATED', 'IN_PROGRESS'))
                  - (SELECT count(*) FROM "ScheduledCall" p WHERE p."organizationId" = w."organizationId" AND p."status" = 'IN_PROGRESS'
                        AND p."dialStartedAt" IS NULL AND p."lockedUntil" > p_now)))
          FOR UPDATE SKIP LOCKED) d))
  RETURNING s."id", s."organizationId", s."contactId", s."agentId", s."fromNumber", s."attempts", s."maxAttempts", s."dynamicVariables",
            (SELECT jsonb_build_object('firstMessage', b."scriptFirstMessage", 'prompt', b."scriptPrompt") FROM "CallBatch" b
              WHERE b."id" = s."batchId" AND (b."scriptFirstMessage" IS NOT NULL OR b."scriptPrompt" IS NOT NULL));
END
$$;

-- A scheduled call's attempt written in one round trip (lib/dispatch/start-attempt.ts): the patient's
-- lock, the lease checked, the INITIATED Call row and the "dial sent" mark. The caller read the
-- patient's recent calls and judged the caps before, without the lock (`p_seen_call_ids`), and says how
-- many more calls the caps leave room for (`p_room`): under the lock, calls written since that read
-- (another dial to the same patient, committed while this one waited) are counted, with a fresh
-- snapshot (a VOLATILE function's every statement takes one); more than the room writes nothing and
-- answers 'changed' with the patient's calls as they are now (ids, and times in epoch milliseconds), for
-- the caller to judge again. 'lost': the lease is no longer the run's, nothing written. The lock is the
-- key checkPatientDial takes, so "Call now" and the dispatcher count one patient's dials one after
-- another; it is held only for this statement, where the transaction it replaces held it over five
-- round trips.
CREATE FUNCTION callboard_start_scheduled_attempt(
  p_call_id text,
  p_organization_id text,
  p_contact_id text,
  p_scheduled_call_id text,
  p_run_id text,
  p_to_number text,
  p_from_number text,
  p_agent_id text,
  p_agent_phone_number_id text,
  p_dial_started_at timestamptz,
  p_written_at timestamptz,
  p_since timestamptz,
  p_seen_call_ids text[],
  p_room int
) RETURNS TABLE (
  "outcome" text,
  "callIds" text[],
  "callTimes" float8[]
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  ids text[];
  times float8[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('callboard:patient-dials:' || p_contact_id, 0));
  PERFORM 1 FROM "ScheduledCall" s
   WHERE s."id" = p_scheduled_call_id AND s."status" = 'IN_PROGRESS' AND s."lockedBy" = p_run_id AND s."dialStartedAt" IS NULL
     FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'lost'::text, NULL::text[], NULL::float8[];
    RETURN;
  END IF;
  IF (SELECT count(*) FROM "Call" c
       WHERE c."organizationId" = p_organization_id AND c."contactId" = p_contact_id AND c."direction" = 'OUTBOUND'
         AND c."createdAt" >= p_since AND c."id" <> ALL(p_seen_call_ids)) > p_room THEN
    SELECT coalesce(array_agg(c."id"), '{}'), coalesce(array_agg((extract(epoch FROM c."createdAt") * 1000)::float8), '{}') INTO ids, times FROM "Call" c
     WHERE c."organizationId" = p_organization_id AND c."contactId" = p_contact_id AND c."direction" = 'OUTBOUND' AND c."createdAt" >= p_since;
    RETURN QUERY SELECT 'changed'::text, ids, times;
    RETURN;
  END IF;
  INSERT INTO "Call" ("id", "organizationId", "contactId", "scheduledCallId", "direction", "status", "toNumber", "fromNumber",
                      "agentId", "agentPhoneNumberId", "createdAt", "updatedAt")
  VALUES (p_call_id, p_organization_id, p_contact_id, p_scheduled_call_id, 'OUTBOUND', 'INITIATED', p_to_number, p_from_number,
          p_agent_id, p_agent_phone_number_id, p_written_at, p_written_at);
  UPDATE "ScheduledCall" SET "dialStartedAt" = p_dial_started_at, "callId" = p_call_id, "errorMessage" = NULL, "updatedAt" = p_written_at
   WHERE "id" = p_scheduled_call_id;
  RETURN QUERY SELECT 'started'::text, NULL::text[], NULL::float8[];
END
$$;

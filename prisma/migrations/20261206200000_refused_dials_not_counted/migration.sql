-- The patient's caps count the dials that may have rung them (lib/compliance/patient-call-times.ts, RANG_SQL):
-- a dial ElevenLabs refused (429, 5xx, 422) or never started is FAILED with no conversation and rang nobody,
-- so its retry is not "another call" — with 1 call a day it used to wait until the next day. Same function,
-- that one condition added where the patient's calls are counted and returned.
CREATE OR REPLACE FUNCTION callboard_start_scheduled_attempt(
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
         AND c."createdAt" >= p_since AND c."id" <> ALL(p_seen_call_ids) AND NOT (c."status" = 'FAILED' AND c."conversationId" IS NULL)) > p_room THEN
    SELECT coalesce(array_agg(c."id"), '{}'), coalesce(array_agg((extract(epoch FROM c."createdAt") * 1000)::float8), '{}') INTO ids, times FROM "Call" c
     WHERE c."organizationId" = p_organization_id AND c."contactId" = p_contact_id AND c."direction" = 'OUTBOUND' AND c."createdAt" >= p_since
       AND NOT (c."status" = 'FAILED' AND c."conversationId" IS NULL);
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

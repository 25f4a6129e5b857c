-- A scheduled call's attempt re-checks the do-not-call list and the patient's consent where it is written,
-- under the locks that order it against every change to them (docs/do-not-call-and-consent.md, "Changes
-- and dials in flight"). The dispatcher read both before (lib/dispatch/load-dial-subject.ts) without a lock:
-- a number listed, or a consent set to none, after that read and before the attempt was still dialed.
--
-- The clinic's do-not-call lock, callboard:do-not-call:<organization id>, is taken in shared mode by every
-- dial as it writes its attempt (here, after the patient's lock) and in exclusive mode by every change that
-- lists a number or sets consent to none, as the last statement before that change commits. Shared, the
-- dials never wait for each other. A change either commits before the dial takes the lock, and the check
-- below (a later statement, so a fresh snapshot) sees it and writes nothing, or waits for the dial's
-- commit, the "dial sent" mark with it: the dial came first.
--
-- Order: the patient's lock, the scheduled call's row, the contact's row (FOR KEY SHARE, which the Call
-- row's foreign key takes anyway), then the do-not-call lock. Taking the contact's key share before the
-- do-not-call lock means a contact edit that changed the number (which conflicts with it) and now waits
-- for the exclusive lock never waits on a dial that holds the shared one.
--
-- New outcomes: 'do_not_call' (the number dialed is listed) and 'no_consent' (the contact's consent is
-- none), nothing written. The caller cancels the scheduled call with the reason, as for its own read.
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
  PERFORM 1 FROM "Contact" c WHERE c."id" = p_contact_id FOR KEY SHARE;
  PERFORM pg_advisory_xact_lock_shared(hashtextextended('callboard:do-not-call:' || p_organization_id, 0));
  IF EXISTS (SELECT 1 FROM "DoNotCallEntry" d WHERE d."organizationId" = p_organization_id AND d."phoneNumber" = p_to_number) THEN
    RETURN QUERY SELECT 'do_not_call'::text, NULL::text[], NULL::float8[];
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM "Contact" c WHERE c."id" = p_contact_id AND c."consentBasis" = 'NONE') THEN
    RETURN QUERY SELECT 'no_consent'::text, NULL::text[], NULL::float8[];
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

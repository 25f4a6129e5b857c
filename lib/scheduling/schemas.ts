import { z } from "zod";
import { dynamicVariablesSchema } from "@/lib/calls/schemas";
import { contactSelectionSchema } from "@/lib/contacts/schemas";
import { callScriptSchema } from "@/lib/scheduling/call-script-schema";
import { SCHEDULED_CALL_STATUSES } from "@/lib/scheduling/statuses";
import { STAGGER_MINUTES_MAX, STAGGER_MINUTES_MIN } from "@/lib/scheduling/stagger-limits";

/** One request schedules at most this many contacts (the rest: narrow the selection). */
export const BATCH_CONTACTS_MAX = 10_000;
/** A one-at-a-time sequence holds at most this many contacts (each waits for the one before). */
export const SEQUENCE_CONTACTS_MAX = 500;
/** How a batch's calls go out: staggered (all of them, spaced), or one at a time until someone books. */
export const BATCH_MODES = ["staggered", "sequence"] as const;
export type BatchModeInput = (typeof BATCH_MODES)[number];
/** `scheduledCalls` in the answer lists this many; the batch's id pages through the rest. */
export const BATCH_RESPONSE_CALLS = 100;
/** Skipped contacts kept on the batch (and repeated by an idempotent replay); skippedCount counts them all. */
export const BATCH_SKIPPED_KEPT = 1_000;

const providerId = z.string().trim().min(1, "Must not be empty").max(128);
const contactId = z.string().min(1).max(64);

const STAGGER_WHOLE_MINUTES = "The minutes between calls must be a whole number, such as 5";

const isoInstant = z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time with a time zone, e.g. 2026-12-02T14:00:00+11:00" });

export const scheduleCallsSchema = z
  .object({
    /** Ids, or the contacts page's selection ({ ids } or { filter, excludeIds, includeIds }). */
    contactIds: z.union([z.array(contactId).max(100_000), contactSelectionSchema]).optional(),
    selection: contactSelectionSchema.optional(),
    scheduledTime: isoInstant,
    agentId: providerId.optional(),
    agentPhoneNumberId: providerId.optional(),
    /** Older clients named the phone-number id fromNumber; same meaning. */
    fromNumber: providerId.optional(),
    dynamicVariables: dynamicVariablesSchema.optional(),
    // A JSON number only: a string ("1e1", "0x10", " 5 ") is refused rather than read as a number.
    staggerMinutes: z
      .number({ error: STAGGER_WHOLE_MINUTES })
      .int(STAGGER_WHOLE_MINUTES)
      .min(STAGGER_MINUTES_MIN, `Space calls at least ${STAGGER_MINUTES_MIN} minute apart`)
      .max(STAGGER_MINUTES_MAX, `Space calls at most ${STAGGER_MINUTES_MAX} minutes apart`)
      .optional(),
    name: z.string().trim().min(1).max(120).optional(),
    /** "sequence": one call at a time in the order given, stopping at the first booking. Default "staggered". */
    mode: z.enum(BATCH_MODES, { error: 'Use mode "staggered" or "sequence"' }).optional(),
    /** The batch's call script: first message, prompt, extra variables (lib/scheduling/call-script-schema.ts). */
    script: callScriptSchema.optional(),
  })
  .strict()
  .refine((input) => (input.contactIds === undefined) !== (input.selection === undefined), {
    message: "Send the contacts as contactIds (a list of ids) or as selection, not both",
    path: ["contactIds"],
  })
  .refine((input) => !Object.keys(input.script?.variables ?? {}).some((key) => input.dynamicVariables && key in input.dynamicVariables), {
    message: "A variable is set both in dynamicVariables and in the call script; set it in one place",
    path: ["script", "variables"],
  });
export type ScheduleCallsInput = z.infer<typeof scheduleCallsSchema>;

export const idempotencyKeySchema = z.string().trim().min(1).max(255, "The Idempotency-Key header can be at most 255 characters");

export const listScheduledCallsQuerySchema = z.object({
  status: z.enum(SCHEDULED_CALL_STATUSES).optional(),
  batchId: z.string().min(1).max(64).optional(),
  kind: z.enum(["CALL", "CALLBACK", "CHECK_IN"]).optional(),
  contactId: z.string().min(1).max(64).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListScheduledCallsQuery = z.infer<typeof listScheduledCallsQuerySchema>;

export const listBatchesQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const rescheduleSchema = z.object({ scheduledTime: isoInstant }).strict();

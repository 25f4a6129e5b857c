import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const isoInstant = z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time with a time zone, e.g. 2026-12-02T14:00:00+11:00" });

/** A callback can be set at most this far ahead: further is more likely a slip than a plan. */
export const CALLBACK_MAX_DAYS_AHEAD = 90;
/** Staff's call back this close to one already pending for the patient is the same call back twice: refused (409), naming that one. */
export const CALLBACK_DUPLICATE_WINDOW_MINUTES = 60;

const target = { contactId: id.optional(), callId: id.optional() };
const oneTarget = (input: { contactId?: string; callId?: string }) => (input.contactId === undefined) !== (input.callId === undefined);
const ONE_TARGET = { message: "Send either contactId or callId", path: ["contactId"] };

/** "Call back" from a contact (`contactId`) or from a call's page (`callId`: its patient, with its conversation as history). */
export const createCallbackSchema = z
  .object({
    ...target,
    dueAt: isoInstant,
    note: z.string().trim().max(500, "Keep the note under 500 characters").optional(),
  })
  .strict()
  .refine(oneTarget, ONE_TARGET);
export type CreateCallbackInput = z.infer<typeof createCallbackSchema>;

/** Who a call back is for, as the dialog names them: `?contactId=` or `?callId=`. */
export const callbackTargetQuerySchema = z.object(target).refine(oneTarget, ONE_TARGET);
export type CallbackTarget = z.infer<typeof callbackTargetQuerySchema>;

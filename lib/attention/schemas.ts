import { z } from "zod";

const id = z.string().trim().min(1).max(64);

/** "Done" on one item: the call (escalated, callback not scheduled) or the scheduled call (failed). */
export const markAttentionDoneSchema = z
  .object({ callId: id.optional(), scheduledCallId: id.optional() })
  .strict()
  .refine((input) => (input.callId === undefined) !== (input.scheduledCallId === undefined), {
    message: "Send either callId or scheduledCallId",
    path: ["callId"],
  });
export type MarkAttentionDoneInput = z.infer<typeof markAttentionDoneSchema>;

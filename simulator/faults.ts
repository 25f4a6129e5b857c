import { z } from "zod";
import { CALL_OUTCOMES, FAILURE_REASONS } from "@/simulator/options";

/**
 * Behaviours a test can force on the next dials, consumed one per dial in order (or, scripted for one
 * number, one per dial to that number — those go first). Only dials that
 * pass authentication and validation consume one; a call fault waits for a dial that is placed
 * (not refused by the concurrency limit).
 *
 * HTTP faults decide the answer to the dial itself:
 * - "500" / "429" / "422": answer with that status and ElevenLabs' error shape; no call is placed.
 * - "hang": read the request and never answer; no call is placed (the client times out).
 * - "hang_after_dial": place the call but never answer — the lost-response case a client must
 *   reconcile by user_id, since the phone really rings.
 * - "reset": destroy the connection after reading the request; no call is placed.
 * Call faults accept the dial and decide how the call goes:
 * - "busy" / "no-answer": the call never connects (`call_initiation_failure`).
 * - an outcome ("appointment_booked", …): the call connects and ends that way.
 */
export const HTTP_FAULTS = ["500", "429", "422", "hang", "hang_after_dial", "reset"] as const;
export const FAULT_MODES = [...HTTP_FAULTS, ...FAILURE_REASONS, ...CALL_OUTCOMES] as const;
export type FaultMode = (typeof FAULT_MODES)[number];
export type HttpFault = (typeof HTTP_FAULTS)[number];

export const faultRequestSchema = z.object({
  mode: z.enum(FAULT_MODES),
  count: z.number().int().min(1).max(10_000).default(1),
  /** Only dials to this number (E.164) take it, before the shared queue: "the 3rd patient books". */
  toNumber: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, "an E.164 number")
    .optional(),
});

export function isHttpFault(mode: FaultMode): mode is HttpFault {
  return (HTTP_FAULTS as readonly string[]).includes(mode);
}

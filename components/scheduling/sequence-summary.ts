import { clinicDateTime, type ClinicZone } from "@/components/scheduling/clinic-time";

/** A sequence's place in words, as the batch card and the steps panel say it. */
export interface SequenceState {
  status: "RUNNING" | "FILLED" | "EXHAUSTED" | "CANCELLED";
  position: number;
  bookedBy: { name: string; step: number } | null;
  /** The call back the sequence waits on before anyone else is called (its current patient asked for it). */
  waitingFor?: { name: string; at: Date | string; ringing: boolean } | null;
}

/**
 * "Calling 3 of 12", "Waiting for a call back to Jane Doe at Tue 8 Dec, 3:05 PM (3 of 12)", or why it stopped:
 * "Stopped at 3 of 12: Jane Doe booked", "Nobody booked: all 12 tried". Times on the clinic's clock.
 */
export function sequenceSummary(sequence: SequenceState, total: number, zone: ClinicZone): { headline: string; stopped: boolean } {
  const of = `${sequence.position.toLocaleString("en")} of ${total.toLocaleString("en")}`;
  switch (sequence.status) {
    case "RUNNING": {
      const wait = sequence.waitingFor;
      // Nobody is being called while the sequence waits for a call back: say so, rather than "Calling".
      if (wait?.ringing) return { headline: `Calling ${wait.name} back now (${of})`, stopped: false };
      if (wait) return { headline: `Waiting for a call back to ${wait.name} at ${clinicDateTime(wait.at, zone)} (${of})`, stopped: false };
      return { headline: `Calling ${of}`, stopped: false };
    }
    case "FILLED":
      return { headline: `Stopped at ${of}: ${sequence.bookedBy?.name ?? "a patient"} booked — the rest were not called`, stopped: true };
    case "EXHAUSTED":
      return { headline: `Nobody booked: all ${total.toLocaleString("en")} tried`, stopped: true };
    case "CANCELLED":
      return { headline: `Stopped by staff at ${of}`, stopped: true };
  }
}

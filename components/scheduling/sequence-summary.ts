/** A sequence's place in words, as the batch card and the steps panel say it. */
export interface SequenceState {
  status: "RUNNING" | "FILLED" | "EXHAUSTED" | "CANCELLED";
  position: number;
  bookedBy: { name: string; step: number } | null;
}

/** "Calling 3 of 12", or why it stopped: "Stopped at 3 of 12: Jane Doe booked", "Nobody booked: all 12 tried". */
export function sequenceSummary(sequence: SequenceState, total: number): { headline: string; stopped: boolean } {
  const of = `${sequence.position.toLocaleString("en")} of ${total.toLocaleString("en")}`;
  switch (sequence.status) {
    case "RUNNING":
      return { headline: `Calling ${of}`, stopped: false };
    case "FILLED":
      return { headline: `Stopped at ${of}: ${sequence.bookedBy?.name ?? "a patient"} booked — the rest were not called`, stopped: true };
    case "EXHAUSTED":
      return { headline: `Nobody booked: all ${total.toLocaleString("en")} tried`, stopped: true };
    case "CANCELLED":
      return { headline: `Stopped by staff at ${of}`, stopped: true };
  }
}

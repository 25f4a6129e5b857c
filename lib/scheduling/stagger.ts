import { isOpen, nextOpen, nextOpening, type WeeklyWindow } from "@/lib/scheduling/calling-window";

export interface SlotRequest {
  /** The recipient's legal window (their own zone). */
  legal: WeeklyWindow;
}

export type Slot = { ok: true; at: number; asked: number; moved: boolean } | { ok: false; reason: string };

/**
 * Staggered start times for a batch, in order: the i-th call is due `stagger` after the one before,
 * from `start`, inside the clinic's calling hours. A slot the clinic's hours close moves to the next
 * opening and the rest follow at the same spacing (a Friday-evening batch continues on Monday
 * morning). A recipient whose own legal hours are closed at their slot moves alone to the next time
 * both are open, so one patient abroad does not hold back everyone after them; the slot goes to the
 * next call. No two calls of the batch share a start time.
 */
export function staggerSlots(requests: readonly SlotRequest[], options: { start: number; staggerMs: number; clinic: WeeklyWindow }): Slot[] {
  const { start, staggerMs, clinic } = options;
  const used = new Set<number>();
  let cursor = start;
  let sequence = 0;
  const noClinicHours: Slot = { ok: false, reason: "The clinic has no calling hours set" };

  // The walk from a taken slot to the next free one depends only on the slot and the windows, and
  // taken slots stay taken: remember where each walk ended, so recipients moved to the same opening
  // do not each walk past all the others (quadratic — minutes for a few thousand).
  const walks = new Map<string, Map<number, number | null>>();
  const free = (at: number | null, windows: readonly WeeklyWindow[]): number | null => {
    const key = windows.map((w) => `${w.timeZone}|${w.days.join()}|${w.startMinute}|${w.endMinute}`).join(";");
    let ends = walks.get(key);
    if (!ends) walks.set(key, (ends = new Map()));
    const path: number[] = [];
    let candidate = at;
    while (candidate !== null && used.has(candidate)) {
      path.push(candidate);
      const known = ends.get(candidate);
      candidate = known !== undefined ? known : nextOpening(candidate + staggerMs, windows);
    }
    for (const taken of path) ends.set(taken, candidate);
    return candidate;
  };

  return requests.map((request): Slot => {
    const slot = free(nextOpen(cursor, clinic), [clinic]);
    if (slot === null) return noClinicHours;
    // The staggered time this call would have without calling hours: "moved" is measured from it.
    const asked = start + sequence * staggerMs;
    let at: number | null = slot;
    if (isOpen(slot, request.legal)) {
      cursor = slot + staggerMs;
      sequence += 1;
    } else {
      at = free(nextOpening(slot, [clinic, request.legal]), [clinic, request.legal]);
      if (at === null) {
        return { ok: false, reason: "The clinic’s calling hours never overlap 08:00–21:00 of the recipient’s local time" };
      }
    }
    used.add(at);
    return { ok: true, at, asked, moved: at !== asked };
  });
}

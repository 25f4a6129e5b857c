import { TZDate } from "@date-fns/tz";

/**
 * A weekly wall-clock window in one IANA zone: open on `days` (ISO weekdays, 1 = Monday … 7 = Sunday)
 * from `startMinute` to `endMinute` (minutes after local midnight, [start, end)).
 */
export interface WeeklyWindow {
  timeZone: string;
  days: readonly number[];
  startMinute: number;
  endMinute: number;
}

/** Calls to a patient only between 08:00 and 21:00 of the patient's own clock, every day. */
export const LEGAL_START_MINUTE = 8 * 60;
export const LEGAL_END_MINUTE = 21 * 60;

export function legalWindow(timeZone: string): WeeklyWindow {
  return { timeZone, days: [1, 2, 3, 4, 5, 6, 7], startMinute: LEGAL_START_MINUTE, endMinute: LEGAL_END_MINUTE };
}

/** How far ahead a search for an opening looks before it gives up (windows that never overlap). */
const SEARCH_HORIZON_MS = 15 * 24 * 3_600_000;

const isoWeekday = (local: TZDate) => local.getDay() || 7;

export function isOpen(at: Date | number, window: WeeklyWindow): boolean {
  const local = new TZDate(+at, window.timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  return window.days.includes(isoWeekday(local)) && minute >= window.startMinute && minute < window.endMinute;
}

/** The instant a local day (offset from `at`'s local date) reaches `minute` on the zone's clock. */
function localDayAt(at: number, window: WeeklyWindow, dayOffset: number, minute: number): TZDate {
  const local = new TZDate(at, window.timeZone);
  return TZDate.tz(window.timeZone, local.getFullYear(), local.getMonth(), local.getDate() + dayOffset, Math.floor(minute / 60), minute % 60);
}

/** The first instant ≥ `at` inside the window, or null when it never opens (no days). */
export function nextOpen(at: Date | number, window: WeeklyWindow): number | null {
  const from = +at;
  if (isOpen(from, window)) return from;
  for (let day = 0; day <= 8; day++) {
    const start = localDayAt(from, window, day, window.startMinute);
    // Checked with isOpen, not the weekday alone: on a DST change the wall-clock start may not exist.
    if (+start >= from && isOpen(start, window)) return +start;
  }
  return null;
}

/**
 * The first instant ≥ `at` at which every window is open — the clinic's calling hours and the
 * recipient's legal hours, in their own zones. Null when they do not overlap within two weeks.
 */
export function nextOpening(at: Date | number, windows: readonly WeeklyWindow[]): number | null {
  const from = +at;
  let candidate = from;
  while (candidate - from <= SEARCH_HORIZON_MS) {
    let moved = false;
    for (const window of windows) {
      const open = nextOpen(candidate, window);
      if (open === null) return null;
      if (open !== candidate) {
        candidate = open;
        moved = true;
      }
    }
    if (!moved) return candidate;
  }
  return null;
}

/** "09:00" ↔ 540: calling hours travel as wall-clock strings and are stored as minutes. */
export function minuteToClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function clockToMinute(clock: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock) ?? (clock === "24:00" ? ["", "24", "00"] : null);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

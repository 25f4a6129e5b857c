import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

// Agent answers are read aloud: "3:00 PM", "Tuesday 1 December" — unambiguous when spoken, whatever the clinic's locale.
export function spokenTime(at: number | Date, timeZone: string): string {
  return format(new TZDate(+at, timeZone), "h:mm a");
}

export function spokenDay(at: number | Date, timeZone: string): string {
  return format(new TZDate(+at, timeZone), "EEEE d MMMM");
}

/** "HH:mm" in the clinic's zone, the shape the agent sends back when it books. */
export function clockTime(at: number | Date, timeZone: string): string {
  return format(new TZDate(+at, timeZone), "HH:mm");
}

/** "9:30 AM, 10:00 AM and 11:30 AM". */
export function spokenList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

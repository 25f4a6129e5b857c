import { TZDate } from "@date-fns/tz";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * An instant as ISO 8601 on `timeZone`'s clock with its offset ("2026-12-07T09:30:00+11:00"): what a
 * clinic reads in its own time, and still one exact instant for a machine. Whole seconds; always a
 * numeric offset (+00:00, never Z), so every row of a file has the same shape. Built from TZDate's
 * fields rather than date-fns `format`, which costs several times more per cell of a 100,000-row export.
 */
export function isoInZone(at: Date, timeZone: string): string {
  const local = new TZDate(+at, timeZone);
  // getTimezoneOffset is minutes behind UTC (Sydney in summer: -660).
  const ahead = -local.getTimezoneOffset();
  const sign = ahead < 0 ? "-" : "+";
  const offset = `${sign}${pad(Math.floor(Math.abs(ahead) / 60))}:${pad(Math.abs(ahead) % 60)}`;
  return (
    `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}` +
    `T${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}${offset}`
  );
}

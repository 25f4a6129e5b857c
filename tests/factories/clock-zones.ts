/**
 * A fixed-offset zone where it is about noon right now, so calling-hours checks (the clinic's and the
 * recipient's 08:00–21:00) pass whatever time the tests run. Etc/GMT signs are inverted: GMT-10 is UTC+10.
 * Pure (no database), so end-to-end specs and the bench use it too.
 */
export function zoneAtNoon(now = new Date()): string {
  let offset = 12 - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

/** A zone where it is about 3 a.m. now: outside anyone's legal calling hours. */
export function zoneAtNight(now = new Date()): string {
  return zoneAtNoon(new Date(+now + 9 * 3_600_000));
}

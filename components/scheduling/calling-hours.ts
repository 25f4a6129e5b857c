const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** ISO weekday (1 = Monday … 7 = Sunday) → "Mon". */
export function dayName(isoDay: number): string {
  return DAY_NAMES[isoDay - 1] ?? String(isoDay);
}

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed, Fri"; runs of three or more days are joined with a dash. */
export function describeDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return "every day";
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs.flatMap((run) => (run.length >= 3 ? [`${dayName(run[0]!)}–${dayName(run[run.length - 1]!)}`] : run.map(dayName))).join(", ");
}

/** "Mon–Fri, 09:00–17:00": the clinic's calling hours in a few words. */
export function describeCallingHours(rules: { callingDays: readonly number[]; callingWindowStart: string; callingWindowEnd: string }): string {
  return `${describeDays(rules.callingDays)}, ${rules.callingWindowStart}–${rules.callingWindowEnd}`;
}

/**
 * A clock time as Hindi speakers say it: the part of the day, then the time and "बजे" ("दोपहर 3:00 बजे",
 * 3 PM). "am"/"pm", which Intl prints for hi-IN, are not spoken Hindi, and a 24-hour time is not said aloud.
 */
export function hindiClock(hour: number, minute: number): string {
  const h12 = hour % 12 || 12;
  return `${dayPart(hour)} ${h12}:${String(minute).padStart(2, "0")} बजे`;
}

/** सुबह (morning) 4–12, दोपहर (afternoon) 12–16, शाम (evening) 16–20, रात (night) 20–4. */
function dayPart(hour: number): string {
  if (hour >= 4 && hour < 12) return "सुबह";
  if (hour >= 12 && hour < 16) return "दोपहर";
  if (hour >= 16 && hour < 20) return "शाम";
  return "रात";
}

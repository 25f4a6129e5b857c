import { expect, type Page } from "@playwright/test";

// One zone per hour or two around the world: one of them is always in the early afternoon.
const ZONES = [
  "Pacific/Kiritimati",
  "Pacific/Auckland",
  "Australia/Sydney",
  "Asia/Tokyo",
  "Asia/Shanghai",
  "Asia/Bangkok",
  "Asia/Dhaka",
  "Asia/Karachi",
  "Asia/Dubai",
  "Europe/Moscow",
  "Europe/Athens",
  "Europe/Berlin",
  "Europe/London",
  "Atlantic/Cape_Verde",
  "America/Noronha",
  "America/Sao_Paulo",
  "America/Halifax",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "Pacific/Pago_Pago",
];

function minutesOfDay(zone: string, now: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return value("hour") * 60 + value("minute");
}

/** The zone whose clock is nearest 13:00 now: hours inside every patient's legal calling hours, whenever the suite runs. */
export function afternoonZone(now = new Date()): string {
  const distance = (zone: string) => Math.abs(minutesOfDay(zone, now) - 13 * 60);
  return ZONES.reduce((best, zone) => (distance(zone) < distance(best) ? zone : best));
}

/**
 * A new patient "Call now" may dial whenever the suite runs: in a zone where it is afternoon, never called
 * (so no per-patient limit applies), on a number of Australia's range for fiction. Opens /contacts on them.
 */
export async function openCallableContact(page: Page, firstName: string): Promise<string> {
  const name = `${firstName} Callable ${Math.random().toString(36).slice(2, 7)}`;
  for (let attempt = 0; ; attempt++) {
    const phoneNumber = `+6127010${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
    const created = await page.request.post("/api/contacts", { data: { name, phoneNumber, timezone: afternoonZone() } });
    // A number an earlier run took: draw another.
    if (created.status() === 409 && attempt < 5) continue;
    expect(created.status(), await created.text()).toBe(201);
    break;
  }
  await page.goto(`/contacts?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("button", { name: `Call ${name}`, exact: true })).toBeEnabled();
  return name;
}

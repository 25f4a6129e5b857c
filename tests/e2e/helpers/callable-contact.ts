import { expect, type Page } from "@playwright/test";
import { zoneAtNoon } from "../../factories/clock-zones";

/**
 * A new patient "Call now" may dial whenever the suite runs: in a zone where it is about noon, never called
 * (so no per-patient limit applies), on a number of Australia's range for fiction. Opens /contacts on them.
 */
export async function openCallableContact(page: Page, firstName: string): Promise<string> {
  const name = `${firstName} Callable ${Math.random().toString(36).slice(2, 7)}`;
  for (let attempt = 0; ; attempt++) {
    const phoneNumber = `+6127010${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
    const created = await page.request.post("/api/contacts", { data: { name, phoneNumber, timezone: zoneAtNoon() } });
    // A number an earlier run took: draw another.
    if (created.status() === 409 && attempt < 5) continue;
    expect(created.status(), await created.text()).toBe(201);
    break;
  }
  await page.goto(`/contacts?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("button", { name: `Call ${name}`, exact: true })).toBeEnabled();
  return name;
}

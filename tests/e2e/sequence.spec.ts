import { randomUUID } from "node:crypto";
import { expect as baseExpect, test, type APIRequestContext } from "@playwright/test";
import { DEMO } from "./helpers/accounts";
import { expectNoSeriousA11yViolations, signIn } from "./helpers/pages";
import { E2E_SIMULATOR_PORT } from "./helpers/simulator";

const SYDNEY = "Australia/Sydney";
// Sign-in and server renders on a busy shared machine can take longer than the default 10 s.
const expect = baseExpect.configure({ timeout: 30_000 });

/** A fixed-offset zone where it is about noon now, so the patients' own 08:00–21:00 is open whenever this runs. */
function zoneAtNoon(now = new Date()): string {
  let offset = 12 - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

/** The next dial to `toNumber` ends as `mode` (`POST /_simulator/faults` with `toNumber`). */
async function scriptNumber(toNumber: string, mode: "appointment_booked" | "not_interested") {
  const res = await fetch(`http://127.0.0.1:${E2E_SIMULATOR_PORT}/_simulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mode, toNumber }),
  });
  if (!res.ok) throw new Error(`The simulator refused the script: ${res.status} ${await res.text()}`);
}

/** The wall clock in a zone as the dialog's date and time fields take it. */
function wallClock(at: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

async function createContact(request: APIRequestContext, name: string, phoneNumber: string): Promise<string> {
  const res = await request.post("/api/contacts", { data: { name, phoneNumber, timezone: zoneAtNoon() } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { contact: { id: string } }).contact.id;
}

test.describe("sequence", () => {
  // The first step waits for the local cron (every 60 s); the next ones follow each call's end.
  test.setTimeout(300_000);

  test("build a one-at-a-time sequence from the contacts page and watch it stop at the booking", async ({ page }) => {
    const tag = `Waitlist ${randomUUID().slice(0, 6)}`;
    const digits = String(Math.floor(Math.random() * 9_000) + 1_000);
    const patients = [
      { name: `${tag} Ana`, phone: `+6125551${digits.slice(0, 3)}1` },
      { name: `${tag} Bo`, phone: `+6125551${digits.slice(0, 3)}2` },
      { name: `${tag} Cy`, phone: `+6125551${digits.slice(0, 3)}3` },
    ];
    await signIn(page, DEMO.admin.email, DEMO.password);
    await expect(page).toHaveURL("/", { timeout: 60_000 });
    const request = page.request;
    // Calls go out now, whatever the hour of this run: the clinic calls around the clock for this test (restored after).
    const saved = (await (await request.get("/api/organizations/calling-rules")).json()) as {
      callingDays: number[];
      callingWindowStart: string;
      callingWindowEnd: string;
    };
    const ids: string[] = [];
    try {
      expect(
        (
          await request.patch("/api/organizations/calling-rules", {
            data: { callingDays: [1, 2, 3, 4, 5, 6, 7], callingWindowStart: "00:00", callingWindowEnd: "24:00" },
          })
        ).status(),
      ).toBe(200);
      for (const patient of patients) ids.push(await createContact(request, patient.name, patient.phone));
      // Ticked Cy, Ana, Bo: Cy is called first and asks for a call back; Ana books; Bo is never called.
      // Not a call back: a patient who asks for one holds the waitlist until it is made (integration-tested).
      await scriptNumber(patients[2]!.phone, "not_interested");
      await scriptNumber(patients[0]!.phone, "appointment_booked");

      await page.goto(`/contacts?q=${encodeURIComponent(tag)}`);
      for (const name of [patients[2]!.name, patients[0]!.name, patients[1]!.name]) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
      await page.getByRole("button", { name: "Schedule Calls (3)" }).click();
      const dialog = page.getByRole("dialog", { name: "Schedule calls to 3 contacts" });
      await dialog.getByRole("radio", { name: /One at a time until someone books/ }).check();
      await expect(dialog.getByLabel("Minutes between calls")).toHaveCount(0);
      // This minute or the next, whichever is nearer: never more than the server's grace in the past.
      const now = wallClock(new Date(Date.now() + 30_000), SYDNEY);
      await dialog.getByLabel("Date").fill(now.date);
      await dialog.getByLabel("Time", { exact: true }).fill(now.time);

      const preview = dialog.getByTestId("schedule-preview");
      await expect(preview).toContainText("3 patients, one at a time");
      await expect(preview.getByRole("list", { name: "Calling order" }).getByRole("listitem")).toHaveText([
        patients[2]!.name,
        patients[0]!.name,
        patients[1]!.name,
      ]);
      await expectNoSeriousA11yViolations(page);
      await dialog.getByRole("button", { name: "Start calling 3 one at a time" }).click();
      await expect(page.getByText("Calling 3 patients one at a time")).toBeVisible();
      await page.getByRole("link", { name: "Follow it" }).click();
      await expect(page).toHaveURL(/\/scheduling\?batch=/);

      const card = page.getByTestId("batch-card").filter({ has: page.locator('a[aria-current="true"]') });
      const steps = page.getByTestId("sequence-step");
      await expect(steps).toHaveCount(3);
      await expect(steps.nth(1)).toContainText("Waits for step 1");
      // The cron dials Cy, who is not interested; Ana is called next and books; Bo is not called.
      await expect(async () => {
        await page.reload();
        await expect(card.getByTestId("sequence-summary")).toContainText(`Stopped at 2 of 3: ${patients[0]!.name} booked`, { timeout: 1_000 });
      }).toPass({ timeout: 150_000, intervals: [3_000] });
      await expect(steps.nth(0)).toContainText("No booking (not interested)");
      await expect(steps.nth(1)).toContainText("Booked");
      await expect(steps.nth(2)).toContainText("Not called: an earlier patient booked");
      await expect(page.getByTestId("sequence-steps")).toContainText(`Calling order — Stopped at 2 of 3: ${patients[0]!.name} booked`);
      await expectNoSeriousA11yViolations(page);
    } finally {
      await request.patch("/api/organizations/calling-rules", {
        data: { callingDays: saved.callingDays, callingWindowStart: saved.callingWindowStart, callingWindowEnd: saved.callingWindowEnd },
      });
      for (const id of ids) await request.delete(`/api/contacts/${id}`);
    }
  });
});

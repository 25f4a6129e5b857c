import { expect, test, type Page } from "@playwright/test";
import { DEMO, newClinic } from "./helpers/accounts";
import { clinicDayLabel, tuesdayAhead } from "./helpers/clinic-time";
import { expectNoSeriousA11yViolations, fillSignUp, signInToDashboard } from "./helpers/pages";

const SYDNEY = "Australia/Sydney";

/** Ticks the first `count` callable contacts on the page with different names (the demo has namesakes); returns their names. */
async function tickCallableContacts(page: Page, count: number): Promise<string[]> {
  const rows = page.getByTestId("contact-row").filter({ hasNotText: "Do not call" });
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const checkbox = rows.nth(i).getByRole("checkbox");
    const name = (await checkbox.getAttribute("aria-label"))!.replace(/^Select /, "");
    if (names.includes(name)) continue;
    await checkbox.check();
    names.push(name);
  }
  return names;
}

async function signUpNewClinic(page: Page) {
  await fillSignUp(page, newClinic());
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/");
}

test.describe("scheduling", () => {
  test("schedule three contacts, follow the batch, reschedule one call, cancel one and then the rest", async ({ page }) => {
    const date = tuesdayAhead(SYDNEY);
    const day = clinicDayLabel(date, SYDNEY);
    await signInToDashboard(page, DEMO.admin.email, DEMO.password);
    await page.goto("/contacts");
    await expect(page.getByRole("button", { name: /^Schedule Calls/ })).toHaveCount(0);

    // "Select all N contacts" counts everyone matching, not just the page.
    await page.getByRole("checkbox", { name: "Select the contacts on this page" }).check();
    await expect(page.getByRole("button", { name: "Schedule Calls (50)" })).toBeVisible();
    const selectAll = page.getByRole("button", { name: /^Select all \d+ contacts$/ });
    const everyone = (await selectAll.textContent())!.match(/\d+/)![0];
    await selectAll.click();
    await expect(page.getByRole("button", { name: `Schedule Calls (${everyone})` })).toBeVisible();
    await page.getByRole("button", { name: "Clear selection" }).click();

    const names = await tickCallableContacts(page, 3);

    await page.getByRole("button", { name: "Schedule Calls (3)" }).click();
    const dialog = page.getByRole("dialog", { name: "Schedule calls to 3 contacts" });
    await expect(dialog.getByLabel("Agent", { exact: true })).toHaveValue("agent_sim_sunrise_reception");
    await expect(dialog.getByLabel("Phone number")).toHaveValue("phnum_sim_sunrise_main");
    await expect(dialog.getByLabel("Time", { exact: true })).toHaveAccessibleDescription(/Australia\/Sydney time \(AEDT\)/);
    await dialog.getByLabel("Date").fill(date);
    await dialog.getByLabel("Time", { exact: true }).fill("11:00");
    await dialog.getByLabel("Minutes between calls").fill("2");

    // The server's own plan (a dry run): 11:00, 11:02, 11:04 on the clinic's clock.
    const preview = dialog.getByTestId("schedule-preview");
    await expect(preview.getByTestId("preview-first-call")).toHaveText("11:00 AM");
    await expect(preview.getByTestId("preview-last-call")).toHaveText("11:04 AM");
    await expect(preview).toContainText(`3 calls, 2 minutes apart, on ${day}`);
    await expect(preview).toContainText("about 11:06 AM");
    await expectNoSeriousA11yViolations(page);

    await dialog.getByRole("button", { name: "Schedule 3 calls" }).click();
    await expect(page.getByText("3 calls scheduled for 11:00 AM – 11:04 AM")).toBeVisible();
    await expect(dialog).toBeHidden();
    // The selection is cleared, so the button goes.
    await expect(page.getByRole("button", { name: /^Schedule Calls/ })).toHaveCount(0);

    await page.getByRole("link", { name: "View the batch" }).click();
    await expect(page).toHaveURL(/\/scheduling\?batch=/);
    const card = page.getByTestId("batch-card").filter({ has: page.locator('a[aria-current="true"]') });
    await expect(card).toContainText("3 pending");
    await expect(page.getByTestId("dispatcher-status")).toContainText(/Dispatcher last ran|The dispatcher has not run yet/);
    const rows = page.getByTestId("scheduled-call-row");
    await expect(rows).toHaveCount(3);
    for (const name of names) await expect(rows.filter({ hasText: name })).toContainText(`${day}, 11:0`);
    await expect(rows.first()).toContainText("0 of 3");
    await expectNoSeriousA11yViolations(page);

    // Reschedule one call to 12:30 the same day, in clinic time.
    await page.getByRole("button", { name: `Reschedule the call to ${names[1]}` }).click();
    const reschedule = page.getByRole("dialog", { name: `Reschedule the call to ${names[1]}` });
    await expect(reschedule.getByLabel("Date")).toHaveValue(date);
    await reschedule.getByLabel("Time", { exact: true }).fill("12:30");
    await reschedule.getByRole("button", { name: "Reschedule" }).click();
    await expect(page.getByText(`The call to ${names[1]} is now at ${day}, 12:30 PM`)).toBeVisible();
    await expect(rows.filter({ hasText: names[1]! })).toContainText(`${day}, 12:30 PM`);

    // Cancel one call, then the batch's other pending ones.
    await page.getByRole("button", { name: `Cancel the call to ${names[0]}` }).click();
    await expect(page.getByText(`Cancelled the call to ${names[0]}`)).toBeVisible();
    await expect(rows.filter({ hasText: names[0]! })).toContainText("Cancelled");
    await expect(card).toContainText("2 pending");

    await card.getByRole("button", { name: /^Cancel pending calls of/ }).click();
    const confirm = page.getByRole("alertdialog", { name: "Cancel 2 calls still to go?" });
    await confirm.getByRole("button", { name: "Cancel 2 calls" }).click();
    await expect(page.getByText("Cancelled 2 calls")).toBeVisible();
    await expect(card).toContainText("3 cancelled");
    await expect(card).toContainText("0 pending");
    await expect(card.getByRole("button", { name: /^Cancel pending/ })).toHaveCount(0);
    for (const name of names) await expect(rows.filter({ hasText: name })).toContainText("Cancelled");

    // The tabs filter by status through the URL.
    await page
      .getByRole("navigation", { name: "Filter calls by status" })
      .getByRole("link", { name: /^Pending/ })
      .click();
    await expect(page).toHaveURL(/status=PENDING/);
    await expect(page.getByText("No pending calls in this batch.")).toBeVisible();
  });

  test("a new clinic: plain-words errors, calls moved for the patient's hours and do-not-call contacts skipped in the preview", async ({ page }) => {
    await signUpNewClinic(page);
    await page.goto("/scheduling");
    await expect(page.getByRole("heading", { name: "No calls scheduled yet" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to contacts" })).toBeVisible();

    for (const contact of [
      { name: "Ada Early", phoneNumber: "02 5550 9001" },
      { name: "Ben West", phoneNumber: "02 5550 9002", timezone: "Australia/Perth" },
      { name: "Cara Quiet", phoneNumber: "02 5550 9003", doNotCall: true, doNotCallReason: "Asked not to be called" },
    ]) {
      const res = await page.request.post("/api/contacts", { data: contact });
      expect(res.status()).toBe(201);
    }
    // The clinic registers an agent and a number of its own, but chooses no default yet. Ids are unique
    // across clinics, and the e2e database may be reused: one per run.
    const run = Date.now().toString(36);
    expect((await page.request.post("/api/agents", { data: { agentId: `agent_e2e_${run}`, name: "E2E agent" } })).status()).toBe(201);
    const line = { phoneNumberId: `phnum_e2e_${run}`, phoneNumber: `+6125559${String(Date.now() % 10_000).padStart(4, "0")}`, label: "E2E line" };
    expect((await page.request.post("/api/phone-numbers", { data: line })).status()).toBe(201);
    await page.goto("/contacts");
    await page.getByRole("checkbox", { name: "Select the contacts on this page" }).check();
    await page.getByRole("button", { name: "Schedule Calls (3)" }).click();
    const dialog = page.getByRole("dialog", { name: "Schedule calls to 3 contacts" });
    await dialog.getByLabel("Date").fill(tuesdayAhead(SYDNEY));
    await dialog.getByLabel("Time", { exact: true }).fill("10:00");

    // No default agent yet: the preview says what is missing and where to set it; the dialog offers the clinic's own.
    const preview = dialog.getByTestId("schedule-preview");
    await expect(preview.getByRole("alert")).toContainText("No ElevenLabs agent is configured");
    await expect(dialog.getByLabel("Agent", { exact: true })).toHaveValue("");
    await dialog.getByLabel("Agent", { exact: true }).selectOption(`agent_e2e_${run}`);
    await dialog.getByLabel("Phone number").selectOption(line.phoneNumberId);

    // 10:02 in Sydney is 07:02 in Perth: Ben's call moves to 11:00 (08:00 his time); Cara is skipped.
    await expect(preview.getByTestId("preview-first-call")).toHaveText("10:00 AM");
    await expect(preview.getByTestId("preview-last-call")).toHaveText("11:00 AM");
    await expect(preview).toContainText("1 call moved to fit calling hours");
    await expect(preview.getByRole("listitem").filter({ hasText: "Ben West" })).toContainText("they are in Australia/Perth");
    await expect(preview).toContainText("1 contact skipped");
    await expect(preview).toContainText("Cara Quiet: On the do-not-call list (Asked not to be called)");
    await expect(dialog.getByRole("button", { name: "Schedule 2 calls" })).toBeEnabled();

    // A bad spacing is refused in words, beside its field, and nothing is asked of the server.
    await dialog.getByLabel("Minutes between calls").fill("90");
    await expect(dialog.getByLabel("Minutes between calls")).toHaveAccessibleDescription("Space calls 1 to 60 minutes apart");
    // The preview names the spacing too, not the date.
    await expect(dialog.getByTestId("schedule-preview")).toContainText("Set the minutes between calls (1 to 60 minutes) to see when the calls go out.");
    await expect(dialog.getByRole("button", { name: /^Schedule \d+ call/ })).toBeDisabled();

    // Escape closes without scheduling anything.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.goto("/scheduling");
    await expect(page.getByRole("heading", { name: "No calls scheduled yet" })).toBeVisible();
  });

  test("admins set calling hours and retries, checked in words before saving", async ({ page }) => {
    await signUpNewClinic(page);
    await page.goto("/settings");
    const form = page.getByRole("form", { name: "Calling hours and retries" });
    await expect(form.getByRole("checkbox", { name: "Friday" })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: "Saturday" })).not.toBeChecked();
    await form.getByRole("checkbox", { name: "Friday" }).uncheck();
    await form.getByLabel("Calls stop at").fill("08:00");
    await form.getByRole("button", { name: "Save calling rules" }).click();
    await expect(form.getByLabel("Calls stop at")).toHaveAccessibleDescription("Must be later than the start");
    await expect(form.getByLabel("Calls stop at")).toBeFocused();

    await form.getByLabel("Calls stop at").fill("16:30");
    await form.getByLabel("Minutes between calls").fill("5");
    await form.getByLabel("Try again when a call reaches voicemail").uncheck();
    await form.getByRole("button", { name: "Save calling rules" }).click();
    await expect(page.getByText("Calling rules saved")).toBeVisible();
    await page.reload();
    await expect(form.getByRole("checkbox", { name: "Friday" })).not.toBeChecked();
    await expect(form.getByLabel("Calls stop at")).toHaveValue("16:30");
    await expect(form.getByLabel("Minutes between calls")).toHaveValue("5");
    await expect(form.getByLabel("Try again when a call reaches voicemail")).not.toBeChecked();
    await expectNoSeriousA11yViolations(page);
  });

  test("staff see the calling rules read-only", async ({ page }) => {
    await signInToDashboard(page, DEMO.staff.email, DEMO.password);
    await page.goto("/settings");
    await expect(page.getByText(/^When scheduled calls may go out.*Only owners and admins can change these\.$/)).toBeVisible();
    await expect(page.getByRole("form", { name: "Calling hours and retries" })).toHaveCount(0);
    await expect(page.getByText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun|every day).*, \d\d:\d\d–\d\d:\d\d$/)).toBeVisible();
  });
});

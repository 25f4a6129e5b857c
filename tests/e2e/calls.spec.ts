import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./helpers/accounts";
import { openCallableContact } from "./helpers/callable-contact";
import { expectNoSeriousA11yViolations, signInToDashboard } from "./helpers/pages";
import { injectSimulatorFault } from "./helpers/simulator";

// A page refreshes itself every 15 s (and the simulated call lasts ~4 s): give it two rounds.
const LIVE = { timeout: 45_000 };

/** Marks the document: if the page is reloaded, the mark is gone. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
}
async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
}

const kpi = (page: Page, label: string) =>
  page
    .getByTestId("kpis")
    .locator("div")
    .filter({ has: page.getByRole("heading", { name: label, exact: true }) })
    .first();

test("a simulator call that ends shows up on the overview and in the call history without a reload; its page reads as a conversation", async ({
  page,
  context,
}) => {
  await signInToDashboard(page, DEMO.admin.email, DEMO.password);

  const overview = page;
  await expect(overview.getByRole("heading", { name: "Latest activity" })).toBeVisible();
  const bookedBefore = (await kpi(overview, "Appointments booked").textContent()) ?? "";
  await markDocument(overview);

  const history = await context.newPage();
  await history.goto("/calls");
  await markDocument(history);

  const contacts = await context.newPage();
  const contactName = await openCallableContact(contacts, "Colette");
  await contacts.getByRole("button", { name: `Call ${contactName}`, exact: true }).click();
  const dialog = contacts.getByRole("dialog", { name: `Call ${contactName}` });
  await expect(dialog.getByLabel("Agent", { exact: true })).not.toHaveValue("");
  await injectSimulatorFault("appointment_booked");
  await dialog.getByRole("button", { name: "Call Now" }).click();
  await expect(contacts.getByText(`Calling ${contactName}`)).toBeVisible();

  // The overview: the booking counts, and the newest feed entry is the call's end.
  await overview.bringToFront();
  await expect(kpi(overview, "Appointments booked")).not.toHaveText(bookedBefore, LIVE);
  const feedEntry = overview.getByRole("list", { name: "Latest activity" }).getByRole("listitem").first().getByRole("link");
  await expect(feedEntry).toHaveText(`Call with ${contactName} ended: appointment booked`, LIVE);
  await expectNotReloaded(overview);
  await expectNoSeriousA11yViolations(overview);

  // The history: the newest row is the call, resolved as a booking.
  await history.bringToFront();
  const row = history.getByRole("row").nth(1);
  await expect(row).toContainText(contactName, LIVE);
  await expect(row).toContainText("Booked", LIVE);
  await expectNotReloaded(history);
  await expectNoSeriousA11yViolations(history);

  // The call's own page: summary, the transcript as agent / patient turns, and a way to call again.
  await row.getByRole("link", { name: contactName, exact: true }).click();
  await expect(history).toHaveURL(/\/calls\/[^/?]+$/);
  await expect(history.getByRole("heading", { name: "Transcript" })).toBeVisible();
  const conversation = history.getByRole("list", { name: "Conversation" });
  await expect(conversation.getByRole("listitem").first()).toContainText("Agent");
  await expect(conversation.getByRole("listitem").filter({ hasText: "Patient" }).first()).toBeVisible();
  await expect(conversation).toContainText(contactName.split(" ")[0]!);
  await expect(history.getByText("Appointment booked").first()).toBeVisible();
  await expect(history.getByRole("heading", { name: "Dynamic variables sent" })).toBeVisible();
  await expect(history.getByText("contact_name")).toBeVisible();
  await expect(history.getByRole("button", { name: `Call again: ${contactName}` })).toBeEnabled();
  await expectNoSeriousA11yViolations(history);

  // Feed entries lead to their call.
  await overview.bringToFront();
  await feedEntry.click();
  await expect(overview.getByRole("heading", { name: "Transcript" })).toBeVisible();
});

test("call history filters in plain words; a call that is not ours is a 404 page", async ({ page }) => {
  await signInToDashboard(page, DEMO.staff.email, DEMO.password);
  await page.goto("/calls?from=2026-13-45");
  await expect(page.getByRole("heading", { name: "These filters cannot be used" })).toBeVisible();
  await expect(page.getByText("That date does not exist.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/calls?q=${encodeURIComponent("no such words anywhere xyzzy")}`);
  await expect(page.getByRole("heading", { name: "No calls match" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL("/calls");

  // No loading boundary above the page, so the lookup ends before anything is sent: a real 404.
  const missing = await page.goto("/calls/call_of_another_clinic");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Call not found" })).toBeVisible();
  expect((await page.request.get("/api/calls/call_of_another_clinic")).status()).toBe(404);
  await expectNoSeriousA11yViolations(page);
});

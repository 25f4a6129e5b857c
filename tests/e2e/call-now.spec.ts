import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/accounts";
import { openCallableContact } from "./helpers/callable-contact";
import { signInToDashboard } from "./helpers/pages";
import { injectSimulatorFault } from "./helpers/simulator";

test("staff call a contact now: dialog → toast → the call appears under Calls", async ({ page }) => {
  await signInToDashboard(page, DEMO.staff.email, DEMO.password);
  const contactName = await openCallableContact(page, "Amira");
  await page.getByRole("button", { name: `Call ${contactName}`, exact: true }).click();

  const dialog = page.getByRole("dialog", { name: `Call ${contactName}` });
  await expect(dialog).toBeVisible();
  // The clinic's defaults chosen (the seed registers the simulator's agent and number to it).
  await expect(dialog.getByLabel("Agent", { exact: true })).toHaveValue("agent_sim_sunrise_reception");
  await expect(dialog.getByLabel("Phone number")).toHaveValue("phnum_sim_sunrise_main");
  // What the agent will know, in the clinic's zone and words.
  await expect(dialog.getByText("contact_name")).toBeVisible();
  await expect(dialog.getByText(contactName, { exact: true })).toBeVisible();
  await expect(dialog.getByText(/^Good (morning|afternoon|evening)$/)).toBeVisible();

  await dialog.getByRole("button", { name: "Call Now" }).click();
  await expect(page.getByText(`Calling ${contactName}`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calls" }).click();
  const row = page.getByRole("row").filter({ hasText: contactName }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText(/Ringing|In progress|Completed/);
});

test("a failed dial is explained in plain words and the dialog stays open", async ({ page }) => {
  await signInToDashboard(page, DEMO.staff.email, DEMO.password);
  const contactName = await openCallableContact(page, "Bruno");
  await page.getByRole("button", { name: `Call ${contactName}`, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Call ${contactName}` });
  await expect(dialog.getByLabel("Agent", { exact: true })).not.toHaveValue("");

  await injectSimulatorFault("500");
  await dialog.getByRole("button", { name: "Call Now" }).click();
  await expect(dialog.getByRole("alert")).toContainText("ElevenLabs could not place the call");
  await expect(page.getByText(`Call to ${contactName} not placed`)).toBeVisible();
  await expect(dialog).toBeVisible();
});

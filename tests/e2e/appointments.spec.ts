import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./helpers/accounts";
import { openCallableContact } from "./helpers/callable-contact";
import { expectNoSeriousA11yViolations, signInToDashboard } from "./helpers/pages";
import { configureSimulator, injectSimulatorFault } from "./helpers/simulator";

// /appointments refreshes itself every 15 s and the simulated call lasts ~4 s: give it two rounds.
const LIVE = { timeout: 45_000 };
const AGENT_ID = "agent_sim_sunrise_reception";

/** The agent's token and tool JSON, as Settings → Agents shows them once (registered, or regenerated). */
async function agentToolConfig(page: Page): Promise<unknown> {
  const registered = await page.request.post("/api/agents", { data: { agentId: AGENT_ID, name: "Reception" } });
  if (registered.status() === 201) return ((await registered.json()) as { toolConfig: unknown }).toolConfig;
  const { agents } = (await (await page.request.get("/api/agents")).json()) as { agents: { id: string; agentId: string }[] };
  const agent = agents.find((a) => a.agentId === AGENT_ID)!;
  const regenerated = await page.request.post(`/api/agents/${agent.id}/token`);
  expect(regenerated.status()).toBe(200);
  return ((await regenerated.json()) as { toolConfig: unknown }).toolConfig;
}

test("a simulated call books through the agent's server tools → the appointment appears on /appointments without a reload", async ({ page, context }) => {
  await signInToDashboard(page, DEMO.admin.email, DEMO.password);
  // Open every day, so the first free slot is on the day the simulated agent asks about first.
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: "00:00", end: "24:00" }));
  expect((await page.request.patch("/api/organizations/opening-hours", { data: { openingHours: everyDay, appointmentSlotMinutes: 30 } })).status()).toBe(200);
  // What a person does with the settings page's JSON in ElevenLabs, done to the simulator.
  await configureSimulator({ agentTools: { [AGENT_ID]: await agentToolConfig(page) } });

  try {
    // The simulated agent asks for tomorrow first (by the UTC calendar, never before the clinic's today).
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/appointments?view=week&date=${tomorrow}`);
    await expect(page.getByRole("heading", { name: "Appointments", level: 1 })).toBeVisible();
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
    // The e2e database may be reused: count what an earlier run left, and wait for one more.
    const booked = (name: string) =>
      page.getByTestId("appointment-row").filter({ hasText: name }).filter({ hasText: "Voice agent" }).filter({ hasText: "Scheduled" });

    const contacts = await context.newPage();
    const contactName = await openCallableContact(contacts, "Dorothea");
    const before = await booked(contactName).count();
    await contacts.getByRole("button", { name: `Call ${contactName}`, exact: true }).click();
    const dialog = contacts.getByRole("dialog", { name: `Call ${contactName}` });
    await expect(dialog.getByLabel("Agent", { exact: true })).toHaveValue(AGENT_ID);
    await injectSimulatorFault("appointment_booked");
    await dialog.getByRole("button", { name: "Call Now" }).click();
    await expect(contacts.getByText(`Calling ${contactName}`)).toBeVisible();
    await contacts.close();

    await expect(booked(contactName)).toHaveCount(before + 1, LIVE);
    const row = booked(contactName).last();
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await expectNoSeriousA11yViolations(page);

    // Staff can cancel it from the page; it stays listed as cancelled.
    await row.getByRole("button", { name: /^Cancel / }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel appointment" }).click();
    await expect(page.getByText(/cancelled$/).first()).toBeVisible();
  } finally {
    await configureSimulator({ agentTools: {} });
    await page.request.patch("/api/organizations/opening-hours", {
      data: { openingHours: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" })), appointmentSlotMinutes: 30 },
    });
  }
});

test("staff book, move and see an overlap refused on /appointments", async ({ page }) => {
  await signInToDashboard(page, DEMO.staff.email, DEMO.password);
  // A day of its own (the e2e database may hold earlier runs' appointments), inside the year staff may book ahead.
  const day = new Date(Date.now() + (30 + Math.floor(Math.random() * 330)) * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/appointments?view=day&date=${day}`);
  await expectNoSeriousA11yViolations(page);
  const name = `Walk-in ${Math.random().toString(36).slice(2, 7)}`;

  const book = async (patient: string, time: string) => {
    await page.getByRole("button", { name: "New appointment" }).click();
    const dialog = page.getByRole("dialog", { name: "New appointment" });
    await dialog.getByLabel("Date").fill(day);
    await dialog.getByLabel("Time").fill(time);
    await dialog.getByLabel("Patient's name").fill(patient);
    await dialog.getByRole("button", { name: "Book" }).click();
    return dialog;
  };
  const first = await book(name, "06:10");
  await expect(first).toBeHidden();
  await expect(page.getByTestId("appointment-row").filter({ hasText: name })).toContainText("6:10 AM – 6:40 AM");

  const clash = await book(`${name} again`, "06:20");
  await expect(clash.getByText(/overlaps another appointment/)).toBeVisible();
  await clash.getByRole("button", { name: "Cancel" }).click();

  await page
    .getByTestId("appointment-row")
    .filter({ hasText: name })
    .getByRole("button", { name: /^Move / })
    .click();
  const move = page.getByRole("dialog", { name: `Move ${name}'s appointment` });
  await move.getByLabel("Time").fill("07:00");
  await move.getByRole("button", { name: "Move" }).click();
  await expect(page.getByTestId("appointment-row").filter({ hasText: name })).toContainText("7:00 AM – 7:30 AM");
});

import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./helpers/accounts";
import { signInToDashboard } from "./helpers/pages";
import { playInboundCall } from "./helpers/simulator";

// Pages refresh themselves every 15 s and a simulated call lasts a few seconds: give them two rounds.
const LIVE = { timeout: 45_000 };

async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
}
async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
}

test("a patient calling the clinic shows up on the overview and in the inbound call history without a reload", async ({ page, context }) => {
  await signInToDashboard(page, DEMO.admin.email, DEMO.password);
  await expect(page.getByRole("heading", { name: "Latest activity" })).toBeVisible();
  await markDocument(page);

  const history = await context.newPage();
  await history.goto("/calls?direction=INBOUND");
  await markDocument(history);

  // An unknown number (outside the demo contacts' range), new on every run.
  const digits = String(Date.now() % 10_000).padStart(4, "0");
  const from = `+6125559${digits}`;
  await playInboundCall({ from, agentId: "agent_sim_sunrise_reception", outcome: "resolved" });

  await expect(page.getByText(`Call from ${from} ended`).first()).toBeVisible(LIVE);
  await expectNotReloaded(page);
  // The history shows the caller's number (not the clinic's) on the inbound row.
  await expect(history.getByText(`(02) 5559 ${digits}`).first()).toBeVisible(LIVE);
  await expectNotReloaded(history);
});

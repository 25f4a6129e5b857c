import { expect, test } from "@playwright/test";
import { DEMO } from "./helpers/accounts";
import { expectNoSeriousA11yViolations, signInToDashboard } from "./helpers/pages";

test("the call dialog offers only the clinic's own agents and numbers, its defaults chosen", async ({ page }) => {
  await signInToDashboard(page, DEMO.staff.email, DEMO.password);
  // What the clinic has registered, as the API lists it to any member.
  const { agents } = (await (await page.request.get("/api/agents")).json()) as { agents: { agentId: string }[] };
  const { phoneNumbers } = (await (await page.request.get("/api/phone-numbers")).json()) as { phoneNumbers: { phoneNumberId: string }[] };
  expect(agents.map((a) => a.agentId)).toContain("agent_sim_sunrise_reception");

  await page.goto("/contacts");
  const callButton = page
    .getByRole("button", { name: /^Call / })
    .and(page.locator(":enabled"))
    .first();
  const contactName = (await callButton.getAttribute("aria-label"))!.replace(/^Call /, "");
  await callButton.click();
  const dialog = page.getByRole("dialog", { name: `Call ${contactName}` });

  const agentSelect = dialog.getByRole("combobox", { name: "Agent", exact: true });
  await expect(agentSelect).toHaveValue("agent_sim_sunrise_reception");
  const offered = await agentSelect.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(offered.sort()).toEqual(agents.map((a) => a.agentId).sort());
  // Harbour Physiotherapy's agent (the seed registers it there) is never offered to Sunrise.
  expect(offered).not.toContain("agent_sim_harbour_front_desk");

  const numberSelect = dialog.getByRole("combobox", { name: "Phone number" });
  await expect(numberSelect).toHaveValue("phnum_sim_sunrise_main");
  const numbers = await numberSelect.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(numbers.sort()).toEqual(phoneNumbers.map((n) => n.phoneNumberId).sort());
  expect(numbers).not.toContain("phnum_sim_harbour_main");

  await expectNoSeriousA11yViolations(page);
});

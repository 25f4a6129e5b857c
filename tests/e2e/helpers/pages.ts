import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { NewClinic } from "./accounts";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits for the dashboard. */
export async function signInToDashboard(page: Page, email: string, password: string) {
  await signIn(page, email, password);
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

export async function fillSignUp(page: Page, clinic: NewClinic) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(clinic.name);
  await page.getByLabel("Work email").fill(clinic.email);
  await page.getByLabel("Password", { exact: true }).fill(clinic.password);
  await page.getByLabel("Clinic name").fill(clinic.organizationName);
}

/** The header's organization switcher (only there for people in two or more organizations). */
export function orgSwitcher(page: Page) {
  return page.getByRole("banner").getByRole("button", { name: /switch organization/i });
}

export async function switchOrganization(page: Page, name: string) {
  await orgSwitcher(page).click();
  await page.getByRole("menuitemradio", { name: new RegExp(name) }).click();
  await expect(orgSwitcher(page)).toContainText(name);
  await expect(orgSwitcher(page)).toBeEnabled();
}

/** No serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(serious, serious.join("\n")).toEqual([]);
}

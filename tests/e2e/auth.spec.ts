import { expect, test } from "@playwright/test";
import { DEMO, newClinic } from "./helpers/accounts";
import { expectNoSeriousA11yViolations, fillSignUp, orgSwitcher, signIn, signInToDashboard, switchOrganization } from "./helpers/pages";

test.describe("sign up", () => {
  test("a new clinic signs up and lands on its dashboard", async ({ page }) => {
    const clinic = newClinic();
    await fillSignUp(page, clinic);
    // The browser runs in Australia/Sydney (playwright.config.ts): the form guesses zone and country from it.
    await expect(page.getByLabel("Time zone")).toHaveValue("Australia/Sydney");
    await expect(page.getByLabel("Country")).toHaveValue("AU");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: clinic.organizationName })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(clinic.organizationName);
    await expect(page.getByText("Local time in Australia/Sydney")).toBeVisible();
    // One organization: its name, no switcher.
    await expect(orgSwitcher(page)).toHaveCount(0);
  });

  test("an email that already has an account is told so in plain words", async ({ page }) => {
    await fillSignUp(page, newClinic({ email: DEMO.admin.email }));
    await page.getByRole("button", { name: "Create account" }).click();
    const alert = page.getByRole("alert").filter({ hasText: /An account with this email already exists/ });
    await expect(alert).toBeVisible();
    // The server names the field: it is marked, described and focused, and the alert offers sign-in.
    const email = page.getByLabel("Work email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/already exists/);
    await expect(email).toBeFocused();
    await expect(alert.getByRole("link", { name: "Go to sign in" })).toBeVisible();
    await expect(page).toHaveURL("/signup");
  });

  test("invalid fields are marked with the server's messages", async ({ page }) => {
    await fillSignUp(page, newClinic({ password: "short" }));
    await page.getByRole("button", { name: "Create account" }).click();
    const password = page.getByLabel("Password", { exact: true });
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription(/at least 8 characters/i);
    await expect(password).toBeFocused();
  });
});

test.describe("sign in", () => {
  test("a wrong password or an unknown email gets the same generic message", async ({ page }) => {
    await signIn(page, DEMO.admin.email, "not-the-password");
    await expect(page.getByText("Invalid email or password.")).toBeVisible();
    await expect(page).toHaveURL("/login");

    await signIn(page, "nobody-here@clinic.example", "not-the-password");
    await expect(page.getByText("Invalid email or password.")).toBeVisible();
  });

  test("signed-out visitors are sent to sign in; signed-in ones skip it", async ({ page }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL("/login");
    await signInToDashboard(page, DEMO.staff.email, DEMO.password);
    await page.goto("/login");
    await expect(page).toHaveURL("/");
  });
});

test.describe("dashboard shell", () => {
  test("the demo admin switches to Harbour Physiotherapy and back", async ({ page }) => {
    await signInToDashboard(page, DEMO.admin.email, DEMO.password);
    // Start from Sunrise whatever an earlier, interrupted run left behind.
    if (!(await orgSwitcher(page).textContent())?.includes(DEMO.sunrise)) await switchOrganization(page, DEMO.sunrise);

    await orgSwitcher(page).click();
    await expect(page.getByRole("menuitemradio", { name: new RegExp(DEMO.sunrise) })).toHaveAttribute("aria-checked", "true");
    await expect(page.getByRole("menuitemradio", { name: new RegExp(DEMO.harbour) })).toHaveAttribute("aria-checked", "false");
    await page.keyboard.press("Escape");

    await switchOrganization(page, DEMO.harbour);
    await expect(page.getByRole("heading", { level: 1, name: DEMO.harbour })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(main).toContainText(`How ${DEMO.harbour} is set up`);
    await expect(main).toContainText("Australia/Melbourne");
    await expect(main.getByLabel("Default agent")).toHaveValue("agent_sim_harbour_front_desk");

    // The page in view follows the switch too, its forms included (they would otherwise save Harbour's values into Sunrise).
    await switchOrganization(page, DEMO.sunrise);
    await expect(main).toContainText(`How ${DEMO.sunrise} is set up`);
    await expect(main).toContainText("Australia/Sydney");
    await expect(main.getByLabel("Default agent")).toHaveValue("agent_sim_sunrise_reception");
  });

  test("a tab left on one clinic still acts on it after another tab switched clinic", async ({ page, context }) => {
    await signInToDashboard(page, DEMO.admin.email, DEMO.password);
    if (!(await orgSwitcher(page).textContent())?.includes(DEMO.sunrise)) await switchOrganization(page, DEMO.sunrise);
    await page.goto("/contacts");
    const other = await context.newPage();
    await other.goto("/");
    await switchOrganization(other, DEMO.harbour);

    // The first tab still shows Sunrise: the contact it adds is Sunrise's, not the clinic active now.
    const name = `Stale Tab ${Date.now().toString(36)}`;
    const phone = `+61 2 5550 ${String(Math.floor(Math.random() * 9_000) + 1_000)}`;
    await page.getByRole("button", { name: "New contact" }).click();
    const dialog = page.getByRole("dialog", { name: "New contact" });
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("Phone").fill(phone);
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await expect(dialog).toBeHidden();

    await other.goto(`/contacts?q=${encodeURIComponent(name)}`);
    await expect(other.getByRole("heading", { level: 1, name: /^Contacts/ })).toBeVisible();
    await expect(other.getByTestId("contact-row")).toHaveCount(0);
    await switchOrganization(other, DEMO.sunrise);
    await other.goto(`/contacts?q=${encodeURIComponent(name)}`);
    await expect(other.getByTestId("contact-row")).toHaveCount(1);
    const listed = (await (await other.request.get(`/api/contacts?q=${encodeURIComponent(name)}`)).json()) as { contacts: { id: string }[] };
    for (const contact of listed.contacts) expect((await other.request.delete(`/api/contacts/${contact.id}`)).status()).toBe(204);
  });

  test("signing out ends the session", async ({ page }) => {
    await signInToDashboard(page, DEMO.admin.email, DEMO.password);
    await page.getByRole("button", { name: /account menu/i }).click();
    await expect(page.getByRole("menu")).toContainText(DEMO.admin.email);
    await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL("/login");

    await page.goto("/");
    await expect(page).toHaveURL("/login");
  });

  test("a staff member of one clinic sees its name and no switcher", async ({ page }) => {
    await signInToDashboard(page, DEMO.staff.email, DEMO.password);
    await expect(page.getByRole("banner")).toContainText(DEMO.sunrise);
    await expect(orgSwitcher(page)).toHaveCount(0);
    await page.getByRole("button", { name: /account menu/i }).click();
    await expect(page.getByRole("menu")).toContainText("Staff");
  });

  test("the navigation marks the current page", async ({ page }) => {
    await signInToDashboard(page, DEMO.staff.email, DEMO.password);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Calls" }).click();
    await expect(page).toHaveURL("/calls");
    await expect(page.getByRole("heading", { level: 1, name: "Calls" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Calls" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current", "page");
  });
});

test.describe("small screens", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the navigation opens from the menu button and closes on Escape", async ({ page }) => {
    await signIn(page, DEMO.staff.email, DEMO.password);
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await page.getByRole("button", { name: "Open navigation" }).click();
    const sheet = page.getByRole("dialog", { name: "Navigation" });
    await expect(sheet).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(sheet).toBeHidden();

    await page.getByRole("button", { name: "Open navigation" }).click();
    await sheet.getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL("/settings");
    await expect(sheet).toBeHidden();
  });
});

test.describe("accessibility", () => {
  test("sign-in and sign-up pages have no serious axe violations", async ({ page }) => {
    await page.goto("/login");
    await expectNoSeriousA11yViolations(page);
    await page.goto("/signup");
    await expect(page.getByLabel("Time zone")).toHaveValue("Australia/Sydney");
    await expectNoSeriousA11yViolations(page);
  });

  test("the dashboard shell and its pages have no serious axe violations", async ({ page }) => {
    await signInToDashboard(page, DEMO.admin.email, DEMO.password);
    await expectNoSeriousA11yViolations(page);
    for (const path of ["/contacts", "/scheduling", "/calls", "/appointments", "/settings"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
  });
});

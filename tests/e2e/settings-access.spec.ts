import { expect, test, type Page } from "@playwright/test";
import { DEMO, newClinic } from "./helpers/accounts";
import { expectNoSeriousA11yViolations, fillSignUp, signInToDashboard } from "./helpers/pages";

/** Collects CSP violations (the DOM event and the console's "Refused to …" lines) for the whole page life. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

async function signUpNewClinic(page: Page) {
  const clinic = newClinic();
  await fillSignUp(page, clinic);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/");
  return clinic;
}

test.describe("safe sign-in", () => {
  test.describe("before hydration", () => {
    // No JavaScript at all: the state of every form in the moments before React has hydrated.
    test.use({ javaScriptEnabled: false });

    test("a submitted sign-in or sign-up form puts no email or password in any URL", async ({ page }) => {
      const urls: string[] = [];
      page.on("request", (request) => urls.push(request.url()));
      await page.goto("/login");
      await page.getByLabel("Email").fill(DEMO.admin.email);
      await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
      await page.getByLabel("Password", { exact: true }).press("Enter");
      await page.waitForLoadState();
      expect(new URL(page.url()).search).toBe("");

      await page.goto("/signup");
      await page.getByLabel("Work email").fill("prehydration@clinic.example");
      await page.getByLabel("Password", { exact: true }).fill("a-secret-password");
      await page.getByLabel("Password", { exact: true }).press("Enter");
      await page.waitForLoadState();
      expect(new URL(page.url()).search).toBe("");

      for (const url of urls) {
        expect(url).not.toContain(encodeURIComponent(DEMO.password));
        expect(url).not.toContain("a-secret-password");
        expect(url).not.toContain(encodeURIComponent(DEMO.admin.email));
      }
    });
  });

  test("security headers on a page and on an API route", async ({ request }) => {
    for (const path of ["/login", "/api/members"]) {
      const res = await request.get(path);
      const headers = res.headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["x-frame-options"], path).toBe("DENY");
      // The e2e server is a production build (next start).
      expect(headers["strict-transport-security"], path).toContain("max-age=");
    }
  });

  test("the main pages run under the CSP without a single violation", async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto("/signup");
    await expect(page.getByLabel("Time zone")).toHaveValue("Australia/Sydney");
    await page.goto("/login");
    await signInToDashboard(page, DEMO.admin.email, DEMO.password);
    for (const path of ["/contacts", "/scheduling", "/calls", "/appointments", "/settings", "/"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    // A toast (sonner injects its styles) and a client-side navigation.
    await page.goto("/settings");
    // The section navigation takes you to a card further down.
    const sections = page.getByRole("navigation", { name: "Settings sections" });
    await sections.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL("/settings#audit-log");
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeInViewport();
    await expect(sections.getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "location");
    await page.getByRole("button", { name: "Check configuration" }).click();
    await expect(page.getByRole("list", { name: "Configuration check results" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
    await expect(page).toHaveURL("/contacts");
    expect(violations).toEqual([]);
  });
});

test.describe("members and invitations", () => {
  test("an owner invites by link; the invitee signs up from it and is a member", async ({ page, browser }) => {
    const owner = await signUpNewClinic(page);
    await page.goto("/settings");
    const inviteeEmail = `invitee-${Date.now()}@clinic.example`;
    await page.getByLabel("Invite by email").fill(inviteeEmail);
    await page.getByLabel("Role", { exact: true }).selectOption("ADMIN");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const link = await page.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/invite#cbinv_/);
    await expect(page.getByText(`${inviteeEmail} · Admin`)).toBeVisible();

    const invitee = await browser.newContext();
    const invitePage = await invitee.newPage();
    await invitePage.goto(link);
    await expect(invitePage.getByText(`You are invited to ${owner.organizationName} as Admin`)).toBeVisible();
    await invitePage.getByLabel("Your name").fill("Jordan Invitee");
    await invitePage.getByLabel("Choose a password").fill("invitee-password-1");
    await invitePage.getByRole("button", { name: "Create account and join" }).click();
    await expect(invitePage).toHaveURL("/");
    await expect(invitePage.getByRole("banner")).toContainText(owner.organizationName);

    // The link is single-use.
    await invitePage.goto("/login");
    const again = await invitee.newPage();
    await again.goto(link);
    await expect(again.getByRole("alert").filter({ hasText: /already been used/ })).toBeVisible();
    await invitee.close();

    await page.reload();
    const members = page.getByRole("table", { name: "Members" });
    await expect(members).toContainText("Jordan Invitee");
    await expect(members).toContainText(inviteeEmail);
    await expect(page.getByRole("table", { name: "Audit log" })).toContainText("Invitation accepted");
    await expectNoSeriousA11yViolations(page);
  });

  test("an agent's token is shown once with its tool JSON; afterwards only the prefix", async ({ page }) => {
    await signUpNewClinic(page);
    await page.goto("/settings");
    await page.getByLabel("Agent name").fill("Reception");
    // An agent id belongs to one clinic, and the e2e database may be reused: one per run.
    const agentId = `agent_e2e_reception_${Date.now().toString(36)}`;
    await page.getByLabel("ElevenLabs agent ID").fill(agentId);
    await page.getByRole("button", { name: "Add agent and create token" }).click();
    const token = await page.getByLabel("Agent token").inputValue();
    expect(token).toMatch(/^cbat_[A-Za-z0-9_-]{43}$/);
    const json = await page.getByLabel("Server-tool configuration").textContent();
    expect(json).toContain(`/api/agent-actions/check-availability/${agentId}`);
    expect(json).toContain(token);

    await page.reload();
    await expect(page.getByLabel("Agent token")).toHaveCount(0);
    expect(await page.content()).not.toContain(token);
    await expect(page.getByRole("list", { name: "Agents" })).toContainText(`${token.slice(0, 13)}…`);

    // A phone number: registered, offered as the default, and a second clinic's claim on it refused plainly.
    const register = page.getByRole("form", { name: "Register a phone number" });
    const phnum = `phnum_e2e_${Date.now().toString(36)}`;
    await register.getByLabel("ElevenLabs phone-number ID").fill(phnum);
    await register.getByLabel("The number (E.164)").fill(`+6125558${String(Date.now() % 10_000).padStart(4, "0")}`);
    await register.getByLabel("Label").fill("Front desk");
    await register.getByRole("button", { name: "Register number" }).click();
    await expect(page.getByRole("list", { name: "Phone numbers" })).toContainText("Front desk");
    await expect(page.getByLabel("Default phone number").locator(`option[value="${phnum}"]`)).toHaveCount(1);
    await register.getByLabel("ElevenLabs phone-number ID").fill(phnum);
    await register.getByLabel("The number (E.164)").fill("+61255587777");
    await register.getByLabel("Label").fill("Again");
    await register.getByRole("button", { name: "Register number" }).click();
    await expect(register.getByRole("alert")).toContainText("registered already");
    // The conversation-initiation webhook to paste, with its header.
    await expect(page.getByText("/api/agent-actions/conversation-init").first()).toBeVisible();
    await expect(page.getByText("X-Agent-Token: the agent’s token")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("staff see the members but no invite, token or audit controls", async ({ page }) => {
    await signInToDashboard(page, DEMO.staff.email, DEMO.password);
    await page.goto("/settings");
    await expect(page.getByRole("table", { name: "Members" })).toContainText(DEMO.admin.email);
    await expect(page.getByLabel("Invite by email")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Agents and tool tokens" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Audit log" })).toHaveCount(0);
  });
});

import { expect, test, type Page } from "@playwright/test";
import { newClinic } from "./helpers/accounts";
import { expectNoSeriousA11yViolations, fillSignUp } from "./helpers/pages";

// A clinic of its own (signed up here), so the import starts from an empty list and other tests'
// demo data stays as it is. Numbers are from Australia's (02) 5550 xxxx range, reserved for fiction.
const patients = Array.from({ length: 60 }, (_, i) => ({
  name: `E2E Patient ${String(i + 1).padStart(3, "0")}`,
  phone: `02 5550 ${String(i + 1).padStart(4, "0")}`,
}));
const CSV = [
  "Name,Mobile,Email,Appointment Type",
  ...patients.map((p, i) => `${p.name},${p.phone},patient${i + 1}@example.com,${i % 2 ? "flu vaccination" : "annual check-up"}`),
  "Broken Number,0491 570,,",
].join("\n");

async function signUpToContacts(page: Page) {
  await fillSignUp(page, newClinic());
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Contacts/ })).toBeVisible();
}

const title = (page: Page) => page.getByRole("heading", { level: 1 });
const rowCheckbox = (page: Page, name: string) => page.getByRole("checkbox", { name: `Select ${name}` });

test.describe("contacts", () => {
  test("import a CSV, search, select across two pages and by search", async ({ page }) => {
    await signUpToContacts(page);
    await expect(page.getByRole("heading", { name: "No contacts yet" })).toBeVisible();

    // Import: choose, check the columns, check every row, import the valid ones.
    await page.getByRole("button", { name: "Import a CSV file" }).click();
    const dialog = page.getByRole("dialog", { name: "Import contacts from CSV" });
    await dialog.getByLabel("CSV file").setInputFiles({ name: "patients.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await expect(dialog.getByLabel("Import column Mobile as")).toHaveValue("phone");
    await expect(dialog.getByLabel("Import column Appointment Type as")).toHaveValue("custom");
    await expect(dialog.getByText("appointment_type")).toBeVisible();
    await dialog.getByRole("button", { name: "Check the rows" }).click();
    await expect(dialog.getByText("1 row has a problem")).toBeVisible();
    const problem = dialog.getByTestId("import-error");
    await expect(problem).toContainText("62");
    await expect(problem).toContainText('"0491 570" is not a valid phone number for AU');
    await dialog.getByRole("button", { name: "Import 60 valid rows, skip 1" }).click();
    await expect(dialog.getByText("Import complete: 60 created, 0 updated, 1 skipped.")).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    // The list: 50 a page, numbers shown the way the clinic reads them.
    await expect(page.getByText(/^60 patients/)).toBeVisible();
    await expect(page.getByTestId("contact-row")).toHaveCount(50);
    const firstRow = page.getByTestId("contact-row").first();
    await expect(firstRow).toContainText("E2E Patient 001");
    await expect(firstRow).toContainText("(02) 5550 0001");
    await expect(firstRow).toContainText("appointment_type");

    // Select two on page 1 and one on page 2: the header counts all three.
    await rowCheckbox(page, "E2E Patient 001").check();
    await rowCheckbox(page, "E2E Patient 002").check();
    await expect(title(page)).toContainText("(2 selected)");
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page.getByTestId("contact-row")).toHaveCount(10);
    await rowCheckbox(page, "E2E Patient 051").check();
    await expect(title(page)).toContainText("(3 selected)");
    await page.getByRole("button", { name: "Previous page" }).click();
    await expect(rowCheckbox(page, "E2E Patient 002")).toBeChecked();
    await expect(title(page)).toContainText("(3 selected)");

    // Search keeps the selection; the header checkbox adds this page's rows.
    await page.getByRole("searchbox", { name: "Search contacts" }).fill("Patient 05");
    await expect(page.getByTestId("contact-row")).toHaveCount(10);
    await expect(page).toHaveURL(/q=Patient\+05/);
    await expect(rowCheckbox(page, "E2E Patient 051")).toBeChecked();
    await expect(title(page)).toContainText("(3 selected)");
    await page.getByRole("checkbox", { name: "Select the contacts on this page" }).check();
    await expect(title(page)).toContainText("(12 selected)");

    // Select everyone matching an (empty) search without loading them: 60, then untick one.
    await page.getByRole("button", { name: "Clear search" }).click();
    await expect(page.getByTestId("contact-row")).toHaveCount(50);
    await page.getByRole("button", { name: "Clear selection" }).click();
    await expect(title(page)).not.toContainText("selected");
    await page.getByRole("checkbox", { name: "Select the contacts on this page" }).check();
    await page.getByRole("button", { name: "Select all 60 contacts" }).click();
    await expect(title(page)).toContainText("(60 selected)");
    await rowCheckbox(page, "E2E Patient 003").uncheck();
    await expect(title(page)).toContainText("(59 selected)");
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(rowCheckbox(page, "E2E Patient 060")).toBeChecked();

    await expectNoSeriousA11yViolations(page);
  });

  test("add, refuse a duplicate or invalid number in plain words, edit and delete", async ({ page }) => {
    await signUpToContacts(page);
    await page.getByRole("button", { name: "Add one contact" }).click();
    let dialog = page.getByRole("dialog", { name: "New contact" });
    await dialog.getByLabel("Name", { exact: true }).fill("Jane Citizen");
    await dialog.getByLabel("Phone").fill("0491 570");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await expect(dialog.getByLabel("Phone")).toHaveAccessibleDescription(/"0491 570" is not a valid phone number for AU/);
    await expect(dialog.getByLabel("Phone")).toBeFocused();
    await dialog.getByLabel("Phone").fill("0491 570 156");
    await dialog.getByRole("button", { name: "Add field" }).click();
    await dialog.getByLabel("Custom field 1 name").fill("Preferred Doctor");
    await expect(dialog.getByText("Saved as preferred_doctor")).toBeVisible();
    await dialog.getByLabel("Custom field 1 value").fill("Dr Tan");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("contact-row")).toHaveCount(1);
    await expect(page.getByTestId("contact-row")).toContainText("0491 570 156");
    await expect(page.getByTestId("contact-row")).toContainText("preferred_doctor");

    // The same number typed another way: a 409 that names who has it.
    await page.getByRole("button", { name: "New contact" }).click();
    dialog = page.getByRole("dialog", { name: "New contact" });
    await dialog.getByLabel("Name", { exact: true }).fill("Janet Twin");
    await dialog.getByLabel("Phone").fill("+61 491 570 156");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await expect(dialog.getByRole("alert")).toContainText("0491 570 156 already belongs to Jane Citizen.");
    await dialog.getByRole("button", { name: "Open Jane Citizen" }).click();

    // The existing contact opens for editing: mark do-not-call.
    dialog = page.getByRole("dialog", { name: "Edit Jane Citizen" });
    await dialog.getByLabel("Do not call this contact").check();
    await dialog.getByLabel("Reason (optional)").fill("Asked not to be called");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("contact-row").getByText("Do not call")).toBeVisible();

    // Delete, after confirming.
    await page.getByRole("button", { name: "More actions for Jane Citizen" }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete Jane Citizen?" });
    await expect(confirm).toContainText("Calls already made stay in the call history");
    await confirm.getByRole("button", { name: "Delete contact" }).click();
    await expect(page.getByRole("heading", { name: "No contacts yet" })).toBeVisible();
  });

  test("a file that is not a CSV is refused before anything is sent", async ({ page }) => {
    await signUpToContacts(page);
    await page.getByRole("button", { name: "Import a CSV file" }).click();
    const dialog = page.getByRole("dialog", { name: "Import contacts from CSV" });
    await dialog
      .getByLabel("CSV file")
      .setInputFiles({ name: "photo.csv", mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]) });
    await expect(dialog.getByRole("alert")).toContainText("not a CSV text file");
  });
});

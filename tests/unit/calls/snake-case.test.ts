import { describe, expect, it } from "vitest";
import { toSnakeCase } from "@/lib/calls/snake-case";

describe("toSnakeCase", () => {
  it.each([
    ["First Name", "first_name"],
    ["lastVisitDate", "last_visit_date"],
    ["  Date of birth (DOB) ", "date_of_birth_dob"],
    ["first_name", "first_name"],
    ["First_Name", "first_name"],
    ["HTTPServer", "http_server"],
    ["patientID", "patient_id"],
    ["Address Line 2", "address_line_2"],
    ["address2Line", "address2_line"],
    ["Prénom", "prenom"],
    ["e-mail / phone", "e_mail_phone"],
    ["system__caller_id", "system_caller_id"],
    ["__private__", "private"],
    ["???", ""],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(toSnakeCase(input)).toBe(expected);
  });

  it("is idempotent", () => {
    for (const key of ["First Name", "lastVisitDate", "HTTPServer", "Address Line 2"]) {
      expect(toSnakeCase(toSnakeCase(key))).toBe(toSnakeCase(key));
    }
  });
});

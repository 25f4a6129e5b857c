import { describe, expect, it } from "vitest";
import { toSnakeCase } from "@/lib/text/snake-case";

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
    ["ABCDef", "abc_def"],
    ["getHTTPResponseCode", "get_http_response_code"],
    ["ABcDEf", "a_bc_d_ef"],
    ["a1B", "a1_b"],
    ["ALLCAPS", "allcaps"],
    ["XMLHttpRequest2Go", "xml_http_request2_go"],
    ["ÉCOLE Name", "ecole_name"],
    ["  MiXeD-CaSe  ", "mi_xe_d_ca_se"],
  ])("%j → %j", (input, expected) => {
    expect(toSnakeCase(input)).toBe(expected);
  });

  // No stopwatch here (speed belongs in benchmarks, and a loaded CI machine is slow): the quadratic
  // version needs ~10^12 steps for this input and cannot finish inside the test's timeout; a linear one
  // takes milliseconds.
  it("finishes on a long run of capitals (the old regular expression was quadratic)", { timeout: 30_000 }, () => {
    expect(toSnakeCase(`${"A".repeat(1_000_000)}b`)).toBe(`${"a".repeat(999_999)}_ab`);
    expect(toSnakeCase("Ab".repeat(200_000))).toBe(Array.from({ length: 200_000 }, () => "ab").join("_"));
  });

  it("is idempotent", () => {
    for (const key of ["First Name", "lastVisitDate", "HTTPServer", "Address Line 2"]) {
      expect(toSnakeCase(toSnakeCase(key))).toBe(toSnakeCase(key));
    }
  });
});

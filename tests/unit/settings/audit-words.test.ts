import { describe, expect, it } from "vitest";
import { AuditAction } from "@/lib/generated/prisma/enums";
import { AUDIT_ACTION_LABELS, auditActionLabel, describeAuditChange } from "@/components/settings/audit-words";

const sydney = new Intl.DateTimeFormat("en-AU", { timeZone: "Australia/Sydney", dateStyle: "medium", timeStyle: "short" });
const inSydney = (at: Date) => sydney.format(at);

describe("the audit log's words", () => {
  it("every action has a label, not its code", () => {
    for (const action of Object.values(AuditAction)) expect(AUDIT_ACTION_LABELS[action]).not.toMatch(/^[A-Z_]+$/);
    expect(auditActionLabel("DO_NOT_CALL_ADDED")).toBe("Added to do-not-call list");
    expect(auditActionLabel("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });

  it("shows each changed field before → after", () => {
    expect(describeAuditChange({ before: { role: "STAFF" }, after: { role: "ADMIN" }, data: null }, inSydney)).toBe('role: "STAFF" → "ADMIN"');
    expect(describeAuditChange({ before: { email: "a@x.example" }, after: null, data: null }, inSydney)).toBe('email was "a@x.example"');
  });

  it("shows what was recorded beside the change, such as an override's reason", () => {
    const entry = { before: null, after: null, data: { reason: "results the patient asked for", rule: "hours" } };
    expect(describeAuditChange(entry, inSydney)).toBe('reason: "results the patient asked for"; rule: "hours"');
    expect(describeAuditChange({ before: null, after: { tokenPrefix: "cbat_1" }, data: { tokenPrefix: "cbat_1", agentId: "agent_1" } }, inSydney)).toBe(
      'tokenPrefix: "cbat_1"; agentId: "agent_1"',
    );
  });

  it("shows stored times in the clinic's zone, not UTC", () => {
    const entry = { before: null, after: { expiresAt: "2026-12-13T20:13:06.424Z" }, data: null };
    expect(describeAuditChange(entry, inSydney)).toBe(`expiresAt: ${inSydney(new Date("2026-12-13T20:13:06.424Z"))}`);
    expect(describeAuditChange(entry, inSydney)).toContain("14 Dec 2026");
  });
});

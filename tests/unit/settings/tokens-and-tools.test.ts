import { describe, expect, it } from "vitest";
import { createSecretToken, hashSecretToken, secretTokenMatches } from "@/lib/auth/secret-token";
import { buildServerToolConfig, TOKEN_PLACEHOLDER } from "@/lib/agents/server-tool-config";
import { AGENT_TOKEN_PATTERN } from "@/lib/agents/schemas";
import { can } from "@/lib/auth/permissions";

describe("secret tokens", () => {
  it("are random, prefixed, and kept only as a sha256 that matches in constant time", () => {
    const a = createSecretToken("cbat");
    const b = createSecretToken("cbat");
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(AGENT_TOKEN_PATTERN);
    expect(a.hash).toBe(hashSecretToken(a.token));
    expect(a.hash).not.toContain(a.token.slice(5));
    expect(a.visiblePrefix).toBe(a.token.slice(0, 13));
    expect(secretTokenMatches(a.token, a.hash)).toBe(true);
    expect(secretTokenMatches(b.token, a.hash)).toBe(false);
    expect(secretTokenMatches(a.token, "abcd")).toBe(false);
  });
});

describe("server-tool configuration", () => {
  it("puts the agent id in every URL and the token in every X-Agent-Token header", () => {
    const config = buildServerToolConfig("https://callboard.example", "agent_42", "cbat_secret");
    expect(config.tools.length).toBeGreaterThanOrEqual(4);
    for (const tool of config.tools) {
      expect(tool.type).toBe("webhook");
      expect(tool.api_schema.url).toMatch(/^https:\/\/callboard\.example\/api\/agent-actions\/.*agent_42/);
      expect(tool.api_schema.request_headers["X-Agent-Token"]).toBe("cbat_secret");
    }
    const booking = config.tools.find((t) => t.name === "book_appointment")!;
    // The call's numbers go to the server, which decides which is the patient's.
    expect(booking.api_schema.request_body_schema?.properties.caller_id).toMatchObject({ dynamic_variable: "system__caller_id" });
    expect(booking.api_schema.request_body_schema?.properties.called_number).toMatchObject({ dynamic_variable: "system__called_number" });
    expect(buildServerToolConfig("https://x", "agent_1").tools[0]!.api_schema.request_headers["X-Agent-Token"]).toBe(TOKEN_PLACEHOLDER);
  });

  it("defines every agent action, each property with exactly one value source (ElevenLabs refuses two)", () => {
    const config = buildServerToolConfig("https://callboard.example", "agent_42", "cbat_secret");
    expect(config.tools.map((t) => t.name).sort()).toEqual([
      "book_appointment",
      "cancel_appointment",
      "check_availability",
      "find_patient",
      "opt_out",
      "reschedule_appointment",
      "schedule_callback",
      "todays_appointments",
    ]);
    for (const tool of config.tools) {
      const properties = Object.entries(tool.api_schema.request_body_schema?.properties ?? {});
      for (const [name, property] of properties) {
        expect(Number(Boolean(property.description)) + Number(Boolean(property.dynamic_variable)), `${tool.name}.${name}`).toBe(1);
      }
      for (const required of tool.api_schema.request_body_schema?.required ?? []) expect(properties.map(([name]) => name)).toContain(required);
    }
    const callback = config.tools.find((t) => t.name === "schedule_callback")!.api_schema.request_body_schema!.properties;
    expect(callback.conversation_id).toEqual({ type: "string", dynamic_variable: "system__conversation_id" });
  });

  it("the LLM fills a phone number for one thing only: a new booking when the caller's number is hidden", () => {
    const config = buildServerToolConfig("https://callboard.example", "agent_42", "cbat_secret");
    const typed = config.tools.flatMap((tool) =>
      Object.entries(tool.api_schema.request_body_schema?.properties ?? {})
        .filter(([name, property]) => /phone|number|caller/.test(name) && !property.dynamic_variable)
        .map(([name]) => `${tool.name}.${name}`),
    );
    expect(typed).toEqual(["book_appointment.customer_phone"]);
  });
});

describe("permission table for settings and members", () => {
  it("keeps staff out of every write and owners-only actions from admins", () => {
    for (const permission of ["settings.manage", "members.manage", "agents.manage", "audit.read", "members.manage_owners"] as const) {
      expect(can("STAFF", permission)).toBe(false);
      expect(can("OWNER", permission)).toBe(true);
    }
    expect(can("ADMIN", "members.manage")).toBe(true);
    expect(can("ADMIN", "members.manage_owners")).toBe(false);
    expect(can("STAFF", "members.read")).toBe(true);
  });
});

import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ClinicClock } from "@/components/dashboard/clinic-clock";
import { AgentsCard } from "@/components/settings/agents-card";
import { MembersCard } from "@/components/settings/members-card";

// The cards refresh the route after a change; rendering them needs no router.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {} }) }));

const ServerIntl = Intl.DateTimeFormat;
afterEach(() => {
  Intl.DateTimeFormat = ServerIntl;
});

/**
 * A browser whose Intl lacks the clinic's locale data (or has other data: its ICU is not Node's) falls back to
 * its own language. React's first render in the browser uses the server snapshot of every store, so the
 * markup it hydrates with is a server render under that browser's Intl: it must be the server's markup.
 */
function inBrowserWithOtherIntl(element: ReactElement): string {
  function German(_locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    return new ServerIntl("de-DE", options);
  }
  German.prototype = ServerIntl.prototype;
  German.supportedLocalesOf = ServerIntl.supportedLocalesOf;
  Intl.DateTimeFormat = German as unknown as typeof Intl.DateTimeFormat;
  try {
    return renderToString(element);
  } finally {
    Intl.DateTimeFormat = ServerIntl;
  }
}

const zone = { timeZone: "Australia/Sydney", locale: "en-AU" };
// 18:35 on Monday 7 December 2026 in Sydney (AEDT, UTC+11).
const at = Date.parse("2026-12-07T07:35:20Z");

describe("hydration: what the browser first renders is what the server sent, whatever the browser's Intl", () => {
  it("the overview's clinic clock", () => {
    const clock = createElement(ClinicClock, { zone, zoneName: "AEDT", renderedAt: at });
    const server = renderToString(clock);
    expect(inBrowserWithOtherIntl(clock)).toBe(server);
    expect(server).toContain("6:35 PM");
    expect(server).toContain("Monday 7 December");
  });

  it("the settings page's token and invitation dates", () => {
    const made = new Date(at).toISOString();
    const agents = createElement(AgentsCard, {
      agents: [{ id: "a1", agentId: "agent_1", name: "Reception", staffFacing: false, tokenPrefix: "cbat_abc", tokenCreatedAt: made }],
      defaultAgentId: "agent_1",
      placeholderConfig: {},
      zone,
    });
    const members = createElement(MembersCard, {
      members: [{ id: "m1", userId: "u1", name: "Alex", email: "alex@clinic.example", role: "OWNER" }],
      invitations: [{ id: "i1", email: "sam@clinic.example", role: "STAFF", expiresAt: made }],
      currentUserId: "u1",
      role: "OWNER",
      canManage: true,
      zone,
    });
    const [agentsServer, membersServer] = [renderToString(agents), renderToString(members)];
    expect(inBrowserWithOtherIntl(agents)).toBe(agentsServer);
    expect(inBrowserWithOtherIntl(members)).toBe(membersServer);
    expect(agentsServer).toContain("7 Dec 2026, 6:35 PM");
    // React separates adjacent text with empty comments.
    expect(membersServer.replaceAll("<!-- -->", "")).toContain("(link expires 7 Dec 2026)");
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { ORGANIZATION_HEADER, PAGE_ORGANIZATION_ATTRIBUTE } from "@/lib/http/organization-header";
import { pageOrganizationId, tenantFetch, withPageOrganization } from "@/lib/http/tenant-fetch";

/** A document with these marks in document order (the shell's, then the page's); none: a page outside the dashboard. */
function documentShowing(...organizationIds: string[]): Pick<Document, "querySelectorAll"> {
  return {
    querySelectorAll: (selector: string) => {
      expect(selector).toBe(`[${PAGE_ORGANIZATION_ATTRIBUTE}]`);
      return organizationIds.map((id) => ({
        getAttribute: (name: string) => (name === PAGE_ORGANIZATION_ATTRIBUTE ? id : null),
      })) as unknown as NodeListOf<Element>;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("pageOrganizationId", () => {
  it("reads the id the server rendered on the dashboard shell", () => {
    expect(pageOrganizationId(documentShowing("corg_a"))).toBe("corg_a");
  });

  it("takes the page's own mark over the shell's, which a soft navigation does not re-render", () => {
    expect(pageOrganizationId(documentShowing("corg_shell", "corg_page"))).toBe("corg_page");
  });

  it("is null outside the dashboard, with an empty attribute, and without a document (server render)", () => {
    expect(pageOrganizationId(documentShowing())).toBeNull();
    expect(pageOrganizationId(documentShowing(""))).toBeNull();
    expect(pageOrganizationId(undefined)).toBeNull();
  });
});

describe("withPageOrganization", () => {
  it("adds the header and keeps the caller's own", () => {
    const init = withPageOrganization({ method: "POST", headers: { "content-type": "application/json", "idempotency-key": "k1" }, body: "{}" }, "corg_a");
    const headers = new Headers(init.headers);
    expect(headers.get(ORGANIZATION_HEADER)).toBe("corg_a");
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.get("idempotency-key")).toBe("k1");
    expect(init).toMatchObject({ method: "POST", body: "{}" });
  });

  it("replaces a header of the same name rather than sending two values", () => {
    const init = withPageOrganization({ headers: [[ORGANIZATION_HEADER, "corg_old"]] }, "corg_a");
    expect(new Headers(init.headers).get(ORGANIZATION_HEADER)).toBe("corg_a");
  });

  it("leaves the request as it is when the page shows no organization", () => {
    const init = { method: "DELETE" };
    expect(withPageOrganization(init, null)).toBe(init);
  });
});

describe("tenantFetch", () => {
  it("sends the page's organization with the request", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    vi.stubGlobal("document", documentShowing("corg_a"));

    await tenantFetch("/api/members/leave", { method: "POST" });

    expect(fetch).toHaveBeenCalledTimes(1);
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe("/api/members/leave");
    expect(init.method).toBe("POST");
    expect(new Headers(init.headers).get(ORGANIZATION_HEADER)).toBe("corg_a");
  });

  it("sends none outside the dashboard", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    vi.stubGlobal("document", documentShowing());

    await tenantFetch("/api/invitations/preview");

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit | undefined];
    expect(new Headers(init?.headers).has(ORGANIZATION_HEADER)).toBe(false);
  });
});

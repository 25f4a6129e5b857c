import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ORGANIZATION_HEADER, ORGANIZATION_PARAM } from "@/lib/http/organization-header";
import { requestedOrganizationId } from "@/lib/http/requested-organization";

const request = (query: string, { method = "GET", header }: { method?: string; header?: string } = {}) =>
  new Request(`http://localhost/api/contacts/export${query}`, { method, headers: header === undefined ? {} : { [ORGANIZATION_HEADER]: header } });

/** The AppError code the call throws, or "ok: <value>". */
function outcome(run: () => string | undefined): string {
  try {
    return `ok: ${run()}`;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("requestedOrganizationId", () => {
  it("reads the header, and none is undefined", () => {
    expect(requestedOrganizationId(request("", { header: "corg_a" }))).toBe("corg_a");
    expect(requestedOrganizationId(request(""))).toBeUndefined();
  });

  it("reads the address only for a route that opts in", () => {
    expect(requestedOrganizationId(request(`?${ORGANIZATION_PARAM}=corg_a`))).toBeUndefined();
    expect(requestedOrganizationId(request(`?q=x&${ORGANIZATION_PARAM}=corg_a`), { fromQuery: true })).toBe("corg_a");
    expect(requestedOrganizationId(request("?q=x"), { fromQuery: true })).toBeUndefined();
  });

  it("never reads the address of a write, even on a route that opts in", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(requestedOrganizationId(request(`?${ORGANIZATION_PARAM}=corg_a`, { method }), { fromQuery: true }), method).toBeUndefined();
    }
  });

  it("takes a header and a parameter that agree, and refuses ones that do not", () => {
    expect(requestedOrganizationId(request(`?${ORGANIZATION_PARAM}=corg_a`, { header: "corg_a" }), { fromQuery: true })).toBe("corg_a");
    expect(outcome(() => requestedOrganizationId(request(`?${ORGANIZATION_PARAM}=corg_a`, { header: "corg_b" }), { fromQuery: true }))).toBe("bad_request");
  });

  it("refuses a malformed header or parameter, and a repeated parameter, with a 400", () => {
    for (const value of ["", "not an id", "a,b", "x".repeat(65), "../../b"]) {
      expect(
        outcome(() => requestedOrganizationId(request("", { header: value }))),
        `header ${JSON.stringify(value)}`,
      ).toBe("bad_request");
      const query = `?${new URLSearchParams({ [ORGANIZATION_PARAM]: value })}`;
      expect(
        outcome(() => requestedOrganizationId(request(query), { fromQuery: true })),
        `parameter ${JSON.stringify(value)}`,
      ).toBe("bad_request");
    }
    expect(outcome(() => requestedOrganizationId(request(`?${ORGANIZATION_PARAM}=corg_a&${ORGANIZATION_PARAM}=corg_a`), { fromQuery: true }))).toBe(
      "bad_request",
    );
    // A malformed header is refused even when the address names a clinic well.
    expect(outcome(() => requestedOrganizationId(request(`?${ORGANIZATION_PARAM}=corg_a`, { header: "" }), { fromQuery: true }))).toBe("bad_request");
  });
});

import { describe, expect, it } from "vitest";
import { ORGANIZATION_PARAM } from "@/lib/http/organization-header";
import { pageDownloadHref } from "@/lib/http/page-download-href";

describe("pageDownloadHref", () => {
  it("adds the page's clinic to a path with or without a query, keeping the filter", () => {
    expect(pageDownloadHref("/api/calls/export", "corg_a")).toBe(`/api/calls/export?${ORGANIZATION_PARAM}=corg_a`);
    expect(pageDownloadHref("/api/contacts/export?q=Ann+Lee&sort=name", "corg_a")).toBe(
      `/api/contacts/export?q=Ann+Lee&sort=name&${ORGANIZATION_PARAM}=corg_a`,
    );
  });

  it("replaces a clinic already in the address rather than naming two", () => {
    expect(pageDownloadHref(`/api/calls/export?${ORGANIZATION_PARAM}=corg_old&outcome=resolved`, "corg_a")).toBe(
      `/api/calls/export?${ORGANIZATION_PARAM}=corg_a&outcome=resolved`,
    );
  });
});

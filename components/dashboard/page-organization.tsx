import { PAGE_ORGANIZATION_ATTRIBUTE } from "@/lib/http/organization-header";

/**
 * Marks the clinic a dashboard page shows, for lib/http/tenant-fetch.ts. Each page renders its own: a soft
 * navigation re-renders the page but not the shared layout, so the layout's mark can be older than the page
 * (another tab switched clinic since), and the page's — the innermost — is the one requests name.
 */
export function PageOrganization({ id }: { id: string }) {
  return <span hidden {...{ [PAGE_ORGANIZATION_ATTRIBUTE]: id }} />;
}

import { countContactsCapped } from "@/lib/contacts/count-contacts";
import { listContactsPage, type ContactPage, type ListContactsOptions } from "@/lib/contacts/list-contacts";

/**
 * A page of contacts and how many match (what /contacts shows), counted up to CONTACT_COUNT_CAP:
 * `totalCapped` says there are more than `total`. Without a search the page and the count run at
 * once; a search usually counts its matches in the page's own statement, and is counted on its own
 * only when it matches too many for that (see MATCHES_FIRST_MAX).
 */
export async function listContactsWithTotal(organizationId: string, options: Omit<ListContactsOptions, "matchCount">): Promise<ContactPage & { total: number; totalCapped: boolean }> {
  if (!options.q) {
    const [page, count] = await Promise.all([listContactsPage(organizationId, options), countContactsCapped(organizationId)]);
    return { ...page, total: count.total, totalCapped: count.capped };
  }
  const { matchTotal, ...page } = await listContactsPage(organizationId, options);
  if (matchTotal !== undefined) return { ...page, total: matchTotal, totalCapped: false };
  const count = await countContactsCapped(organizationId, options.q);
  return { ...page, total: count.total, totalCapped: count.capped };
}

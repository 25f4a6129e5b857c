import { countContactsCapped } from "@/lib/contacts/count-contacts";
import { listContactsPage, MATCHES_FIRST_MAX, type ContactPage, type ListContactsOptions } from "@/lib/contacts/list-contacts";

/**
 * A page of contacts and how many match (what /contacts shows); `totalCapped` says there are more
 * than `total`. Without a search the page and the count (up to CONTACT_COUNT_CAP) run at once. A
 * search is counted in the page's own statement, up to MATCHES_FIRST_MAX: past that the answer is
 * "1,000+", because counting further reads one random heap page per match (see MATCHES_FIRST_MAX).
 */
export async function listContactsWithTotal(
  organizationId: string,
  options: Omit<ListContactsOptions, "matchCount">,
): Promise<ContactPage & { total: number; totalCapped: boolean }> {
  if (!options.q) {
    const [page, count] = await Promise.all([listContactsPage(organizationId, options), countContactsCapped(organizationId)]);
    return { ...page, total: count.total, totalCapped: count.capped };
  }
  const { matchTotal, ...page } = await listContactsPage(organizationId, options);
  if (matchTotal !== undefined) return { ...page, total: Math.min(matchTotal, MATCHES_FIRST_MAX), totalCapped: matchTotal > MATCHES_FIRST_MAX };
  // An empty page past the cursor: count what the search matches, as far as the page would have.
  const count = await countContactsCapped(organizationId, options.q, MATCHES_FIRST_MAX);
  return { ...page, total: count.total, totalCapped: count.capped };
}

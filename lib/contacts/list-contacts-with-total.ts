import { countContacts } from "@/lib/contacts/count-contacts";
import { listContactsPage, type ContactPage, type ListContactsOptions } from "@/lib/contacts/list-contacts";

/**
 * A page of contacts and how many match in all (what /contacts shows). Without a search the page and
 * the count run at once; a search usually counts its matches in the page's own statement, and is
 * counted on its own only when it matches too many for that (see MATCHES_FIRST_MAX).
 */
export async function listContactsWithTotal(organizationId: string, options: Omit<ListContactsOptions, "matchCount">): Promise<ContactPage & { total: number }> {
  if (!options.q) {
    const [page, total] = await Promise.all([listContactsPage(organizationId, options), countContacts(organizationId)]);
    return { ...page, total };
  }
  const { matchTotal, ...page } = await listContactsPage(organizationId, options);
  return { ...page, total: matchTotal ?? (await countContacts(organizationId, options.q)) };
}

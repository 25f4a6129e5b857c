export interface ContactsView {
  q: string;
  sort: "name" | "created";
  cursor?: string;
  /** Shown as "Page n"; keyset pages have no absolute position, so the link carries it. */
  page?: number;
}

/** The /contacts URL of a view; defaults are left out so links stay short. */
export function contactsHref(view: ContactsView): string {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.sort !== "name") params.set("sort", view.sort);
  if (view.cursor) params.set("cursor", view.cursor);
  if (view.cursor && view.page && view.page > 1) params.set("page", String(view.page));
  return params.size ? `/contacts?${params}` : "/contacts";
}

const KEYS = ["from", "to", "outcome", "status", "direction", "contactId", "q", "cursor"] as const;
export type CallsView = Partial<Record<(typeof KEYS)[number], string>>;

/** The /calls URL of a filter (and page); empty filters are left out so links stay short. */
export function callsHref(view: CallsView, path = "/calls"): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  return params.size ? `${path}?${params}` : path;
}

import type { ScheduledCallKind, ScheduledCallStatus } from "@/lib/generated/prisma/enums";

export interface SchedulingView {
  status?: ScheduledCallStatus;
  /** Only call backs, check-ins or plain calls. */
  kind?: ScheduledCallKind;
  /** Only this contact's calls. */
  contact?: string;
  /** Only this batch's calls. */
  batch?: string;
  /** The calls table's keyset page. */
  cursor?: string;
  /** The batch list's keyset page (older batches). */
  batches?: string;
}

/** The /scheduling URL of a view: the tabs, the batch filter and both pages live in the URL, so Back and links work. */
export function schedulingHref(view: SchedulingView): string {
  const params = new URLSearchParams();
  if (view.status) params.set("status", view.status);
  if (view.kind) params.set("kind", view.kind);
  if (view.contact) params.set("contact", view.contact);
  if (view.batch) params.set("batch", view.batch);
  if (view.cursor) params.set("cursor", view.cursor);
  if (view.batches) params.set("batches", view.batches);
  return params.size ? `/scheduling?${params}` : "/scheduling";
}

/** A call is open from the dial until its final event (the webhook, or the sweeper's look-up). */
export const OPEN_CALL_STATUSES = ["INITIATED", "IN_PROGRESS"] as const;
/** A call that ended: connected and recorded, or never connected. */
export const CLOSED_CALL_STATUSES = ["COMPLETED", "FAILED"] as const;

export type OpenCallStatus = (typeof OPEN_CALL_STATUSES)[number];

export function isOpenCall(status: string): status is OpenCallStatus {
  return (OPEN_CALL_STATUSES as readonly string[]).includes(status);
}

/** The spacing a batch's calls may have, in minutes: the schema's bounds, and the dialog's words for them. */
export const STAGGER_MINUTES_MIN = 1;
export const STAGGER_MINUTES_MAX = 60;

/** How far ahead an appointment may be booked, by the agent or by staff: beyond this a date is more likely misheard or mistyped than meant. */
export const MAX_DAYS_AHEAD = 366;

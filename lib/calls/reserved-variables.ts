/**
 * Dynamic variables every call fills in itself, per patient and clinic (buildDynamicVariables) or from the
 * call it follows up: a value sent with a call or a batch would make the agent say the wrong name, not say
 * which clinic is calling, or read out another patient's call.
 */
export const RESERVED_VARIABLES = [
  "contact_name",
  "contact_phone",
  "contact_email",
  "business_name",
  "business_website",
  "clinic_name",
  "current_date",
  "current_time",
  "current_weekday",
  "greeting",
  // A call back's history (lib/calls/callback-history.ts): the conversation it follows loads that patient's
  // summary and last words into the call, so a value sent with a batch would read one patient's call to others.
  "previous_conversation_id",
  "previous_call_summary",
  "previous_call_last_turns",
] as const;

export function isReservedVariable(key: string): boolean {
  return (RESERVED_VARIABLES as readonly string[]).includes(key);
}

export const RESERVED_VARIABLE_MESSAGE = "This name is filled in for each contact already; pick another";

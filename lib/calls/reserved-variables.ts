/**
 * Dynamic variables every call fills in itself, per patient and clinic (buildDynamicVariables): a value sent
 * with a call or a batch would make the agent say the wrong name, or not say which clinic is calling.
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
] as const;

export function isReservedVariable(key: string): boolean {
  return (RESERVED_VARIABLES as readonly string[]).includes(key);
}

export const RESERVED_VARIABLE_MESSAGE = "This name is filled in for each contact already; pick another";
